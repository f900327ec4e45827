using System.Globalization;

namespace OutreachBot.Domain.Tests.Text;

public sealed class DateTextTests
{
    public static TheoryData<TypedCase> Days => TypedCases.Read("Text/dates.tsv", row => !IsRefusal(row));

    public static TheoryData<TypedCase> NotDays => TypedCases.Read("Text/dates.tsv", IsRefusal);

    [Theory]
    [MemberData(nameof(Days))]
    public void A_day_is_read_in_every_way_it_is_written(TypedCase row)
    {
        var read = DateText.TryParse(row.Text, Culture(row), out var date, out var problem);

        Assert.True(read, $"{row}: {problem}");
        Assert.Equal(DateOnly.ParseExact(row.Required(2), "yyyy-MM-dd", CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [MemberData(nameof(NotDays))]
    public void What_is_not_one_day_is_refused_with_the_reason(TypedCase row)
    {
        var read = DateText.TryParse(row.Text, Culture(row), out _, out var problem);

        Assert.False(read, row.ToString());
        Assert.Equal(Enum.Parse<DateTextProblem>(row.Required(2)), problem);
    }

    private static CultureInfo? Culture(TypedCase row) => row[1] is { } name ? CultureInfo.GetCultureInfo(name) : null;

    private static bool IsRefusal(TypedCase row) => Enum.IsDefined(typeof(DateTextProblem), row.Required(2));
}
