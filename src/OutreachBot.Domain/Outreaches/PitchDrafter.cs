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

public sealed record PrepHint(PrepPoint Point, HintSeverity Severity, BilingualText Text);

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
        Check(PrepPoint.ProductBackground, prep.ProductBackground, BuyerWords, new(
            "补充一句谁会买单：做完后有没有客户愿意采购？", "Add who will buy it: will customers pay for it once it's built?"));
        Check(PrepPoint.SupportNeeded, prep.SupportNeeded, null, null);
        Check(PrepPoint.WhatsInItForThem, prep.WhatsInItForThem, BenefitWords, new(
            "说清楚对方能得到什么：是直接增加收入，还是拓展业务范围？", "Say what they gain: direct revenue, or a wider business scope?"));
        return hints;

        void Check(PrepPoint point, string? text, string[]? expectedWords, BilingualText? expectedHint)
        {
            var name = Name(point);
            if (string.IsNullOrWhiteSpace(text))
            {
                hints.Add(new(point, HintSeverity.Missing, new($"还缺「{name.Zh}」，请用一两句话写清楚。", $"The {name.En} is missing; one or two sentences will do.")));
                return;
            }

            var weight = Weight(text);
            if (weight < MinWeight)
            {
                hints.Add(new(point, HintSeverity.Missing, new($"「{name.Zh}」太简略了，对方可能看不懂，请再具体一点。", $"The {name.En} is too thin for them to understand; be a bit more specific.")));
            }
            else if (weight > MaxWeight(point))
            {
                hints.Add(new(point, HintSeverity.Advice, new(
                    $"「{name.Zh}」有点长。初次联系简短扼要就好，细节留到第二次深入沟通再讲。",
                    $"The {name.En} is long. Keep the first contact brief; save the detail for the second, deeper meeting.")));
            }

            if (expectedWords is not null && expectedHint is not null && !expectedWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                hints.Add(new(point, HintSeverity.Advice, expectedHint));
            }
        }
    }

    public static bool IsReady(IReadOnlyList<PrepHint> hints) => hints.All(h => h.Severity != HintSeverity.Missing);

    public static BilingualText Name(PrepPoint point) => point switch
    {
        PrepPoint.ProductBackground => new("产品背景", "product background"),
        PrepPoint.SupportNeeded => new("需要对方提供的支持", "support needed"),
        PrepPoint.WhatsInItForThem => new("能给对方带来什么", "what's in it for them"),
        _ => throw new ArgumentOutOfRangeException(nameof(point), point, null),
    };

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
