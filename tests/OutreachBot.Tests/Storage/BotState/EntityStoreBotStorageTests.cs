using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using OutreachBot.Storage.BotState;
using OutreachBot.Storage.Sqlite;

namespace OutreachBot.Tests.Storage.BotState;

public sealed class EntityStoreBotStorageTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "outreachbot-state-tests", Guid.NewGuid().ToString("N"));
    private readonly InMemoryEntityStore entities = new();

    [Fact]
    public async Task Conversation_and_user_state_survive_between_turns_in_a_sqlite_file()
    {
        using var sqlite = new SqliteEntityStore(new SqliteStorageOptions { Path = Path.Combine(directory, "state.db") });
        var storage = new EntityStoreBotStorage(sqlite);

        await new TestFlow(new TestAdapter(), CountingBot(storage))
            .Send("name 王芳")
            .AssertReply("1 王芳 支付风控部")
            .Send("hello")
            .AssertReply("2 王芳 支付风控部")
            .StartTestAsync();

        var stored = await storage.ReadAsync([ConversationKey, UserKey]);
        Assert.Equal(2, ((JObject)stored[ConversationKey]).Value<int>("count"));
        Assert.Equal("王芳", ((JObject)stored[UserKey])["profile"]!.Value<string>("Name"));
    }

    [Fact]
    public async Task A_stale_write_of_conversation_state_is_a_conflict()
    {
        var storage = new EntityStoreBotStorage(entities);
        var adapter = new TestAdapter();
        using (var seeding = TurnOn(adapter))
        {
            var seed = new ConversationState(storage);
            await seed.CreateProperty<string>("step").SetAsync(seeding, "start");
            await seed.SaveChangesAsync(seeding);
        }

        using var turnA = TurnOn(adapter);
        using var turnB = TurnOn(adapter);
        var first = new ConversationState(storage);
        var second = new ConversationState(storage);
        await first.LoadAsync(turnA);
        await second.LoadAsync(turnB);
        await first.CreateProperty<string>("step").SetAsync(turnA, "deadline");
        await first.SaveChangesAsync(turnA);
        await second.CreateProperty<string>("step").SetAsync(turnB, "department");

        await Assert.ThrowsAsync<EntityConflictException>(() => second.SaveChangesAsync(turnB));

        using var later = TurnOn(adapter);
        var fresh = new ConversationState(storage);
        await fresh.LoadAsync(later);
        Assert.Equal("deadline", await fresh.CreateProperty<string>("step").GetAsync(later));
    }

    [Fact]
    public async Task Deleting_conversation_state_removes_it_from_the_store()
    {
        var storage = new EntityStoreBotStorage(entities);
        var adapter = new TestAdapter();
        using var turn = TurnOn(adapter);
        var state = new ConversationState(storage);
        await state.CreateProperty<int>("count").SetAsync(turn, 3);
        await state.SaveChangesAsync(turn);

        await state.DeleteAsync(turn);

        Assert.Empty(await storage.ReadAsync([ConversationKey]));
        Assert.Null(await entities.GetAsync(EntityStoreBotStorage.DefaultTable, EntityStoreBotStorage.PartitionKeyFor(ConversationKey), "state"));
    }

    [Theory]
    [InlineData("msteams/conversations/19:meeting_abc@thread.v2;messageid=1700000000000/users/29:1xyz")]
    [InlineData("msteams/users/a\\b#c?d%e")]
    [InlineData("emulator/conversations/会话 1/")]
    public async Task Keys_with_slashes_and_other_forbidden_characters_round_trip(string key)
    {
        var storage = new EntityStoreBotStorage(entities);

        await storage.WriteAsync(new Dictionary<string, object> { [key] = new JObject { ["text"] = "合作" } });
        var read = await storage.ReadAsync([key, key + "-other"]);
        await storage.DeleteAsync([key]);

        var state = Assert.IsType<JObject>(Assert.Single(read, kv => kv.Key == key).Value);
        Assert.Equal("合作", state.Value<string>("text"));
        Assert.False(string.IsNullOrEmpty(state.Value<string>("eTag")));
        Assert.Empty(await storage.ReadAsync([key]));
    }

    [Fact]
    public async Task A_type_name_in_stored_json_is_kept_as_data_and_never_instantiated()
    {
        var storage = new EntityStoreBotStorage(entities);
        var key = ConversationKey;
        var hostile = new JObject
        {
            ["$type"] = "System.IO.FileInfo, System.IO.FileSystem",
            ["fileName"] = "/etc/passwd",
            ["step"] = new JObject { ["$type"] = "System.Diagnostics.Process, System.Diagnostics.Process", ["name"] = "x" },
        };
        await entities.UpsertAsync(EntityStoreBotStorage.DefaultTable, EntityStoreBotStorage.PartitionKeyFor(key), "state", hostile.ToString(Formatting.None));
        var adapter = new TestAdapter();
        using var turn = TurnOn(adapter);
        var conversation = new ConversationState(storage);

        var read = await storage.ReadAsync([key]);
        var step = await conversation.CreateProperty<object>("step").GetAsync(turn);

        var state = Assert.IsType<JObject>(read[key]);
        Assert.Equal("System.IO.FileInfo, System.IO.FileSystem", state.Value<string>("$type"));
        var stepObject = Assert.IsType<JObject>(step);
        Assert.Equal("x", stepObject.Value<string>("name"));
    }

    [Fact]
    public async Task Store_items_get_an_etag_and_a_stale_one_is_refused_while_the_wildcard_overwrites()
    {
        var storage = new EntityStoreBotStorage(entities);
        var note = new Note { Text = "v1" };
        await storage.WriteAsync(new Dictionary<string, object> { ["notes/1"] = note });
        var staleETag = note.ETag;
        await storage.WriteAsync(new Dictionary<string, object> { ["notes/1"] = note with { Text = "v2" } });

        var stale = new Note { Text = "v3", ETag = staleETag };
        await Assert.ThrowsAsync<EntityConflictException>(() => storage.WriteAsync(new Dictionary<string, object> { ["notes/1"] = stale }));
        await storage.WriteAsync(new Dictionary<string, object> { ["notes/1"] = new Note { Text = "forced", ETag = "*" } });

        var read = ((JObject)(await storage.ReadAsync(["notes/1"]))["notes/1"]).ToObject<Note>()!;
        Assert.Equal("forced", read.Text);
        Assert.NotEqual(staleETag, read.ETag);
        Assert.False(string.IsNullOrEmpty(staleETag));
    }

    [Fact]
    public async Task Writing_with_an_etag_to_state_deleted_meanwhile_is_a_conflict()
    {
        var storage = new EntityStoreBotStorage(entities);
        var note = new Note { Text = "v1" };
        await storage.WriteAsync(new Dictionary<string, object> { ["notes/2"] = note });
        await storage.DeleteAsync(["notes/2"]);

        await Assert.ThrowsAsync<EntityConflictException>(() => storage.WriteAsync(new Dictionary<string, object> { ["notes/2"] = note with { Text = "v2" } }));

        Assert.Empty(await storage.ReadAsync(["notes/2"]));
    }

    [Fact]
    public void Very_long_keys_map_to_distinct_valid_partition_keys()
    {
        var a = "msteams/conversations/" + new string('a', 600) + "/1";
        var b = "msteams/conversations/" + new string('a', 600) + "/2";

        var first = EntityStoreBotStorage.PartitionKeyFor(a);
        var second = EntityStoreBotStorage.PartitionKeyFor(b);

        StorageKey.Validate(first);
        StorageKey.Validate(second);
        Assert.NotEqual(first, second);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static readonly ConversationReference Reference = new TestAdapter().Conversation;

    private static string ConversationKey => $"{Reference.ChannelId}/conversations/{Reference.Conversation.Id}";

    private static string UserKey => $"{Reference.ChannelId}/users/{Reference.User.Id}";

    private static TurnContext TurnOn(TestAdapter adapter)
    {
        var activity = adapter.MakeActivity("hi");
        activity.ChannelId = adapter.Conversation.ChannelId;
        return new TurnContext(adapter, activity);
    }

    private static BotCallbackHandler CountingBot(IStorage storage) => async (turn, cancellationToken) =>
    {
        // New state objects every turn, so what the bot sees comes from storage, not from a cache.
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        var count = conversation.CreateProperty<int>("count");
        var profile = user.CreateProperty<Profile>("profile");

        var n = await count.GetAsync(turn, () => 0, cancellationToken) + 1;
        await count.SetAsync(turn, n, cancellationToken);
        var current = await profile.GetAsync(turn, () => new Profile(string.Empty, "支付风控部"), cancellationToken);
        if (turn.Activity.Text.StartsWith("name ", StringComparison.Ordinal))
        {
            current = current with { Name = turn.Activity.Text["name ".Length..] };
            await profile.SetAsync(turn, current, cancellationToken);
        }

        await turn.SendActivityAsync($"{n} {current.Name} {current.Department}", cancellationToken: cancellationToken);
        await conversation.SaveChangesAsync(turn, cancellationToken: cancellationToken);
        await user.SaveChangesAsync(turn, cancellationToken: cancellationToken);
    };

    private sealed record Profile(string Name, string Department);

    private sealed record Note : IStoreItem
    {
        public string Text { get; init; } = string.Empty;

        [JsonProperty("eTag")]
        public string? ETag { get; set; }
    }
}
