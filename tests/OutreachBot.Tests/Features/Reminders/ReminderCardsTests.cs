using OutreachBot.Chat.Output;
using OutreachBot.Domain.Text;
using OutreachBot.Features.Reminders;

namespace OutreachBot.Tests.Features.Reminders;

public sealed class ReminderCardsTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // Tuesday 24 November 2026, 09:00 in Shanghai.
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_late_reminder_says_when_it_was_due_in_local_time_in_both_languages()
    {
        var reminder = NoReplyReminder(due: new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));

        var chinese = Text(ReminderCards.Delivered(reminder, isLate: true, Now, Shanghai, Language.Chinese.Culture));
        var english = Text(ReminderCards.Delivered(reminder, isLate: true, Now, Shanghai, Language.English.Culture));

        Assert.Contains("这条提醒原定于2026年11月23日（周一）15:00", chinese, StringComparison.Ordinal);
        Assert.Contains("This was due Mon, Nov 23, 2026, 3:00 PM", english, StringComparison.Ordinal);
        Assert.DoesNotContain("NoReply", english, StringComparison.Ordinal);
    }

    [Fact]
    public void An_on_time_reminder_has_no_late_note()
    {
        var card = Text(ReminderCards.Delivered(NoReplyReminder(Now), isLate: false, Now, Shanghai, Language.English.Culture));

        Assert.DoesNotContain("This was due", card, StringComparison.Ordinal);
    }

    private static Reminder NoReplyReminder(DateTimeOffset due) => new()
    {
        Id = "r000001",
        OwnerKey = "aad:alice",
        ConversationKey = "conv-alice",
        Text = "联系李雷",
        Kind = ReminderKind.NoReply,
        Due = due,
        FireAt = due,
        CreatedAt = Now.AddDays(-2),
    };

    private static string Text(OutreachBot.Chat.Cards.AdaptiveCard card) => CardTextRenderer.Render(card, []);
}
