using System.Globalization;

namespace OutreachBot.Domain.StageTwo;

/// <summary>
/// Formats money the way each audience reads large numbers: 万 / 亿 in Chinese (¥3.2亿, 4,500万),
/// K / M / B in English (CNY 320M). Three significant digits are kept for scaled amounts.
/// </summary>
public static class MoneyFormatter
{
    private static readonly (decimal Scale, string Suffix)[] ChineseScales = [(1_0000_0000_0000m, "万亿"), (1_0000_0000m, "亿"), (1_0000m, "万")];
    private static readonly (decimal Scale, string Suffix)[] EnglishScales = [(1_000_000_000_000m, "T"), (1_000_000_000m, "B"), (1_000_000m, "M"), (1_000m, "K")];

    public static string Format(Money money, Language language)
    {
        var chinese = language == Language.Chinese;
        var sign = money.Amount < 0 ? "-" : "";
        var number = Scaled(Math.Abs(money.Amount), chinese ? ChineseScales : EnglishScales);
        return chinese
            ? $"{sign}{ChinesePrefix(money.Currency)}{number}"
            : $"{sign}{money.Currency.Code} {number}";
    }

    private static string Scaled(decimal amount, (decimal Scale, string Suffix)[] scales)
    {
        foreach (var (scale, suffix) in scales)
        {
            // Round first so 9,999.6万 becomes 1亿 rather than "10,000万".
            var scaled = RoundToSignificant(amount / scale);
            if (scaled >= 1m)
            {
                return Number(scaled) + suffix;
            }
        }

        return amount >= 100m ? Math.Round(amount, 0, MidpointRounding.AwayFromZero).ToString("#,0", CultureInfo.InvariantCulture) : Number(Math.Round(amount, 2, MidpointRounding.AwayFromZero));
    }

    private static decimal RoundToSignificant(decimal value) => value switch
    {
        >= 100m => Math.Round(value, 0, MidpointRounding.AwayFromZero),
        >= 10m => Math.Round(value, 1, MidpointRounding.AwayFromZero),
        _ => Math.Round(value, 2, MidpointRounding.AwayFromZero),
    };

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string ChinesePrefix(Currency currency) => currency.Code switch
    {
        "CNY" => "¥",
        "USD" => "US$",
        "EUR" => "€",
        "HKD" => "HK$",
        _ => currency.Code + " ",
    };
}
