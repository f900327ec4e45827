using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OutreachBot.Domain.StageTwo;

public enum MoneyTextProblem
{
    None,
    NotAnAmount,
    Negative,
    TwoCurrencies,
}

/// <summary>
/// Currencies as people name them: ISO codes (CNY, usd), Chinese names (人民币, 美元, 欧元, 港币), the common
/// abbreviations (RMB) and symbols (¥, ￥, $, US$, €, HK$, £).
/// </summary>
public static class CurrencyNames
{
    /// <summary>Longest first, so 美元 wins over 元 and US$ over $.</summary>
    internal static readonly (string Name, string Code)[] Names = new (string Name, string Code)[]
    {
        ("人民币", "CNY"), ("rmb", "CNY"), ("元", "CNY"), ("¥", "CNY"), ("cn¥", "CNY"),
        ("美元", "USD"), ("美金", "USD"), ("us$", "USD"), ("$", "USD"),
        ("欧元", "EUR"), ("€", "EUR"),
        ("港币", "HKD"), ("港元", "HKD"), ("港幣", "HKD"), ("hk$", "HKD"),
        ("日元", "JPY"), ("日圆", "JPY"), ("円", "JPY"),
        ("英镑", "GBP"), ("£", "GBP"),
        ("新台币", "TWD"), ("nt$", "TWD"),
        ("澳元", "AUD"), ("a$", "AUD"),
        ("加元", "CAD"), ("c$", "CAD"),
        ("新加坡元", "SGD"), ("新元", "SGD"), ("s$", "SGD"),
        ("韩元", "KRW"), ("₩", "KRW"),
        ("瑞士法郎", "CHF"), ("卢布", "RUB"), ("澳门元", "MOP"), ("澳门币", "MOP"),
    }.OrderByDescending(n => n.Name.Length).ToArray();

    /// <summary>A currency column's value: an ISO code, a name or a symbol, nothing else.</summary>
    public static bool TryParse(string? text, out Currency currency)
    {
        var t = (text ?? "").Normalize(NormalizationForm.FormKC).Trim();
        if (Currency.TryParse(t, out currency))
        {
            return true;
        }

        foreach (var (name, code) in Names)
        {
            if (string.Equals(t, name, StringComparison.OrdinalIgnoreCase))
            {
                currency = Currency.Parse(code);
                return true;
            }
        }

        currency = default;
        return false;
    }
}

/// <summary>
/// Reads an amount as people write it, with its currency when it names one: 238万, 1.2亿, 2,380,000, ¥2.38M,
/// 2.38 million, 238 万元, US$1.5m, 人民币 238 万元, CNY 2,380,000, 300k. Thousands separators must group by three,
/// so "2,38" is refused rather than guessed at.
/// </summary>
public static partial class MoneyText
{
    private static readonly (string Word, decimal Factor)[] Scales = new (string Word, decimal Factor)[]
    {
        ("万亿", 1_000_000_000_000m), ("亿", 100_000_000m), ("千万", 10_000_000m), ("百万", 1_000_000m), ("十万", 100_000m),
        ("万", 10_000m), ("千", 1_000m),
        ("trillion", 1_000_000_000_000m), ("billion", 1_000_000_000m), ("million", 1_000_000m), ("thousand", 1_000m),
        ("bn", 1_000_000_000m), ("mn", 1_000_000m), ("mm", 1_000_000m), ("b", 1_000_000_000m), ("m", 1_000_000m), ("k", 1_000m),
    }.OrderByDescending(s => s.Word.Length).ToArray();

    public static bool TryParse(string? text, out decimal amount, out Currency? currency, out MoneyTextProblem problem)
    {
        amount = 0;
        currency = null;
        problem = MoneyTextProblem.NotAnAmount;
        var t = (text ?? "").Normalize(NormalizationForm.FormKC).Trim().Replace("\u00A0", " ", StringComparison.Ordinal);
        if (t.Length == 0)
        {
            return false;
        }

        // Currency: a name or symbol anywhere, or an ISO code as a word of its own.
        var found = new List<Currency>();
        foreach (var (name, code) in CurrencyNames.Names)
        {
            var at = t.IndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (!name.All(char.IsAsciiLetter) || IsWord(t, at, name.Length)))
            {
                found.Add(Currency.Parse(code));
                t = t.Remove(at, name.Length).Insert(at, " ");
            }
        }

        foreach (Match code in IsoCode().Matches(t))
        {
            if (Currency.TryParse(code.Value, out var iso))
            {
                found.Add(iso);
                t = t.Replace(code.Value, " ", StringComparison.Ordinal);
                break;
            }
        }

        if (found.Distinct().Count() > 1)
        {
            problem = MoneyTextProblem.TwoCurrencies;
            return false;
        }

        var negative = false;
        t = t.Trim();
        if (t.StartsWith('-') || t.StartsWith('−'))
        {
            negative = true;
            t = t[1..].Trim();
        }

        var match = AmountForm().Match(t);
        if (!match.Success || !decimal.TryParse(match.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var scaleWord = match.Groups["scale"].Value;
        var factor = 1m;
        if (scaleWord.Length > 0)
        {
            var scale = Scales.FirstOrDefault(s => string.Equals(s.Word, scaleWord, StringComparison.OrdinalIgnoreCase));
            if (scale.Word is null)
            {
                return false;
            }

            factor = scale.Factor;
        }

        try
        {
            amount = number * factor;
        }
        catch (OverflowException)
        {
            return false;
        }

        currency = found.Count > 0 ? found[0] : null;
        if (negative)
        {
            amount = -amount;
            problem = MoneyTextProblem.Negative;
            return false;
        }

        problem = MoneyTextProblem.None;
        return true;
    }

    private static bool IsWord(string text, int at, int length) =>
        (at == 0 || !char.IsAsciiLetter(text[at - 1])) && (at + length >= text.Length || !char.IsAsciiLetter(text[at + length]));

    /// <summary>1234, 1,234,567.89, .5, 2.38 — then an optional scale word (万, 亿, M, million …), spaces allowed between.</summary>
    [GeneratedRegex(@"^(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(?<scale>[\p{L}]+)?$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AmountForm();

    [GeneratedRegex(@"\b[A-Za-z]{3}\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IsoCode();
}
