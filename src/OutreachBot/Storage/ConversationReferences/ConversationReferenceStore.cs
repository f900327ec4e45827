using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using OutreachBot.Domain.Storage;

namespace OutreachBot.Storage.ConversationReferences;

/// <summary>
/// Conversation references for proactive messages (reminders): partition = user key, row = conversation id.
/// Written on install and whenever what a proactive message needs (service URL, tenant, conversation, bot, user)
/// changes; an unchanged reference is rewritten at most every <see cref="RefreshInterval"/> so LastSeen stays close
/// enough to order a user's conversations, without a storage write on every ordinary chat turn.
/// </summary>
public sealed class ConversationReferenceStore(IEntityStore store, TimeProvider clock)
{
    public const string Table = "ConversationReferences";
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);
    private const int MaxRemembered = 50_000;

    private readonly ConcurrentDictionary<(string Partition, string Row), Written> written = new();

    public async Task SaveAsync(IActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation?.Id is null || activity.ServiceUrl is null)
        {
            return;
        }

        var user = UserKey.From(activity);
        var now = clock.GetUtcNow();
        var conversationType = activity.Conversation.ConversationType ?? "personal";
        var reference = activity.GetConversationReference();
        var slot = (user.PartitionKey, StorageKey.Encode(activity.Conversation.Id));
        var fingerprint = Fingerprint(user.Value, conversationType, reference);
        var routine = activity.Type is ActivityTypes.Message or ActivityTypes.Invoke;
        if (routine && written.TryGetValue(slot, out var last) && last.Fingerprint == fingerprint && now - last.At < RefreshInterval)
        {
            return;
        }

        var record = new StoredConversationReference(user.Value, conversationType, now, reference);
        await store.UpsertAsync(Table, slot.PartitionKey, slot.Item2, JsonConvert.SerializeObject(record), cancellationToken);
        if (written.Count >= MaxRemembered)
        {
            written.Clear();
        }

        written[slot] = new Written(fingerprint, now);
    }

    /// <summary>Every conversation the user has had with the bot, most recently active first.</summary>
    public async Task<IReadOnlyList<StoredConversationReference>> FindAllAsync(UserKey user, CancellationToken cancellationToken)
    {
        var found = new List<StoredConversationReference>();
        await foreach (var entity in store.ReadAllAsync(Table, user.PartitionKey, RowKeyRange.All, cancellationToken: cancellationToken))
        {
            found.Add(JsonConvert.DeserializeObject<StoredConversationReference>(entity.Json)!);
        }

        return found.OrderByDescending(r => r.LastSeen).ToList();
    }

    /// <summary>Where to send a personal proactive message: the 1:1 chat if there is one, else the most recent conversation.</summary>
    public async Task<ConversationReference?> FindForUserAsync(UserKey user, CancellationToken cancellationToken)
    {
        var all = await FindAllAsync(user, cancellationToken);
        var chosen = all.FirstOrDefault(r => r.ConversationType == "personal") ?? all.FirstOrDefault();
        return chosen?.Reference;
    }

    // The activity id changes every turn and is not needed to continue a conversation, so it does not count as a change.
    private static string Fingerprint(string user, string conversationType, ConversationReference reference)
    {
        var activityId = reference.ActivityId;
        reference.ActivityId = null;
        try
        {
            var json = user + "\n" + conversationType + "\n" + JsonConvert.SerializeObject(reference);
            return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        }
        finally
        {
            reference.ActivityId = activityId;
        }
    }

    private sealed record Written(string Fingerprint, DateTimeOffset At);
}

public sealed record StoredConversationReference(string UserKey, string ConversationType, DateTimeOffset LastSeen, ConversationReference Reference);
