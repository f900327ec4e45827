using System.Collections.Frozen;

namespace OutreachBot.Domain.StageTwo;

/// <summary>An ISO 4217 currency code (three upper-case letters of an active currency).</summary>
public readonly record struct Currency
{
    private static readonly FrozenSet<string> Known = (
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD " +
        "CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF " +
        "GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP " +
        "LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB " +
        "PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL " +
        "THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL")
        .Split(' ').ToFrozenSet(StringComparer.Ordinal);

    private Currency(string code) => Code = code;

    public string Code { get; }

    public static Currency CNY { get; } = new("CNY");
    public static Currency USD { get; } = new("USD");
    public static Currency EUR { get; } = new("EUR");

    public static bool TryParse(string? text, out Currency currency)
    {
        var code = text?.Trim().ToUpperInvariant();
        if (code is { Length: 3 } && Known.Contains(code))
        {
            currency = new Currency(code);
            return true;
        }

        currency = default;
        return false;
    }

    public static Currency Parse(string text) =>
        TryParse(text, out var currency) ? currency : throw new FormatException($"'{text}' is not an ISO 4217 currency code.");

    public override string ToString() => Code ?? "";
}

/// <summary>An amount of money in a named currency; arithmetic never mixes currencies.</summary>
public readonly record struct Money(decimal Amount, Currency Currency) : ILocalizable
{
    public static Money Zero(Currency currency) => new(0m, currency);

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, SameCurrency(left, right));

    public static Money operator *(Money money, decimal factor) => new(money.Amount * factor, money.Currency);

    public override string ToString() => $"{Currency.Code} {Amount:0.##}";

    /// <summary>万/亿 for a Chinese reader, K/M/B for an English one (<see cref="MoneyFormatter"/>).</summary>
    public string Render(Copy copy, string? format) => MoneyFormatter.Format(this, copy.Language);

    private static Currency SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency
            ? left.Currency
            : throw new InvalidOperationException($"Cannot add {left.Currency} to {right.Currency} without a conversion.");
}
