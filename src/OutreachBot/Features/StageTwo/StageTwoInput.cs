using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OutreachBot.Chat.Flows;
using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Features.StageTwo;

/// <summary>Reads what people type into the stage-2 flows: amounts with currencies, percentages, lists, owners, shares.</summary>
public static partial class StageTwoInput
{
    private static readonly string[] None = ["none", "no", "-", "n/a", "skip", "无", "没有", "暂无", "跳过", "不填"];

    public static bool IsNone(string text) => None.Contains(Normalize(text).ToLowerInvariant());

    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>"3000", "3,000 USD", "¥5万", "US$ 1.2 million": the amount and the currency, if one was named.</summary>
    public static (decimal Amount, Currency? Currency)? Money(string text, ChatSession session)
    {
        var t = Normalize(text);
        Currency? currency = null;
        foreach (var (symbol, code) in Symbols)
        {
            if (t.Contains(symbol, StringComparison.OrdinalIgnoreCase))
            {
                currency = Domain.StageTwo.Currency.Parse(code);
                t = t.Replace(symbol, " ", StringComparison.OrdinalIgnoreCase);
                break;
            }
        }

        var code3 = CurrencyCode().Match(t);
        if (code3.Success && Domain.StageTwo.Currency.TryParse(code3.Value, out var named))
        {
            currency = named;
            t = t.Remove(code3.Index, code3.Length);
        }

        return Number(t, session) is { } amount ? (amount, currency) : null;
    }

    /// <summary>A plain or natural-language number ("1.2万", "3 million").</summary>
    public static decimal? Number(string text, ChatSession session) =>
        new NumberPrompt(_ => "").Recognize(text, session) is PromptResult<decimal>.Accepted accepted ? accepted.Value : null;

    /// <summary>"5%", "5", "百分之五" → 0.05: a bare number is read as percent, as the question says.</summary>
    public static decimal? Percent(string text, ChatSession session)
    {
        var t = Normalize(text).Replace("%", "", StringComparison.Ordinal).Replace("百分之", "", StringComparison.Ordinal);
        return Number(t, session) is { } value && value is >= 0 and <= 100 ? value / 100m : null;
    }

    /// <summary>Items separated by commas, semicolons, 、 or new lines.</summary>
    public static IReadOnlyList<string> List(string text) =>
        [.. Normalize(text).Split([',', ';', '、', '\n', '，', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 0)];

    /// <summary>Items separated by semicolons or new lines (commas may appear inside an item).</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        [.. Normalize(text).Split([';', '\n', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 0)];

    /// <summary>"name: detail" (either colon); null when there is no colon or a side is empty.</summary>
    public static (string Name, string Detail)? Pair(string item)
    {
        var i = item.IndexOfAny([':', '：']);
        if (i <= 0 || i == item.Length - 1)
        {
            return null;
        }

        var name = item[..i].Trim();
        var detail = item[(i + 1)..].Trim();
        return name.Length == 0 || detail.Length == 0 ? null : (name, detail);
    }

    /// <summary>"需求调研 我方", "API - partner": the task and who owns it (the last word).</summary>
    public static (string Task, Responsibility Owner)? Task(string item)
    {
        var t = item.TrimEnd('.', '。');
        foreach (var (word, owner) in Owners)
        {
            var ascii = word.All(char.IsAscii);
            if (t.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (!ascii || t.Length == word.Length || !char.IsLetter(t[^(word.Length + 1)])))
            {
                var task = t[..^word.Length].Trim().TrimEnd('-', '–', '—', ':', '：', ',', '，', '(', '（').Trim();
                return task.Length == 0 ? null : (task, owner);
            }
        }

        return null;
    }

    /// <summary>"我方 60%，对方 40%" or "us 60, partner 40": each party and its share as a fraction.</summary>
    public static IReadOnlyList<RevenueShare>? Shares(string text)
    {
        var shares = new List<RevenueShare>();
        foreach (var item in List(text))
        {
            var match = ShareItem().Match(item);
            if (!match.Success || !decimal.TryParse(match.Groups["value"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var percent))
            {
                return null;
            }

            shares.Add(new RevenueShare(match.Groups["party"].Value.Trim().TrimEnd(':', '：').Trim(), percent / 100m));
        }

        return shares.Count == 0 ? null : shares;
    }

    private static readonly (string Symbol, string Code)[] Symbols =
        [("US$", "USD"), ("HK$", "HKD"), ("¥", "CNY"), ("￥", "CNY"), ("元", "CNY"), ("€", "EUR"), ("$", "USD")];

    private static readonly (string Word, Responsibility Owner)[] Owners =
    [
        ("我方", Responsibility.Ours), ("对方", Responsibility.Theirs), ("双方", Responsibility.Shared), ("共同", Responsibility.Shared),
        ("ours", Responsibility.Ours), ("us", Responsibility.Ours), ("we", Responsibility.Ours),
        ("theirs", Responsibility.Theirs), ("partner", Responsibility.Theirs), ("them", Responsibility.Theirs),
        ("shared", Responsibility.Shared), ("both", Responsibility.Shared),
    ];

    [GeneratedRegex(@"\b[A-Za-z]{3}\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CurrencyCode();

    [GeneratedRegex(@"^(?<party>.+?)\s*(?<value>\d+(\.\d+)?)\s*%?$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ShareItem();
}
