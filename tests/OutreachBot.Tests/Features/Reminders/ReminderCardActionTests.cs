using OutreachBot.Chat.Cards;
using OutreachBot.Chat.Output;
using OutreachBot.Features.Reminders;

namespace OutreachBot.Tests.Features.Reminders;

[Collection(RenderedCardsCollection.Name)]
public sealed class ReminderCardActionTests : IDisposable
{
    private readonly BotTestHost host = new();

    public void Dispose() => host.Dispose();

    private ReminderRepository Repository => host.Services.GetRequiredService<ReminderRepository>();

    private Task<IReadOnlyList<Reminder>> PendingAsync(string userId = "user-1") => Repository.ListForOwnerAsync($"test:{userId}");

    private async Task<(ChatTester Chat, Reminder Reminder)> RemindedToCallLiLeiInTwoHoursAsync([System.Runtime.CompilerServices.CallerMemberName] string source = "")
    {
        var chat = host.Chat(source: source);
        await chat.SayAsync("remind in 2 hours call Li Lei");
        return (chat, Assert.Single(await PendingAsync()));
    }

    private static JObject AsSent(Reminder reminder, bool isLate = false)
    {
        var card = ReminderCards.Delivered(reminder, isLate, BotTestHost.Now, TimeZoneInfo.Utc, System.Globalization.CultureInfo.GetCultureInfo("en-US"));
        var json = CardJson.Serialize(card);
        CardCollector.Add(nameof(ReminderCardActionTests), JObject.Parse(json), json.Length);
        return JObject.Parse(json);
    }

    [Fact]
    public async Task Reminders_lists_mine_soonest_first_with_a_cancel_button_each()
    {
        var chat = host.Chat();
        await chat.SayAsync("remind next Tuesday 3pm call Li Lei");
        await chat.SayAsync("remind tomorrow 9am send the deck");
        await host.Chat(userId: "someone-else").SayAsync("remind tomorrow 10am not mine");

        var replies = await chat.SayAsync("reminders");

        var card = Assert.Single(replies.Cards());
        var text = replies.AllText();
        Assert.Contains("Your upcoming reminders (2)", text);
        Assert.True(text.IndexOf("send the deck", StringComparison.Ordinal) < text.IndexOf("call Li Lei", StringComparison.Ordinal));
        Assert.DoesNotContain("not mine", text);
        Assert.Equal(2, card.ButtonTitles().Count(t => t == "Cancel reminder"));
    }

    [Fact]
    public async Task My_reminders_in_Chinese_with_nothing_pending_says_how_to_set_one()
    {
        var replies = await host.Chat(locale: "zh-CN").SayAsync("我的提醒");

        Assert.Contains("目前没有待提醒的事项", replies.AllText());
    }

    [Fact]
    public async Task Cancel_from_the_list_answers_the_invoke_with_an_updated_card_and_removes_it()
    {
        var chat = host.Chat();
        await chat.SayAsync("remind tomorrow 9am send the deck");
        var list = await chat.SayAsync("reminders");

        var replies = await chat.PressAsync(list.Cards()[0], "Cancel reminder");

        Assert.Equal(200, replies.InvokeResponse().Status);
        Assert.Contains("Cancelled: send the deck", replies.AllText());
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task Someone_else_cannot_cancel_my_reminder()
    {
        var mine = host.Chat();
        var confirmation = await mine.SayAsync("remind tomorrow 9am send the deck");

        var replies = await host.Chat(userId: "intruder").PressAsync(confirmation.Cards()[0], "Cancel reminder");

        Assert.Contains("can't find that reminder", replies.AllText());
        Assert.Single(await PendingAsync());
    }

    [Fact]
    public async Task Snooze_one_hour_moves_the_reminder_as_a_new_occurrence_and_updates_the_card()
    {
        var (chat, reminder) = await RemindedToCallLiLeiInTwoHoursAsync();
        host.Clock.Advance(TimeSpan.FromHours(2));

        var replies = await chat.PressAsync(AsSent(reminder), "Snooze 1 hour");

        Assert.Equal(200, replies.InvokeResponse().Status);
        Assert.Contains("OK, I'll remind you again", replies.AllText());
        var snoozed = Assert.Single(await PendingAsync());
        Assert.Equal(BotTestHost.Now.AddHours(3), snoozed.Due);
        Assert.Equal(1, snoozed.Occurrence);
        Assert.Equal(ReminderState.Scheduled, snoozed.State);
    }

    [Fact]
    public async Task Snooze_until_tomorrow_uses_nine_in_the_morning_of_the_users_zone()
    {
        var chat = host.Chat(locale: "zh-CN");
        await chat.SayAsync("时区 Asia/Shanghai");
        await chat.SayAsync("提醒 2小时后 联系李雷");
        var card = JObject.Parse(CardJson.Serialize(ReminderCards.Delivered(
            Assert.Single(await PendingAsync()), false, BotTestHost.Now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), System.Globalization.CultureInfo.GetCultureInfo("zh-CN"))));

        var replies = await chat.PressAsync(card, "明天上午 9 点");

        Assert.Contains("好的，", replies.AllText());
        Assert.Equal(DateTimeOffset.Parse("2026-11-25T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Assert.Single(await PendingAsync()).Due);
    }

    [Fact]
    public async Task Done_on_a_sent_reminder_acknowledges_it_and_keeps_it_sent()
    {
        var (chat, reminder) = await RemindedToCallLiLeiInTwoHoursAsync();
        host.Clock.Advance(TimeSpan.FromHours(2));
        var delivered = new List<string>();
        var dispatcher = new ReminderDispatcher(Repository, new AcceptingDelivery(delivered), host.Clock);
        await dispatcher.RunOnceAsync();

        var replies = await chat.PressAsync(AsSent(reminder), "Done");

        Assert.Equal([reminder.IdempotencyKey], delivered);
        Assert.Equal(200, replies.InvokeResponse().Status);
        Assert.Contains("Done: call Li Lei", replies.AllText());
        Assert.Equal(ReminderState.Sent, (await Repository.GetAsync("test:user-1", reminder.Id))!.State);
    }

    [Fact]
    public async Task Done_after_a_snooze_cancels_the_pending_occurrence()
    {
        var (chat, reminder) = await RemindedToCallLiLeiInTwoHoursAsync();
        var card = AsSent(reminder);
        await chat.PressAsync(card, "Snooze 1 hour");

        var replies = await chat.PressAsync(card, "Done");

        Assert.Contains("Done: call Li Lei", replies.AllText());
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task A_late_reminder_card_is_labelled_late_and_offers_the_outreach()
    {
        var reminder = Reminder.CreateManual("test:user-1", "c1", "call Li Lei", BotTestHost.Now.AddHours(-3), BotTestHost.Now.AddDays(-1))
            with
        { Kind = ReminderKind.NoReply, OutreachId = "o1", DepartmentId = "D042" };

        var card = AsSent(reminder, isLate: true);

        var text = card.ToString();
        Assert.Contains("No reply yet · Late", text);
        Assert.Contains("This was due", text);
        Assert.Equal(["Done", "Snooze 1 hour", "Tomorrow 9 AM", "Next Monday 9 AM", "Open outreach"], card.ButtonTitles());
        var open = Transcript.FindAction(card, "Open outreach");
        Assert.Equal("status", (string?)open["verb"]);
        Assert.Equal("D042", (string?)open["data"]!["args"]);
    }

    [Fact]
    public async Task A_snooze_button_with_an_unknown_choice_is_a_malformed_action_and_changes_nothing()
    {
        var (chat, reminder) = await RemindedToCallLiLeiInTwoHoursAsync();

        var replies = await chat.ExecuteAsync(new { action = new { type = "Action.Execute", verb = SnoozeReminder.Verb, data = new { verb = SnoozeReminder.Verb, id = reminder.Id, until = "forever" } } });

        Assert.Equal(400, replies.InvokeResponse().Status);
        Assert.Equal(reminder.Due, Assert.Single(await PendingAsync()).Due);
    }

    private sealed class AcceptingDelivery(List<string> delivered) : IReminderDelivery
    {
        public Task<DeliveryResult> SendAsync(Reminder reminder, string idempotencyKey, bool isLate, CancellationToken cancellationToken)
        {
            delivered.Add(idempotencyKey);
            return Task.FromResult(DeliveryResult.Success);
        }
    }
}
