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

/// <summary>Who the first-contact message goes to and who sends it.</summary>
public sealed record PitchRequest(
    string ProductIdea,
    StageOnePrep Prep,
    DepartmentRef Department,
    string? PersonName,
    LeadRoute Route,
    string? ReferrerName,
    string SenderName,
    string? SenderDepartment);

/// <summary>The drafted message in both languages (null when the prep is not ready), and the hints to improve it.</summary>
public sealed record PitchDraft(BilingualText? Text, IReadOnlyList<PrepHint> Hints)
{
    public bool IsReady => Text is not null;
}

/// <summary>
/// Drafts the first-contact message from the three points: polite, short, one ask. Long points are cut to
/// their first sentence, because the article warns that nobody reads a dump of everything at first contact.
/// </summary>
public static class PitchDrafter
{
    /// <summary>The draft for one target of an outreach; a lead that came by referral names the last introducer.</summary>
    public static PitchDraft Draft(Outreach outreach, OutreachTarget target, string? personName, string senderName, string? senderDepartment)
    {
        var referrer = target.Route == LeadRoute.Referral ? target.ReferralChain.LastOrDefault()?.PersonName : null;
        return Draft(new PitchRequest(
            outreach.ProductIdea, outreach.Prep, target.Department, personName, target.Route ?? LeadRoute.OrgChart, referrer, senderName, senderDepartment));
    }

    public static PitchDraft Draft(PitchRequest request)
    {
        var hints = PrepValidator.Validate(request.Prep);
        if (!PrepValidator.IsReady(hints))
        {
            return new PitchDraft(null, hints);
        }

        var background = Brief(request.Prep.ProductBackground!, PrepValidator.MaxWeight(PrepPoint.ProductBackground));
        var support = Brief(request.Prep.SupportNeeded!, PrepValidator.MaxWeight(PrepPoint.SupportNeeded));
        var benefit = Brief(request.Prep.WhatsInItForThem!, PrepValidator.MaxWeight(PrepPoint.WhatsInItForThem));
        var idea = Brief(request.ProductIdea, 80);
        var person = request.PersonName?.Trim();
        var sender = request.SenderName.Trim();
        var senderDepartment = request.SenderDepartment?.Trim();
        var referrer = request.ReferrerName?.Trim();
        var referred = request.Route == LeadRoute.Referral && !string.IsNullOrEmpty(referrer);

        var zh = new StringBuilder()
            .AppendLine(string.IsNullOrEmpty(person) ? "您好！" : $"{person}老师，您好！")
            .Append(string.IsNullOrEmpty(senderDepartment) ? $"我是{sender}，" : $"我是{senderDepartment}的{sender}，")
            .AppendLine(request.Route switch
            {
                _ when referred => $"经{referrer}介绍，冒昧联系您。",
                LeadRoute.KeywordSearch => $"在内网搜索时看到「{request.Department.NameZh}」负责相关业务，冒昧联系您。",
                _ => $"在组织架构里看到「{request.Department.NameZh}」可能负责相关业务，冒昧打扰一下。",
            })
            .AppendLine($"我们正在规划「{idea}」：{background}。")
            .AppendLine($"想请贵部门在{support}方面给予支持；对贵部门来说，{benefit}。")
            .Append(request.Route == LeadRoute.OrgChart && !referred
                ? "不知您是否方便抽 15 分钟简单聊聊？如果这件事不归您负责，也麻烦指点一下该找哪位同事，非常感谢！"
                : "不知您这周是否方便抽 15 分钟简单聊聊？非常感谢！")
            .ToString();

        var en = new StringBuilder()
            .AppendLine(string.IsNullOrEmpty(person) ? "Hello," : $"Hi {person},")
            .Append(string.IsNullOrEmpty(senderDepartment) ? $"I'm {sender}. " : $"I'm {sender} from {senderDepartment}. ")
            .AppendLine(request.Route switch
            {
                _ when referred => $"{referrer} suggested I get in touch with you.",
                LeadRoute.KeywordSearch => $"I found on the intranet that {request.Department.NameEn} works in this area, so I hope you don't mind me reaching out.",
                _ => $"The org chart suggests {request.Department.NameEn} may own this area, so I hope you don't mind me reaching out.",
            })
            .AppendLine($"We're planning \"{idea}\": {background}.")
            .AppendLine($"We'd like {request.Department.NameEn}'s support with {support}. For your team, {benefit}.")
            .Append(request.Route == LeadRoute.OrgChart && !referred
                ? "Could we have a quick 15-minute chat? If this isn't yours, I'd be grateful if you could point me to the right colleague. Thank you!"
                : "Could we have a quick 15-minute chat this week? Thank you!")
            .ToString();

        return new PitchDraft(new BilingualText(zh, en), hints);
    }

    /// <summary>The first sentence when the text is over budget, without its closing punctuation.</summary>
    internal static string Brief(string text, int maxWeight)
    {
        var trimmed = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (PrepValidator.Weight(trimmed) > maxWeight)
        {
            var end = trimmed.IndexOfAny(['。', '！', '？', '!', '?', '；', ';']);
            var dot = trimmed.IndexOf(". ", StringComparison.Ordinal);
            var cut = new[] { end, dot }.Where(i => i > 0).DefaultIfEmpty(-1).Min();
            trimmed = cut > 0 ? trimmed[..cut] : Truncate(trimmed, maxWeight);
        }

        return trimmed.TrimEnd('。', '.', '！', '!', '？', '?', '；', ';', '，', ',', ' ');
    }

    private static string Truncate(string text, int maxWeight)
    {
        var builder = new StringBuilder();
        var weight = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            weight += PrepValidator.IsCjk(rune) ? 2 : 1;
            if (weight > maxWeight)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString().TrimEnd() + "…";
    }
}
