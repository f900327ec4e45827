using OutreachBot.Features.Reminders;
using OutreachBot.Storage.UserProfiles;

namespace OutreachBot.Tests.Features.Reminders;

/// <summary>The real CloudAdapter sends reminders to a fake Bot Connector on 127.0.0.1; the clock is fake.</summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class ProactiveReminderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(ReminderBotHost.Epoch);
    private readonly InMemoryEntityStore store = new();
    private FakeBotConnector connector = null!;
    private string owner = "";

    public async Task InitializeAsync()
    {
        connector = await FakeBotConnector.StartAsync(clock);
        owner = await ReminderBotHost.UserTalkedToTheBotAsync(store, clock, connector.ServiceUrl, "user-1", "a:personal-chat-1");
    }

    public async Task DisposeAsync()
    {
        foreach (var activity in connector.Received)
        {
            foreach (var card in activity.Activity.SelectTokens("$.attachments[*].content"))
            {
                CardCollector.Add(nameof(ProactiveReminderTests), card, activity.Activity.ToString().Length);
            }
        }

        await connector.DisposeAsync();
    }

    private async Task<Reminder> ScheduledAsync(ReminderBotHost bot, TimeSpan dueIn, string? forOwner = null)
    {
        var reminder = Reminder.CreateManual(forOwner ?? owner, "a:personal-chat-1", "call Li Lei", clock.GetUtcNow() + dueIn, clock.GetUtcNow());
        await bot.Repository.ScheduleAsync(reminder);
        return reminder;
    }

    [Fact]
    public async Task A_reminder_arrives_once_at_its_time_through_the_real_adapter()
    {
        await using var bot = await ReminderBotHost.StartAsync(store, clock);
        var reminder = await ScheduledAsync(bot, TimeSpan.FromSeconds(30));
        var wakeAt = await bot.WakeAndSettleAsync();

        clock.Advance(TimeSpan.FromSeconds(29));
        var beforeItsTime = connector.Received.Count;
        await bot.AdvanceAndSettleAsync(clock, TimeSpan.FromSeconds(1));
        await bot.AdvanceAndSettleAsync(clock, TimeSpan.FromMinutes(10));

        Assert.Equal(reminder.Due, wakeAt);
        Assert.Equal(0, beforeItsTime);
        var received = Assert.Single(connector.Received);
        Assert.Equal("a:personal-chat-1", received.ConversationId);
        Assert.NotNull(received.ReplyToId);
        Assert.Equal("message", (string?)received.Activity["type"]);
        Assert.Equal(reminder.Due, received.At);
        Assert.Equal(reminder.IdempotencyKey, received.IdempotencyKey);
        Assert.Contains("call Li Lei", received.AllText);
        Assert.DoesNotContain("Late", received.AllText);
        Assert.Equal(ReminderState.Sent, (await bot.Repository.GetAsync(owner, reminder.Id))!.State);
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_honoured_before_the_second_attempt()
    {
        connector.Answer = n => n == 1 ? ConnectorAnswer.Throttled(retryAfterSeconds: 30) : ConnectorAnswer.Accepted($"activity-{n}");
        await using var bot = await ReminderBotHost.StartAsync(store, clock);
        var reminder = await ScheduledAsync(bot, TimeSpan.FromSeconds(5));
        await bot.WakeAndSettleAsync();

        var retryAt = await bot.AdvanceAndSettleAsync(clock, TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(29));
        var beforeRetryAfter = connector.Received.Count;
        await bot.AdvanceAndSettleAsync(clock, TimeSpan.FromSeconds(1));

        Assert.Equal(1, beforeRetryAfter);
        Assert.Equal(reminder.Due + TimeSpan.FromSeconds(30), retryAt);
        Assert.Equal(2, connector.Received.Count);
        Assert.Equal(TimeSpan.FromSeconds(30), connector.Received[1].At - connector.Received[0].At);
        Assert.Equal(connector.Received[0].IdempotencyKey, connector.Received[1].IdempotencyKey);
        Assert.Equal(ReminderState.Sent, (await bot.Repository.GetAsync(owner, reminder.Id))!.State);
    }

    [Fact]
    public async Task A_403_MessageWritesBlocked_stops_sending_and_records_why()
    {
        connector.Answer = _ => ConnectorAnswer.WritesBlocked;
        await using var bot = await ReminderBotHost.StartAsync(store, clock);
        var reminder = await ScheduledAsync(bot, TimeSpan.FromSeconds(5));
        await bot.WakeAndSettleAsync();

        await bot.AdvanceAndSettleAsync(clock, TimeSpan.FromSeconds(5));
        await bot.AdvanceAndSettleAsync(clock, TimeSpan.FromMinutes(1));

        Assert.Single(connector.Received);
        var stored = (await bot.Repository.GetAsync(owner, reminder.Id))!;
        Assert.Equal(ReminderState.Blocked, stored.State);
        Assert.Contains("MessageWritesBlocked", stored.LastError);
    }

    [Fact]
    public async Task A_server_error_is_retried_later_with_the_same_idempotency_key()
    {
        connector.Answer = n => n == 1 ? new ConnectorAnswer(503, """{"error":{"code":"ServiceUnavailable","message":"busy"}}""") : ConnectorAnswer.Accepted($"activity-{n}");
        await using var bot = await ReminderBotHost.StartAsync(store, clock);
        var reminder = await ScheduledAsync(bot, TimeSpan.FromSeconds(5));
        await bot.WakeAndSettleAsync();

        var retryAt = await bot.AdvanceAndSettleAsync(clock, TimeSpan.FromSeconds(5));
        var afterFailure = (await bot.Repository.GetAsync(owner, reminder.Id))!;
        await bot.AdvanceAndSettleAsync(clock, retryAt - clock.GetUtcNow());

        Assert.Equal(ReminderState.Scheduled, afterFailure.State);
        Assert.StartsWith("503", afterFailure.LastError);
        Assert.Equal(2, connector.Received.Count);
        Assert.Equal(connector.Received[0].IdempotencyKey, connector.Received[1].IdempotencyKey);
        Assert.Equal(ReminderState.Sent, (await bot.Repository.GetAsync(owner, reminder.Id))!.State);
    }

    [Fact]
    public async Task On_a_channel_without_cards_the_reminder_is_numbered_text_whose_choices_the_next_reply_can_use()
    {
        var slackUser = await ReminderBotHost.UserTalkedToTheBotAsync(store, clock, connector.ServiceUrl, "U123", "slack-chat-1", channel: "slack");
        await using var bot = await ReminderBotHost.StartAsync(store, clock);
        await ScheduledAsync(bot, TimeSpan.FromSeconds(5), forOwner: slackUser);
        await bot.WakeAndSettleAsync();

        await bot.AdvanceAndSettleAsync(clock, TimeSpan.FromSeconds(5));

        var received = Assert.Single(connector.Received);
        Assert.Null(received.Activity["attachments"]?.FirstOrDefault());
        var text = (string)received.Activity["text"]!;
        Assert.Contains("call Li Lei", text);
        Assert.Contains("1. Done", text);
        var state = await store.QueryAsync(UserProfileStore.Table, new UserKey(slackUser).PartitionKey, RowKeyRange.WithPrefix("conversation~"), 10, null);
        Assert.Contains(state.Items, e => e.Json.Contains(ReminderDone.Verb, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_without_any_conversation_is_blocked_with_no_conversation()
    {
        await using var bot = await ReminderBotHost.StartAsync(store, clock);
        var reminder = await ScheduledAsync(bot, TimeSpan.FromSeconds(5), forOwner: "msteams:stranger");
        await bot.WakeAndSettleAsync();

        await bot.AdvanceAndSettleAsync(clock, TimeSpan.FromSeconds(5));

        Assert.Empty(connector.Received);
        var stored = (await bot.Repository.GetAsync("msteams:stranger", reminder.Id))!;
        Assert.Equal(ReminderState.Blocked, stored.State);
        Assert.Equal("no conversation", stored.LastError);
    }

    [Fact]
    public async Task A_retry_after_a_crash_after_the_send_does_not_send_again()
    {
        await using var bot = await ReminderBotHost.StartAsync(store, clock, new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" });
        var reminder = await ScheduledAsync(bot, TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(5));
        var delivery = bot.Services.GetRequiredService<IReminderDelivery>();

        var first = await delivery.SendAsync(reminder, reminder.IdempotencyKey, isLate: false, CancellationToken.None);
        var retry = await delivery.SendAsync(reminder, reminder.IdempotencyKey, isLate: false, CancellationToken.None);
        var snoozedOccurrence = await delivery.SendAsync(reminder with { Occurrence = 1 }, reminder.IdempotencyKey[..^1] + "1", isLate: false, CancellationToken.None);

        Assert.Equal(DeliveryResult.Success, first);
        Assert.Equal(DeliveryResult.Success, retry);
        Assert.Equal(DeliveryResult.Success, snoozedOccurrence);
        Assert.Equal(2, connector.Received.Count);
    }

    [Fact]
    public async Task A_reminder_due_while_the_bot_was_down_arrives_once_after_restart_labelled_late()
    {
        Reminder reminder;
        await using (var first = await ReminderBotHost.StartAsync(store, clock))
        {
            reminder = await ScheduledAsync(first, TimeSpan.FromHours(1));
        }

        clock.Advance(TimeSpan.FromHours(3));
        await using var second = await ReminderBotHost.StartAsync(store, clock);
        await second.AdvanceAndSettleAsync(clock, TimeSpan.FromMinutes(5));

        var received = Assert.Single(connector.Received);
        Assert.Equal(ReminderBotHost.Epoch.AddHours(3), received.At);
        Assert.Contains("Reminder · Late", received.AllText);
        Assert.Contains("This was due", received.AllText);
        var stored = (await second.Repository.GetAsync(owner, reminder.Id))!;
        Assert.Equal(ReminderState.Sent, stored.State);
        Assert.True(stored.Late);
    }
}
