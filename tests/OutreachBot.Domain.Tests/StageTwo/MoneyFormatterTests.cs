using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Domain.Tests.StageTwo;

public sealed class MoneyFormatterTests
{
    private const Language Zh = Language.Chinese;
    private const Language En = Language.English;

    [Theory]
    [InlineData(320_000_000, "¥3.2亿")]
    [InlineData(45_000_000, "¥4,500万")]
    [InlineData(12_345_678, "¥1,235万")]
    [InlineData(123_456, "¥12.3万")]
    [InlineData(9_940, "¥9,940")]
    [InlineData(9_999, "¥1万")]
    [InlineData(999_960_000, "¥10亿")]
    [InlineData(0, "¥0")]
    [InlineData(-45_000_000, "-¥4,500万")]
    public void Chinese_amounts_use_wan_and_yi(decimal amount, string expected)
    {
        var text = MoneyFormatter.Format(new Money(amount, Currency.CNY), Zh);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Chinese_amounts_under_ten_thousand_keep_their_fraction()
    {
        var text = MoneyFormatter.Format(new Money(99.5m, Currency.CNY), Zh);

        Assert.Equal("¥99.5", text);
    }

    [Theory]
    [InlineData(320_000_000, "CNY 320M")]
    [InlineData(45_000_000, "CNY 45M")]
    [InlineData(1_234_567_890, "CNY 1.23B")]
    [InlineData(12_500, "CNY 12.5K")]
    [InlineData(999_999, "CNY 1M")]
    [InlineData(950, "CNY 950")]
    public void English_amounts_use_k_m_b_with_the_currency_code(decimal amount, string expected)
    {
        var text = MoneyFormatter.Format(new Money(amount, Currency.CNY), En);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Chinese_text_names_a_foreign_currency_by_its_code()
    {
        var text = MoneyFormatter.Format(new Money(2_000_000m, Currency.Parse("JPY")), Zh);

        Assert.Equal("JPY 200万", text);
    }

    [Theory]
    [InlineData("cny", true)]
    [InlineData("USD", true)]
    [InlineData("RMB", false)]
    [InlineData("US", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_iso_4217_codes_are_currencies(string? text, bool valid)
    {
        var parsed = Currency.TryParse(text, out _);

        Assert.Equal(valid, parsed);
    }

    [Fact]
    public void Adding_money_in_different_currencies_is_refused()
    {
        var yuan = new Money(1m, Currency.CNY);
        var dollars = new Money(1m, Currency.USD);

        Assert.Throws<InvalidOperationException>(() => yuan + dollars);
    }
}
