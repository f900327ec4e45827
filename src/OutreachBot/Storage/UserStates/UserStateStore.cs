using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OutreachBot.Domain.Storage;
using OutreachBot.Storage.UserProfiles;

namespace OutreachBot.Storage.UserStates;

/// <summary>
/// What a chat turn reads about its user, in one round trip: their profile and their state in this conversation
/// (<see cref="ConversationData"/>), kept side by side in the user's partition of <see cref="UserProfileStore.Table"/>
/// (row "profile" and one "conversation~…" row per conversation) and read with one partition query for those two rows.
/// Both rows are written under their ETags. State from before, kept by Bot Builder's PrivateConversationState in the
/// BotState table, is read when the user has no row here yet and moved here on the next save.
/// </summary>
public sealed class UserStateStore(IEntityStore store, IStorage botStorage)
{
    private const string ConversationRowPrefix = "conversation~";

    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.None,
        MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        MaxDepth = 64,
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    /// <summary>The user's profile and their state in the activity's conversation (new, empty state when they have none).</summary>
    public async Task<UserTurnState> ReadAsync(UserKey user, IActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var row = ConversationRow(activity);
        var rows = await store.GetRowsAsync(UserProfileStore.Table, user.PartitionKey, [UserProfileStore.Row, row], cancellationToken);
        var profile = UserProfileStore.FromRow(rows.FirstOrDefault(r => r.RowKey == UserProfileStore.Row));
        if (rows.FirstOrDefault(r => r.RowKey == row) is { } stored)
        {
            return new UserTurnState(profile, new UserConversationState(user, row, Deserialize(stored.Json), stored.Json, stored.ETag, movedFrom: null));
        }

        var previousKey = PrivateConversationStateKey(activity);
        var previous = previousKey is null ? null : await ReadPreviousAsync(previousKey, cancellationToken);
        var state = new UserConversationState(user, row, previous, storedJson: null, etag: null, previous is null ? null : previousKey);
        state.ReadAs(Serialize(state.Data));
        return new UserTurnState(profile, state);
    }

    /// <summary>
    /// Writes the state if it changed (or has no row yet) under the ETag it was read with; a stale one throws
    /// <see cref="EntityConflictException"/>. State moved from its old location is deleted there after the write.
    /// </summary>
    public async Task SaveAsync(UserConversationState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var json = Serialize(state.Data);
        if (state.ETag is not null && json == state.StoredJson)
        {
            return;
        }

        var partitionKey = state.User.PartitionKey;
        StoredEntity written;
        try
        {
            written = state.ETag is null
                ? await store.InsertAsync(UserProfileStore.Table, partitionKey, state.RowKey, json, cancellationToken)
                : await store.ReplaceAsync(UserProfileStore.Table, new StoredEntity(partitionKey, state.RowKey, json, state.ETag), cancellationToken);
        }
        catch (EntityNotFoundException exception)
        {
            // Written with an ETag but deleted since: the writer's view is stale, exactly like a changed ETag.
            throw new EntityConflictException(UserProfileStore.Table, partitionKey, state.RowKey, inner: exception);
        }
        catch (EntityConflictException) when (state.ETag is null && json == state.JsonAtRead)
        {
            // A turn that arrived at the same time (a welcome and a first message) created the row first, and this turn
            // changed nothing it read: the other turn's row stands and there is nothing of ours to lose.
            return;
        }

        state.Saved(json, written.ETag);
        if (state.MovedFrom is { } previousKey)
        {
            await botStorage.DeleteAsync([previousKey], cancellationToken);
            state.Saved(json, written.ETag, moved: true);
        }
    }

    /// <summary>"conversation~" and the channel's conversation id, hashed when too long for a row key.</summary>
    public static string ConversationRow(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var encoded = ConversationRowPrefix + StorageKey.Encode($"{activity.ChannelId}/{activity.Conversation?.Id}");
        if (encoded.Length <= StorageKey.MaxLength)
        {
            return encoded;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{activity.ChannelId}/{activity.Conversation?.Id}")));
        return encoded[..(StorageKey.MaxLength - hash.Length - 1)] + "~" + hash;
    }

    /// <summary>Where Bot Builder's PrivateConversationState kept this user's state in this conversation.</summary>
    public static string? PrivateConversationStateKey(IActivity activity) =>
        activity?.ChannelId is { } channel && activity.Conversation?.Id is { } conversation && activity.From?.Id is { } from
            ? $"{channel}/conversations/{conversation}/users/{from}"
            : null;

    private async Task<ConversationData?> ReadPreviousAsync(string key, CancellationToken cancellationToken)
    {
        var items = await botStorage.ReadAsync([key], cancellationToken);
        return items.TryGetValue(key, out var value) && value is JObject state && state[nameof(ConversationData)] is JObject data
            ? data.ToObject<ConversationData>(Serializer)
            : null;
    }

    private static string Serialize(ConversationData data) => JsonConvert.SerializeObject(data, Formatting.None, Settings);

    private static ConversationData Deserialize(string json) =>
        JsonConvert.DeserializeObject<ConversationData>(json, Settings) ?? new ConversationData();
}

/// <summary>A turn's user: the profile with its ETag and the state in the conversation.</summary>
public sealed record UserTurnState(StoredProfile Profile, UserConversationState Conversation);

/// <summary>One user's state in one conversation as read this turn; <see cref="Data"/> is changed in place and saved at the end.</summary>
public sealed class UserConversationState
{
    internal UserConversationState(UserKey user, string rowKey, ConversationData? data, string? storedJson, string? etag, string? movedFrom)
    {
        User = user;
        RowKey = rowKey;
        Found = data is not null;
        Data = data ?? new ConversationData();
        StoredJson = storedJson;
        ETag = etag;
        MovedFrom = movedFrom;
    }

    public UserKey User { get; }

    /// <summary>False for a user without state here (new in this conversation), whose state may be taken over from elsewhere.</summary>
    public bool Found { get; }

    public ConversationData Data { get; set; }

    internal string RowKey { get; }

    internal string? StoredJson { get; private set; }

    internal string? ETag { get; private set; }

    /// <summary>The old PrivateConversationState key this state was read from, deleted there after its first save here.</summary>
    internal string? MovedFrom { get; private set; }

    /// <summary>For state that has no row yet: its JSON when read (new, or as found in the old place).</summary>
    internal string? JsonAtRead { get; private set; }

    internal void ReadAs(string json) => JsonAtRead = json;

    internal void Saved(string json, string etag, bool moved = false)
    {
        StoredJson = json;
        ETag = etag;
        if (moved)
        {
            MovedFrom = null;
        }
    }
}
