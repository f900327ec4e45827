using System.Globalization;
using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Domain.Tests.StageTwo;

public sealed class MoneyTextTests
{
    public static TheoryData<TypedCase> Amounts => TypedCases.Read("StageTwo/amounts.tsv", row => !IsRefusal(row));

    public static TheoryData<TypedCase> NotAmounts => TypedCases.Read("StageTwo/amounts.tsv", IsRefusal);

    public static TheoryData<TypedCase> CurrencyNamesAsTyped => TypedCases.Read("StageTwo/currency-names.tsv");

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Amounts_are_read_as_people_write_them(TypedCase row)
    {
        var read = MoneyText.TryParse(row.Text, out var value, out var named, out var problem);

        Assert.True(read, $"{row}: {problem}");
        Assert.Equal(decimal.Parse(row.Required(1), CultureInfo.InvariantCulture), value);
        Assert.Equal(row[2], named?.Code);
    }

    [Theory]
    [MemberData(nameof(NotAmounts))]
    public void What_is_not_an_amount_is_refused_with_the_reason(TypedCase row)
    {
        var read = MoneyText.TryParse(row.Text, out _, out _, out var problem);

        Assert.False(read, row.ToString());
        Assert.Equal(Enum.Parse<MoneyTextProblem>(row.Required(1)), problem);
    }

    [Theory]
    [MemberData(nameof(CurrencyNamesAsTyped))]
    public void Currencies_are_known_by_code_Chinese_name_and_symbol(TypedCase row)
    {
        Assert.True(CurrencyNames.TryParse(row.Text, out var currency), row.ToString());
        Assert.Equal(row.Required(1), currency.Code);
    }

    private static bool IsRefusal(TypedCase row) => Enum.IsDefined(typeof(MoneyTextProblem), row.Required(1));
}
