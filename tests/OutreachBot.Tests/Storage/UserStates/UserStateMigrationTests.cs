using OutreachBot.Storage.BotState;
using OutreachBot.Storage.UserStates;

namespace OutreachBot.Tests.Storage.UserStates;

/// <summary>
/// A user's state in a conversation now sits beside their profile (one read per turn). State written before, by Bot
/// Builder's PrivateConversationState (per user) or ConversationState (per conversation, before per-user state), is
/// still found: a flow in progress across the upgrade goes on, and the state moves to its new row on that turn.
/// </summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class UserStateMigrationTests
{
    private const string UserId = "pm-upgrade";
    private const string Channel = "test";
    private const string ConversationId = Channel + "-conversation-" + UserId;

    private readonly InMemoryEntityStore store = new();

    [Fact]
    public async Task A_flow_kept_in_the_old_per_user_state_goes_on_and_moves_beside_the_profile()
    {
        using var host = Host();
        var chat = host.Chat(channel: Channel, userId: UserId);
        await chat.SayAsync("new Fraud checks built into the merchant checkout");
        await MoveStateBackAsync($"{Channel}/conversations/{ConversationId}/users/{UserId}");

        var answered = await chat.SayAsync("payment gateway");

        Assert.Contains("Which department do you have in mind?", answered.Seen());
        Assert.Single(await ConversationRowsAsync());
        Assert.Empty(await new EntityStoreBotStorage(store).ReadAsync([$"{Channel}/conversations/{ConversationId}/users/{UserId}"]));
    }

    [Fact]
    public async Task A_flow_kept_in_the_old_conversation_wide_state_of_a_personal_chat_is_taken_over_once()
    {
        using var host = Host();
        var chat = host.Chat(channel: Channel, userId: UserId);
        await chat.SayAsync("new Fraud checks built into the merchant checkout");
        await MoveStateBackAsync($"{Channel}/conversations/{ConversationId}");

        var answered = await chat.SayAsync("payment gateway");

        Assert.Contains("Which department do you have in mind?", answered.Seen());
        Assert.Single(await ConversationRowsAsync());
        var legacy = await new EntityStoreBotStorage(store).ReadAsync([$"{Channel}/conversations/{ConversationId}"]);
        Assert.Null(((JObject)legacy[$"{Channel}/conversations/{ConversationId}"])[nameof(ConversationData)]);
    }

    [Fact]
    public async Task A_turn_reads_the_profile_and_the_conversation_state_in_one_round_trip_and_writes_neither_when_nothing_changed()
    {
        var counting = new CountingEntityStore(store);
        using var host = Host(counting);
        var chat = host.Chat(channel: Channel, userId: UserId);
        await chat.SayAsync("help");
        var before = counting.Snapshot();

        await chat.SayAsync("help");

        var after = counting.Snapshot();
        Assert.Equal(1, after.GetValueOrDefault("total") - before.GetValueOrDefault("total"));
        Assert.Equal(1, after.GetValueOrDefault("getrows:userprofiles") - before.GetValueOrDefault("getrows:userprofiles"));
    }

    [Fact]
    public async Task Two_first_turns_at_once_keep_the_changed_state_and_refuse_a_second_change_written_blind()
    {
        var states = new UserStateStore(store, new EntityStoreBotStorage(store));
        var user = new UserKey($"{Channel}:{UserId}");
        var activity = new Microsoft.Bot.Schema.Activity { ChannelId = Channel, Conversation = new(id: ConversationId), From = new(UserId) };
        var welcome = (await states.ReadAsync(user, activity, CancellationToken.None)).Conversation;
        var message = (await states.ReadAsync(user, activity, CancellationToken.None)).Conversation;
        var third = (await states.ReadAsync(user, activity, CancellationToken.None)).Conversation;
        message.Data.Choices.Add(new NumberedChoice { Number = 1, Verb = "help" });
        third.Data.Choices.Add(new NumberedChoice { Number = 1, Verb = "status" });

        await states.SaveAsync(message, CancellationToken.None);
        await states.SaveAsync(welcome, CancellationToken.None);

        await Assert.ThrowsAsync<EntityConflictException>(() => states.SaveAsync(third, CancellationToken.None));
        var stored = (await states.ReadAsync(user, activity, CancellationToken.None)).Conversation;
        Assert.Equal("help", Assert.Single(stored.Data.Choices).Verb);
    }

    private BotTestHost Host(IEntityStore? counted = null) => new(BotTestOptions.Quiet with
    {
        Directory = TestDirectory.DemoCompany,
        Services = services => services.AddSingleton(counted ?? store),
    });

    /// <summary>Puts the user's state back where the bot kept it before this change ({"ConversationData": …} under a Bot Builder key).</summary>
    private async Task MoveStateBackAsync(string botStateKey)
    {
        var row = Assert.Single(await ConversationRowsAsync());
        await new EntityStoreBotStorage(store).WriteAsync(new Dictionary<string, object>
        {
            [botStateKey] = new JObject { [nameof(ConversationData)] = JObject.Parse(row.Json) },
        });
        await store.DeleteAsync(UserProfileStore.Table, row.PartitionKey, row.RowKey, etag: null);
    }

    private async Task<IReadOnlyList<StoredEntity>> ConversationRowsAsync() =>
        (await store.QueryAsync(UserProfileStore.Table, new UserKey($"{Channel}:{UserId}").PartitionKey, RowKeyRange.WithPrefix("conversation~"), 10, null)).Items;
}
