using System.Text;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Outreaches;

/// <summary>What an outcome word means: one of the article's three first-contact outcomes, or how a partner ends.</summary>
public enum PartnerOutcome
{
    Refused,
    NoCapacity,
    Interested,

    /// <summary>The win: an initial agreement to cooperate.</summary>
    Agreed,

    /// <summary>We stop pursuing the partner.</summary>
    Dropped,
}

/// <summary>The words users type (or buttons send) for the outcomes, the end states and the refusal reasons, in both languages.</summary>
public static class OutcomeWords
{
    public const string Refused = "refused";
    public const string NoCapacity = "no-capacity";
    public const string Interested = "interested";
    public const string Agreed = "agreed";
    public const string Dropped = "dropped";

    private static readonly (PartnerOutcome Outcome, string[] Words)[] OutcomeTable =
    [
        (PartnerOutcome.Refused,
        [
            Refused, "refuse", "rejected", "declined", "no",
            "拒绝", "拒绝了", "被拒", "不同意", "不同意合作", "没兴趣", "不感兴趣",

            // "It fell through" is their no, not our giving up; and it must not read as 达成 glued to the department.
            "没有达成", "没达成", "未达成", "没谈成", "没谈拢",
        ]),
        (PartnerOutcome.NoCapacity, [NoCapacity, "nocapacity", "no_capacity", "capacity", "busy", "没人力", "没有人力", "缺人力", "人力不足", "没人手"]),
        (PartnerOutcome.Interested, [Interested, "interest", "yes", "有兴趣", "感兴趣", "很感兴趣", "有意向", "愿意"]),
        (PartnerOutcome.Agreed,
        [
            Agreed, "agree", "agreement", "deal", "won",
            "达成", "达成了", "达成合作", "达成一致", "谈成", "谈成了", "同意合作", "拿下", "拿下了",
        ]),
        (PartnerOutcome.Dropped, [Dropped, "drop", "give-up", "gave-up", "abandoned", "放弃", "放弃了", "不跟了", "不谈了"]),
    ];

    private static readonly Dictionary<string, PartnerOutcome> Outcomes = OutcomeTable
        .SelectMany(o => o.Words, (o, word) => (Word: word, o.Outcome))
        .ToDictionary(w => w.Word, w => w.Outcome, StringComparer.OrdinalIgnoreCase);

    private static readonly (RefusalReason Reason, string[] Words)[] Reasons =
    [
        (RefusalReason.NotTheirScope, ["not-their-scope", "scope", "not their business", "业务范围", "不属于", "不归", "范围"]),
        (RefusalReason.RevenueNotTheirKpi, ["revenue-not-kpi", "kpi", "revenue", "收入", "考核", "指标"]),
        (RefusalReason.FocusedOnCore, ["focused-on-core", "focus", "core", "聚焦", "本业", "主业", "核心"]),
        (RefusalReason.Other, ["other", "其他", "其它"]),
    ];

    public static string Code(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.Refused => Refused,
        ContactOutcome.NoCapacity => NoCapacity,
        _ => Interested,
    };

    /// <summary>The first-contact outcome a word names, or null for an end state (agreed, dropped).</summary>
    public static ContactOutcome? AsContactOutcome(PartnerOutcome outcome) => outcome switch
    {
        PartnerOutcome.Refused => ContactOutcome.Refused,
        PartnerOutcome.NoCapacity => ContactOutcome.NoCapacity,
        PartnerOutcome.Interested => ContactOutcome.Interested,
        _ => null,
    };

    public static string Code(RefusalReason reason) => Reasons.First(r => r.Reason == reason).Words[0];

    public static PartnerOutcome? ParseOutcome(string? word) =>
        word is not null && Outcomes.TryGetValue(Clean(word).Replace('_', '-').Replace(' ', '-'), out var outcome) ? outcome : null;

    /// <summary>The reason a refusal's text names, and the text itself as the note unless it is only a reason word.</summary>
    public static (RefusalReason? Reason, string? Note) ParseReason(string? text)
    {
        var cleaned = Clean(text ?? string.Empty);
        if (cleaned.Length == 0)
        {
            return (null, null);
        }

        foreach (var (reason, words) in Reasons)
        {
            if (words.Any(w => string.Equals(w, cleaned, StringComparison.OrdinalIgnoreCase)))
            {
                return (reason, null);
            }
        }

        var found = Reasons.FirstOrDefault(r => r.Words.Any(w => cleaned.Contains(w, StringComparison.OrdinalIgnoreCase)));
        return (found.Words is null ? RefusalReason.Other : found.Reason, text!.Trim());
    }

    /// <summary>
    /// "支付中台 拒绝 不是他们的业务" / "Payments Platform no capacity" / "语音 达成 接口接入，五五分成": the department words
    /// before the first outcome word, the outcome, and the rest as the reason (for an agreement: what was agreed; for a
    /// drop: why). A Chinese outcome may be glued to the department (支付中台拒绝).
    /// </summary>
    public static OutcomeCommandText? ParseCommand(string arguments)
    {
        var tokens = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            var twoWords = i + 1 < tokens.Length ? ParseOutcome(tokens[i] + "-" + tokens[i + 1]) : null;
            if (i > 0 && (twoWords ?? ParseOutcome(tokens[i])) is { } outcome)
            {
                var restFrom = twoWords is null ? i + 1 : i + 2;
                return new(string.Join(' ', tokens[..i]), outcome, Rest(tokens, restFrom));
            }

            foreach (var (word, glued) in Outcomes.Where(o => !o.Key.All(char.IsAscii)).OrderByDescending(o => o.Key.Length))
            {
                if (tokens[i].Length > word.Length && tokens[i].EndsWith(word, StringComparison.Ordinal))
                {
                    var department = string.Join(' ', tokens[..i].Append(tokens[i][..^word.Length]));
                    return new(department, glued, Rest(tokens, i + 1));
                }
            }
        }

        return null;
    }

    private static string? Rest(string[] tokens, int from) => from < tokens.Length ? string.Join(' ', tokens[from..]) : null;

    private static string Clean(string word) => word.Normalize(NormalizationForm.FormKC).Trim().Trim('.', '。', '!', '！', ',', '，');
}

public sealed record OutcomeCommandText(string Department, PartnerOutcome Outcome, string? Reason);
