using static OutreachBot.Domain.Tests.Reminders.ReminderBuilder;

namespace OutreachBot.Domain.Tests.Reminders;

public sealed class SnoozeChoicesTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // Tuesday 24 November 2026, 09:00 in Shanghai.
    private static readonly DateTimeOffset Now = Epoch;

    [Fact]
    public void Snooze_offers_an_hour_tomorrow_morning_and_next_monday_morning_in_local_time()
    {
        var choices = SnoozeChoices.At(Now, Shanghai);

        Assert.Equal(["1h", "tomorrow", "next-week"], choices.Select(c => c.Code));
        Assert.Equal(
            [Now.AddHours(1), new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero)],
            choices.Select(c => c.Until));
    }
}
