using System.Text;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Outreaches;

/// <summary>The words users type (or buttons send) for the three outcomes and the refusal reasons, in both languages.</summary>
public static class OutcomeWords
{
    public const string Refused = "refused";
    public const string NoCapacity = "no-capacity";
    public const string Interested = "interested";

    private static readonly Dictionary<string, ContactOutcome> Outcomes = new(StringComparer.OrdinalIgnoreCase)
    {
        [Refused] = ContactOutcome.Refused,
        ["refuse"] = ContactOutcome.Refused,
        ["rejected"] = ContactOutcome.Refused,
        ["declined"] = ContactOutcome.Refused,
        ["no"] = ContactOutcome.Refused,
        ["拒绝"] = ContactOutcome.Refused,
        ["拒绝了"] = ContactOutcome.Refused,
        ["被拒"] = ContactOutcome.Refused,
        ["不同意"] = ContactOutcome.Refused,
        ["没兴趣"] = ContactOutcome.Refused,
        ["不感兴趣"] = ContactOutcome.Refused,
        [NoCapacity] = ContactOutcome.NoCapacity,
        ["nocapacity"] = ContactOutcome.NoCapacity,
        ["no_capacity"] = ContactOutcome.NoCapacity,
        ["capacity"] = ContactOutcome.NoCapacity,
        ["busy"] = ContactOutcome.NoCapacity,
        ["没人力"] = ContactOutcome.NoCapacity,
        ["没有人力"] = ContactOutcome.NoCapacity,
        ["缺人力"] = ContactOutcome.NoCapacity,
        ["人力不足"] = ContactOutcome.NoCapacity,
        ["没人手"] = ContactOutcome.NoCapacity,
        [Interested] = ContactOutcome.Interested,
        ["interest"] = ContactOutcome.Interested,
        ["yes"] = ContactOutcome.Interested,
        ["有兴趣"] = ContactOutcome.Interested,
        ["感兴趣"] = ContactOutcome.Interested,
        ["很感兴趣"] = ContactOutcome.Interested,
        ["有意向"] = ContactOutcome.Interested,
        ["愿意"] = ContactOutcome.Interested,
    };

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

    public static string Code(RefusalReason reason) => Reasons.First(r => r.Reason == reason).Words[0];

    public static ContactOutcome? ParseOutcome(string? word) =>
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
    /// "支付中台 拒绝 不是他们的业务" / "Payments Platform no capacity": the department words before the first outcome
    /// word, the outcome, and the rest as the reason. A Chinese outcome may be glued to the department (支付中台拒绝).
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

public sealed record OutcomeCommandText(string Department, ContactOutcome Outcome, string? Reason);
