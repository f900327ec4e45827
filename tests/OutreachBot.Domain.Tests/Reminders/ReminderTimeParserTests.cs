using System.Globalization;

namespace OutreachBot.Domain.Tests.Reminders;

public sealed class ReminderTimeParserTests
{
    private const string Shanghai = "Asia/Shanghai";
    private const string NewYork = "America/New_York";

    // Tuesday 24 November 2026, 14:00 in Shanghai.
    private static readonly ParserAt ShanghaiAfternoon = ParserAt.Local("2026-11-24 14:00", Shanghai);

    public static TheoryData<TypedCase> ReminderTimes => TypedCases.Read("Reminders/reminder-times.tsv");

    [Theory]
    [MemberData(nameof(ReminderTimes))]
    public void Reminder_times_as_people_type_them_are_read_in_the_users_time_zone(TypedCase row)
    {
        var due = DateTime.ParseExact(row.Required(1), "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        var result = ShanghaiAfternoon.Parse(row.Text);

        var parsed = Assert.IsType<ReminderTimeParsed>(result);
        Assert.Equal(ParserAt.ToUtc(due, Shanghai), parsed.DueUtc);
        Assert.Equal(due, parsed.DueLocal);
        Assert.Equal(TimeAssumed(row), parsed.TimeAssumed);
        Assert.Equal(row[3] ?? "", parsed.What);
    }

    [Theory]
    [InlineData("明天3点")]
    [InlineData("tomorrow at 3")]
    public void A_bare_hour_asks_whether_morning_or_afternoon(string text)
    {
        var result = ShanghaiAfternoon.Parse(text);

        var question = Assert.IsType<ReminderTimeQuestion>(result);
        Assert.Equal(ReminderTimeQuestionKind.AmOrPm, question.Kind);
        Assert.Equal([Utc("2026-11-24 19:00"), Utc("2026-11-25 07:00")], question.Candidates.Order());
        Assert.Contains("还是", question.Question.Zh, StringComparison.Ordinal);
        Assert.Contains(" or ", question.Question.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("昨天下午三点提醒我")]
    [InlineData("yesterday 3pm")]
    public void A_time_in_the_past_asks_for_another_time(string text)
    {
        var result = ShanghaiAfternoon.Parse(text);

        var question = Assert.IsType<ReminderTimeQuestion>(result);
        Assert.Equal(ReminderTimeQuestionKind.InThePast, question.Kind);
        Assert.Contains("已经过去了", question.Question.Zh, StringComparison.Ordinal);
        Assert.Contains("11月23日（周一）15:00", TestCopy.For(Language.Chinese, TimeZoneInfo.FindSystemTimeZoneById(Shanghai)).Render(question.Question), StringComparison.Ordinal);
        Assert.Contains("already passed", question.Question.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("联系李雷")]
    [InlineData("call Li Lei")]
    public void Text_without_a_time_asks_when_and_keeps_the_task(string text)
    {
        var result = ShanghaiAfternoon.Parse(text);

        var question = Assert.IsType<ReminderTimeQuestion>(result);
        Assert.Equal(ReminderTimeQuestionKind.NoTimeFound, question.Kind);
        Assert.Equal(text, question.What);
    }

    [Fact]
    public void An_unknown_time_zone_is_a_question_not_a_crash()
    {
        var parser = new ReminderTimeParser(new FakeTimeProvider(Utc("2026-11-24 06:00")));

        var result = parser.Parse("tomorrow 9am", "Mars/Olympus_Mons");

        var question = Assert.IsType<ReminderTimeQuestion>(result);
        Assert.Equal(ReminderTimeQuestionKind.UnknownTimeZone, question.Kind);
        Assert.Contains("Mars/Olympus_Mons", question.Question.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-07 12:00", "2026-03-08 13:00")] // the spring-forward Sunday: daylight time, UTC-4
    [InlineData("2026-10-31 12:00", "2026-11-01 14:00")] // the fall-back Sunday: standard time, UTC-5
    public void Tomorrow_morning_across_a_clock_change_in_new_york_uses_the_offset_of_that_morning(string saturdayNoon, string expectedUtc)
    {
        var parser = ParserAt.Local(saturdayNoon, NewYork);

        var result = parser.Parse("tomorrow 9am");

        var parsed = Assert.IsType<ReminderTimeParsed>(result);
        Assert.Equal(Utc(expectedUtc), parsed.DueUtc);
    }

    [Fact]
    public void In_two_hours_across_the_spring_forward_gap_is_two_real_hours()
    {
        var beforeTheGap = ParserAt.Local("2026-03-08 01:30", NewYork);

        var result = beforeTheGap.Parse("in 2 hours");

        var parsed = Assert.IsType<ReminderTimeParsed>(result);
        Assert.Equal(Utc("2026-03-08 08:30"), parsed.DueUtc);
        Assert.Equal(new DateTime(2026, 3, 8, 4, 30, 0), parsed.DueLocal);
    }

    private static bool TimeAssumed(TypedCase row) => row.Required(2) switch
    {
        "assumed" => true,
        "stated" => false,
        var other => throw new InvalidOperationException($"{row.Place}: the time is stated or assumed, not {other}"),
    };

    private static DateTimeOffset Utc(string text) =>
        new(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.Zero);

    private sealed record ParserAt(ReminderTimeParser Parser, string TimeZoneId)
    {
        public static ParserAt Local(string localTime, string timeZoneId)
        {
            var local = DateTime.ParseExact(localTime, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            return new ParserAt(new ReminderTimeParser(new FakeTimeProvider(ToUtc(local, timeZoneId))), timeZoneId);
        }

        public static DateTimeOffset ToUtc(DateTime local, string timeZoneId) =>
            new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId).GetUtcOffset(local)).ToUniversalTime();

        public ReminderTimeParseResult Parse(string text) => Parser.Parse(text, TimeZoneId);
    }
}
