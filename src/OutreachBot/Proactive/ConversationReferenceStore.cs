using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using OutreachBot.Chat.Identity;
using OutreachBot.Domain.Storage;

namespace OutreachBot.Proactive;

/// <summary>
/// Conversation references for proactive messages (reminders): partition = user key, row = conversation id.
/// Written on every incoming activity and on install, so the service URL and tenant stay current.
/// </summary>
public sealed class ConversationReferenceStore(IEntityStore store, TimeProvider clock)
{
    public const string Table = "ConversationReferences";
    private const int PageSize = 100;

    public async Task SaveAsync(IActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation?.Id is null || activity.ServiceUrl is null)
        {
            return;
        }

        var user = UserKey.From(activity);
        var record = new StoredConversationReference(
            user.Value,
            activity.Conversation.ConversationType ?? "personal",
            clock.GetUtcNow(),
            activity.GetConversationReference());
        await store.UpsertAsync(Table, user.PartitionKey, StorageKey.Encode(activity.Conversation.Id), JsonConvert.SerializeObject(record), cancellationToken);
    }

    /// <summary>Every conversation the user has had with the bot, most recently active first.</summary>
    public async Task<IReadOnlyList<StoredConversationReference>> FindAllAsync(UserKey user, CancellationToken cancellationToken)
    {
        var found = new List<StoredConversationReference>();
        string? continuation = null;
        do
        {
            var page = await store.QueryAsync(Table, user.PartitionKey, RowKeyRange.All, PageSize, continuation, cancellationToken);
            found.AddRange(page.Items.Select(e => JsonConvert.DeserializeObject<StoredConversationReference>(e.Json)!));
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return found.OrderByDescending(r => r.LastSeen).ToList();
    }

    /// <summary>Where to send a personal proactive message: the 1:1 chat if there is one, else the most recent conversation.</summary>
    public async Task<ConversationReference?> FindForUserAsync(UserKey user, CancellationToken cancellationToken)
    {
        var all = await FindAllAsync(user, cancellationToken);
        var chosen = all.FirstOrDefault(r => r.ConversationType == "personal") ?? all.FirstOrDefault();
        return chosen?.Reference;
    }
}

public sealed record StoredConversationReference(string UserKey, string ConversationType, DateTimeOffset LastSeen, ConversationReference Reference);
