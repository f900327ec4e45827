using System.Text;

namespace OutreachBot.Domain.Outreaches;

public enum PrepPoint
{
    ProductBackground,
    SupportNeeded,
    WhatsInItForThem,
}

public enum HintSeverity
{
    /// <summary>The pitch cannot be drafted until this is fixed.</summary>
    Missing,

    /// <summary>The pitch can be drafted, but would be better with this fixed.</summary>
    Advice,
}

/// <summary>What to fix in one of the three points; <see cref="Text"/> is a phrase (keys <c>Prep.Hint.*</c>).</summary>
public sealed record PrepHint(PrepPoint Point, HintSeverity Severity, Phrase Text);

/// <summary>
/// Checks the three stage-1 points. The article insists they are short: the first contact says briefly what
/// we need and what they gain, and saves the detail for the stage-2 meeting.
/// Lengths are weighted (a CJK character counts as two) so one budget fits both languages.
/// </summary>
public static class PrepValidator
{
    public const int MinWeight = 12;

    private static readonly string[] BuyerWords = ["客户", "用户", "市场", "采购", "购买", "付费", "买单", "需求", "customer", "client", "market", "buy", "purchase", "demand", "pay"];
    private static readonly string[] BenefitWords = ["收入", "营收", "分成", "收益", "创收", "业务", "范围", "市场", "客户", "增长", "revenue", "income", "share", "scope", "business", "market", "customer", "growth"];

    public static int MaxWeight(PrepPoint point) => point switch
    {
        PrepPoint.ProductBackground => 240,
        _ => 160,
    };

    public static IReadOnlyList<PrepHint> Validate(StageOnePrep prep)
    {
        var hints = new List<PrepHint>();
        Check(PrepPoint.ProductBackground, prep.ProductBackground, BuyerWords, new Phrase("Prep.Hint.WhoBuys"));
        Check(PrepPoint.SupportNeeded, prep.SupportNeeded, null, null);
        Check(PrepPoint.WhatsInItForThem, prep.WhatsInItForThem, BenefitWords, new Phrase("Prep.Hint.WhatTheyGain"));
        return hints;

        void Check(PrepPoint point, string? text, string[]? expectedWords, Phrase? expectedHint)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                hints.Add(new(point, HintSeverity.Missing, new Phrase("Prep.Hint.Missing", point)));
                return;
            }

            var weight = Weight(text);
            if (weight < MinWeight)
            {
                hints.Add(new(point, HintSeverity.Missing, new Phrase("Prep.Hint.Thin", point)));
            }
            else if (weight > MaxWeight(point))
            {
                hints.Add(new(point, HintSeverity.Advice, new Phrase("Prep.Hint.Long", point)));
            }

            if (expectedWords is not null && expectedHint is not null && !expectedWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                hints.Add(new(point, HintSeverity.Advice, expectedHint));
            }
        }
    }

    public static bool IsReady(IReadOnlyList<PrepHint> hints) => hints.All(h => h.Severity != HintSeverity.Missing);

    public static int Weight(string text)
    {
        var weight = 0;
        foreach (var rune in text.Trim().EnumerateRunes())
        {
            weight += IsCjk(rune) ? 2 : 1;
        }

        return weight;
    }

    internal static bool IsCjk(Rune rune) =>
        rune.Value is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x3000 and <= 0x303F or >= 0xFF00 and <= 0xFFEF or >= 0x20000 and <= 0x2FFFF;
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
        var business = request.Route == LeadRoute.KeywordSearch ? Plain(request.MatchedBusiness?.In(language)) : null;
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
            Plain(people.SenderDepartment?.In(language)),
            opening,
            language == Language.Chinese ? partner.NameZh : partner.NameEn,
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
    private static string? Capability(string? capability, PitchNote? support, Language language)
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
}
