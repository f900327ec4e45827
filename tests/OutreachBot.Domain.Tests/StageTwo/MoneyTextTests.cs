using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Domain.Tests.StageTwo;

public sealed class MoneyTextTests
{
    [Theory]
    [InlineData("238万", 2_380_000, null)]
    [InlineData("1.2亿", 120_000_000, null)]
    [InlineData("2,380,000", 2_380_000, null)]
    [InlineData("¥2.38M", 2_380_000, "CNY")]
    [InlineData("￥2.38M", 2_380_000, "CNY")]
    [InlineData("2.38 million", 2_380_000, null)]
    [InlineData("238 万元", 2_380_000, "CNY")]
    [InlineData("人民币 238 万元", 2_380_000, "CNY")]
    [InlineData("CNY 2,380,000", 2_380_000, "CNY")]
    [InlineData("US$1.5m", 1_500_000, "USD")]
    [InlineData("$2.5 billion", 2_500_000_000, "USD")]
    [InlineData("300k", 300_000, null)]
    [InlineData("150万美元", 1_500_000, "USD")]
    [InlineData("80万欧元", 800_000, "EUR")]
    [InlineData("HK$3.2M", 3_200_000, "HKD")]
    [InlineData("５００万", 5_000_000, null)]
    [InlineData("1,234.50", 1_234.5, null)]
    [InlineData("2380000.00", 2_380_000, null)]
    public void Amounts_are_read_as_people_write_them(string text, double amount, string? currency)
    {
        var read = MoneyText.TryParse(text, out var value, out var named, out var problem);

        Assert.True(read, problem.ToString());
        Assert.Equal((decimal)amount, value);
        Assert.Equal(currency, named?.Code);
    }

    [Theory]
    [InlineData("abc", MoneyTextProblem.NotAnAmount)]
    [InlineData("2,38", MoneyTextProblem.NotAnAmount)]
    [InlineData("12 apples", MoneyTextProblem.NotAnAmount)]
    [InlineData("-5", MoneyTextProblem.Negative)]
    [InlineData("$5 CNY", MoneyTextProblem.TwoCurrencies)]
    [InlineData("", MoneyTextProblem.NotAnAmount)]
    public void What_is_not_an_amount_is_refused_with_the_reason(string text, MoneyTextProblem expected)
    {
        var read = MoneyText.TryParse(text, out _, out _, out var problem);

        Assert.False(read);
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData("人民币", "CNY")]
    [InlineData("RMB", "CNY")]
    [InlineData("cny", "CNY")]
    [InlineData("美元", "USD")]
    [InlineData("欧元", "EUR")]
    [InlineData("港币", "HKD")]
    [InlineData("港元", "HKD")]
    [InlineData("€", "EUR")]
    [InlineData("日元", "JPY")]
    public void Currencies_are_known_by_code_Chinese_name_and_symbol(string text, string code)
    {
        Assert.True(CurrencyNames.TryParse(text, out var currency));
        Assert.Equal(code, currency.Code);
    }
}
