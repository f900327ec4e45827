using System.Globalization;

namespace OutreachBot.Domain.Tests.Text;

public sealed class DateTextTests
{
    [Theory]
    [InlineData("2026-03-18", null)]
    [InlineData("2026/3/18", null)]
    [InlineData("2026.3.18", null)]
    [InlineData("2026年3月18日", null)]
    [InlineData("2026 年 3 月 18 日", null)]
    [InlineData("20260318", null)]
    [InlineData("2026-03-18T08:30:00+08:00", null)]
    [InlineData("2026/3/18 0:00", null)]
    [InlineData("3/18/2026", "en-US")]
    [InlineData("3/18/2026", null)]
    [InlineData("18/3/2026", "en-US")]
    [InlineData("March 18, 2026", "en-US")]
    [InlineData("18 Mar 2026", null)]
    public void The_eighteenth_of_March_in_every_way_it_is_written(string text, string? culture)
    {
        var read = DateText.TryParse(text, culture is null ? null : CultureInfo.GetCultureInfo(culture), out var date, out var problem);

        Assert.True(read, problem.ToString());
        Assert.Equal(new DateOnly(2026, 3, 18), date);
    }

    [Theory]
    [InlineData("3/4/2026", null, DateTextProblem.Ambiguous)]
    [InlineData("3/4/2026", "zh-CN", DateTextProblem.Ambiguous)]
    [InlineData("2026-02-30", null, DateTextProblem.NoSuchDay)]
    [InlineData("13/14/2026", "en-US", DateTextProblem.NoSuchDay)]
    [InlineData("yesterday", null, DateTextProblem.NotADate)]
    [InlineData("", null, DateTextProblem.NotADate)]
    public void What_is_not_one_day_is_refused_with_the_reason(string text, string? culture, DateTextProblem expected)
    {
        var read = DateText.TryParse(text, culture is null ? null : CultureInfo.GetCultureInfo(culture), out _, out var problem);

        Assert.False(read);
        Assert.Equal(expected, problem);
    }
}
