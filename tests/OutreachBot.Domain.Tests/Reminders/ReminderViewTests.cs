using OutreachBot.Domain.Reminders;
using static OutreachBot.Domain.Tests.Reminders.ReminderBuilder;

namespace OutreachBot.Domain.Tests.Reminders;

public sealed class ReminderViewTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // Tuesday 24 November 2026, 09:00 in Shanghai.
    private static readonly DateTimeOffset Now = Epoch;

    [Fact]
    public void Snooze_offers_an_hour_tomorrow_morning_and_next_monday_morning_in_local_time()
    {
        var choices = ReminderView.SnoozeChoicesAt(Now, Shanghai);

        Assert.Equal(["1h", "tomorrow", "next-week"], choices.Select(c => c.Code));
        Assert.Equal(
            [Now.AddHours(1), new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero)],
            choices.Select(c => c.Until));
    }

    [Fact]
    public void A_late_reminder_says_when_it_was_due_in_both_languages()
    {
        var reminder = AReminder().OfKind(ReminderKind.NoReply).DueAt(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero)).Build();

        var view = ReminderView.From(reminder, isLate: true, Now, Shanghai);

        Assert.Equal("对方还没回复", view.Title.Zh);
        Assert.Equal("这条提醒原定于11月23日 15:00，现在补发给你。", view.LateNote!.Zh);
        Assert.Equal("This reminder was due Mon 23 Nov, 3:00 PM; sending it now.", view.LateNote.En);
    }

    [Fact]
    public void An_on_time_reminder_has_no_late_note()
    {
        var view = ReminderView.From(AReminder().Build(), isLate: false, Now, Shanghai);

        Assert.Null(view.LateNote);
        Assert.Equal("Reminder", view.Title.For("en-US"));
    }
}
