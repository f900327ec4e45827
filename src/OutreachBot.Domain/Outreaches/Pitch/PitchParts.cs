namespace OutreachBot.Domain.Outreaches;

/// <summary>
/// A drafted message in one language, as parts the chat layer puts into its templates: who is greeted and how, who
/// we are, how the lead was found, and the three points read as notes (each with the shape that decides its frame).
/// </summary>
/// <param name="GreetingName">The Chinese full name or the English given name; null when nobody is known by name.</param>
/// <param name="Introducer">The colleague who introduced us, when the lead came by referral.</param>
/// <param name="Capability">A short name of what we need, for the question to a veteran and the no-capacity follow-up.</param>
public sealed record PitchParts(
    PitchVariant Variant,
    PitchLanguage Language,
    string? GreetingName,
    FormOfAddress Form,
    string SenderName,
    string? SenderDepartment,
    PitchOpening Opening,
    string DepartmentName,
    string? Introducer,
    string? MatchedBusiness,
    string Idea,
    PitchNote? Background,
    PitchNote? Support,
    PitchNote? Benefit,
    string? Capability,
    string? Slot);

/// <summary>The draft (null while the three points are not ready) and the hints to improve them.</summary>
public sealed record PitchDraft(PitchParts? Parts, IReadOnlyList<PrepHint> Hints)
{
    public bool IsReady => Parts is not null;
}

/// <summary>
/// Drafts the message the way a thoughtful senior colleague would: short (a long point keeps its first sentence), addressed
/// to the person, in the user's language, with the three points read as notes by <see cref="NoteReader"/>.
/// </summary>
public static class PitchDrafter
{
    private const int CapabilityWeight = 48;

    public static PitchDraft Draft(PitchRequest request)
    {
        var needsPrep = request.Variant is PitchVariant.FirstContact or PitchVariant.AskForPointer;
        var hints = needsPrep ? PrepValidator.Validate(request.Prep) : [];
        if (!PrepValidator.IsReady(hints))
        {
            return new PitchDraft(null, hints);
        }

        var language = request.Language;
        var partner = request.Department;
        var people = request.People;
        var support = NoteReader.Read(request.Prep.SupportNeeded, NoteRole.Support, language, partner, PrepValidator.MaxWeight(PrepPoint.SupportNeeded));
        var introducer = request.Route == LeadRoute.Referral ? people.Introducer?.FullName(language) : null;
        var business = request.Route == LeadRoute.KeywordSearch ? Plain(request.MatchedBusiness?.For(Locale(language))) : null;
        var opening = request.Route switch
        {
            LeadRoute.Referral when introducer is not null => PitchOpening.Referral,
            LeadRoute.KeywordSearch => PitchOpening.Keyword,
            LeadRoute.OrgChart => PitchOpening.OrgChart,
            _ => PitchOpening.Plain,
        };

        var parts = new PitchParts(
            request.Variant,
            language,
            people.Addressee?.GreetingName(language),
            people.Form,
            people.Sender.FullName(language) ?? string.Empty,
            Plain(people.SenderDepartment?.For(Locale(language))),
            opening,
            language == PitchLanguage.Chinese ? partner.NameZh : partner.NameEn,
            introducer,
            business,
            NoteReader.TrimPunctuation(NoteReader.Clean(request.ProductIdea, NoteReader.LanguageOf(request.ProductIdea))),
            NoteReader.Read(request.Prep.ProductBackground, NoteRole.Background, language, partner, PrepValidator.MaxWeight(PrepPoint.ProductBackground)),
            support,
            NoteReader.Read(request.Prep.WhatsInItForThem, NoteRole.Benefit, language, partner, PrepValidator.MaxWeight(PrepPoint.WhatsInItForThem)),
            Capability(request.CapabilityNeeded, support, language),
            Plain(request.Slot));
        return new PitchDraft(parts, hints);
    }

    /// <summary>A short name of what we need: the capability as typed, else a short support note that is a noun phrase.</summary>
    private static string? Capability(string? capability, PitchNote? support, PitchLanguage language)
    {
        if (Plain(capability) is { } given && PrepValidator.Weight(given) <= CapabilityWeight)
        {
            return NoteReader.TrimPunctuation(NoteReader.Clean(given, NoteReader.LanguageOf(given)));
        }

        return support is { Shape: NoteShape.Phrase } phrase && PrepValidator.Weight(phrase.Text) <= CapabilityWeight && NoteReader.LanguageOf(phrase.Text) == language
            ? phrase.Text
            : null;
    }

    private static string? Plain(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Locale(PitchLanguage language) => language == PitchLanguage.Chinese ? "zh-CN" : "en-US";
}
