using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using OutreachBot.Domain.Reminders;
using OutreachBot.Domain.Storage;
using static OutreachBot.Domain.Storage.Reminders.ReminderKeys;

namespace OutreachBot.Domain.Storage.Reminders;

public sealed record ReminderStoreOptions
{
    /// <summary>How many partitions the due-time index is spread over (by a stable hash of the reminder id).</summary>
    public int DueIndexPartitions { get; init; } = 4;

    /// <summary>An index entry that points at nothing, or at a reminder with another fire time, is removed only after this
    /// long, so a write in progress (index first, reminder second) is never mistaken for debris.</summary>
    public TimeSpan IndexRepairGrace { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Reminders in one table, two kinds of partition:
/// <list type="bullet">
/// <item><c>user-{owner}</c> / <c>{id}</c>: the reminder itself, for "my reminders", cancel and snooze.</item>
/// <item><c>due-{n}</c> / <c>{ticks of FireAt}-{id}</c>: the due-time index, so "what is due now" is a range query from
/// the start of each index partition up to now, never a scan.</item>
/// </list>
/// The two live in different partitions, so they cannot share a batch. The order of writes makes every crash repairable:
/// the new index entry is written first, then the reminder (ETag-conditional), then the old index entry is removed.
/// A crash leaves at most an extra index entry; the dispatcher deletes entries whose reminder is finished, and entries
/// that are orphaned or whose fire time no longer matches once they are older than <see cref="ReminderStoreOptions.IndexRepairGrace"/>.
/// A reminder is never left without its index entry.
/// </summary>
public sealed class ReminderRepository(IEntityStore store, TimeProvider time, ReminderStoreOptions? options = null)
{
    public const string Table = ReminderKeys.Table;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    internal ReminderStoreOptions Options { get; } = options ?? new ReminderStoreOptions();

    public async Task<ScheduleResult> ScheduleAsync(Reminder reminder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        StorageKey.Validate(reminder.Id);
        var entry = DueIndexEntry.For(reminder, time.GetUtcNow(), Options.DueIndexPartitions);
        var indexed = await TryInsertIndexAsync(entry, cancellationToken);
        try
        {
            await store.InsertAsync(Table, UserPartition(reminder.OwnerKey), reminder.Id, Serialize(reminder), cancellationToken);
            return new ScheduleResult(reminder, Created: true);
        }
        catch (EntityConflictException)
        {
            var existing = await GetAsync(reminder.OwnerKey, reminder.Id, cancellationToken);
            if (indexed && existing?.FireAt != reminder.FireAt)
            {
                await DeleteIndexEntryAsync(entry, cancellationToken);
            }

            return new ScheduleResult(existing ?? reminder, Created: false);
        }
    }

    /// <summary>
    /// Brings one outreach's automatic reminders in line with <see cref="AutomaticReminderRules.Plan"/>: schedules what is
    /// planned (idempotent) and cancels scheduled automatic reminders of that outreach that are no longer planned, e.g. the
    /// no-reply nudge once the department answered. Manual reminders and reminders already due are left alone.
    /// </summary>
    public async Task<IReadOnlyList<Reminder>> SyncAutomaticAsync(string ownerKey, string outreachId, IReadOnlyList<Reminder> planned, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(planned);
        foreach (var reminder in planned)
        {
            await ScheduleAsync(reminder, cancellationToken);
        }

        var now = time.GetUtcNow();
        var plannedIds = planned.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var obsolete = (await ListForOwnerAsync(ownerKey, includeFinished: false, cancellationToken))
            .Where(r => r.OutreachId == outreachId && r.Kind != ReminderKind.Manual && r.State == ReminderState.Scheduled
                && r.SnoozeCount == 0 && r.FireAt > now && !plannedIds.Contains(r.Id));
        foreach (var reminder in obsolete)
        {
            await CancelAsync(ownerKey, reminder.Id, cancellationToken);
        }

        return await ListForOwnerAsync(ownerKey, includeFinished: false, cancellationToken);
    }

    public async Task<Reminder?> GetAsync(string ownerKey, string reminderId, CancellationToken cancellationToken = default) =>
        (await GetVersionedAsync(ownerKey, reminderId, cancellationToken))?.Reminder;

    /// <summary>The owner's reminders ordered by due time; finished ones (sent, cancelled, failed, blocked) only when asked.</summary>
    public async Task<IReadOnlyList<Reminder>> ListForOwnerAsync(string ownerKey, bool includeFinished = false, CancellationToken cancellationToken = default)
    {
        var reminders = new List<Reminder>();
        await foreach (var entity in store.ReadAllAsync(Table, UserPartition(ownerKey), RowKeyRange.All, cancellationToken: cancellationToken))
        {
            var reminder = Deserialize(entity.Json);
            if (includeFinished || !reminder.IsFinished)
            {
                reminders.Add(reminder);
            }
        }

        return reminders.OrderBy(r => r.Due).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    public Task<ReminderChangeResult> CancelAsync(string ownerKey, string reminderId, CancellationToken cancellationToken = default) =>
        ChangeAsync(ownerKey, reminderId, r => r.IsFinished ? null : r with { State = ReminderState.Cancelled, LeaseOwner = null, LeaseExpiresAt = null }, cancellationToken);

    /// <summary>Moves the reminder to <paramref name="until"/> as a new occurrence (a new idempotency key); works on a sent reminder too, as the card's Snooze button needs.</summary>
    public Task<ReminderChangeResult> SnoozeAsync(string ownerKey, string reminderId, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        ChangeAsync(ownerKey, reminderId, r => r.State is ReminderState.Cancelled or ReminderState.Blocked ? null : r with
        {
            Due = until,
            FireAt = until,
            State = ReminderState.Scheduled,
            Occurrence = r.Occurrence + 1,
            SnoozeCount = r.SnoozeCount + 1,
            Attempts = 0,
            Late = false,
            LeaseOwner = null,
            LeaseExpiresAt = null,
            SentAt = null,
            LastError = null,
        }, cancellationToken);

    private async Task<ReminderChangeResult> ChangeAsync(string ownerKey, string reminderId, Func<Reminder, Reminder?> change, CancellationToken cancellationToken) =>
        await OptimisticConcurrency.RetryAsync(
            async token =>
            {
                var current = await GetVersionedAsync(ownerKey, reminderId, token);
                if (current is null)
                {
                    return new ReminderChangeResult(ReminderChangeStatus.NotFound, null);
                }

                var updated = change(current.Reminder);
                if (updated is null)
                {
                    return new ReminderChangeResult(ReminderChangeStatus.AlreadyFinished, current.Reminder);
                }

                var saved = updated.IsFinished ? await TryFinishAsync(current, updated, token) : await TryRescheduleAsync(current, updated, token);
                return saved is null
                    ? throw new EntityConflictException(Table, UserPartition(ownerKey), reminderId)
                    : new ReminderChangeResult(ReminderChangeStatus.Changed, saved.Reminder);
            },
            cancellationToken);

    internal async Task<VersionedReminder?> GetVersionedAsync(string ownerKey, string reminderId, CancellationToken cancellationToken)
    {
        var entity = await store.GetAsync(Table, UserPartition(ownerKey), reminderId, cancellationToken);
        return entity is null ? null : new VersionedReminder(Deserialize(entity.Json), entity.ETag);
    }

    /// <summary>ETag-conditional replace; null when someone else changed or removed the reminder first.</summary>
    internal async Task<VersionedReminder?> TryReplaceAsync(VersionedReminder current, Reminder updated, CancellationToken cancellationToken)
    {
        try
        {
            var entity = new StoredEntity(UserPartition(updated.OwnerKey), updated.Id, Serialize(updated), current.ETag);
            var saved = await store.ReplaceAsync(Table, entity, cancellationToken);
            return new VersionedReminder(updated, saved.ETag);
        }
        catch (Exception ex) when (ex is EntityConflictException or EntityNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Moves the reminder's fire time: new index entry, then the reminder, then the old entry goes.</summary>
    internal async Task<VersionedReminder?> TryRescheduleAsync(VersionedReminder current, Reminder updated, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var oldEntry = DueIndexEntry.For(current.Reminder, now, Options.DueIndexPartitions);
        var newEntry = DueIndexEntry.For(updated, now, Options.DueIndexPartitions);
        var moved = oldEntry.RowKey != newEntry.RowKey;
        if (moved)
        {
            await store.UpsertAsync(Table, newEntry.PartitionKey, newEntry.RowKey, JsonSerializer.Serialize(newEntry, Json), cancellationToken);
        }

        var saved = await TryReplaceAsync(current, updated, cancellationToken);
        if (!moved)
        {
            return saved;
        }

        if (saved is null)
        {
            var latest = await GetVersionedAsync(updated.OwnerKey, updated.Id, cancellationToken);
            if (latest?.Reminder.FireAt != updated.FireAt)
            {
                await DeleteIndexEntryAsync(newEntry, cancellationToken);
            }

            return null;
        }

        await DeleteIndexEntryAsync(oldEntry, cancellationToken);
        return saved;
    }

    /// <summary>Puts the reminder in a final state, then removes its index entry.</summary>
    internal async Task<VersionedReminder?> TryFinishAsync(VersionedReminder current, Reminder updated, CancellationToken cancellationToken)
    {
        var saved = await TryReplaceAsync(current, updated, cancellationToken);
        if (saved is not null)
        {
            await DeleteIndexEntryAsync(DueIndexEntry.For(current.Reminder, time.GetUtcNow(), Options.DueIndexPartitions), cancellationToken);
        }

        return saved;
    }

    /// <summary>Index entries with FireAt at or before <paramref name="now"/>, oldest first, read page by page from each index partition.</summary>
    internal async IAsyncEnumerable<DueIndexEntry> ReadDueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var range = new RowKeyRange(null, StorageKey.OldestFirst(now.AddTicks(1)));
        var due = new List<DueIndexEntry>();
        for (var shard = 0; shard < Options.DueIndexPartitions; shard++)
        {
            await foreach (var entity in store.ReadAllAsync(Table, DueIndexEntry.Partition(shard), range, cancellationToken: cancellationToken))
            {
                due.Add(JsonSerializer.Deserialize<DueIndexEntry>(entity.Json, Json)!);
            }
        }

        foreach (var entry in due.OrderBy(e => e.FireAt))
        {
            yield return entry;
        }
    }

    /// <summary>The earliest fire time strictly after <paramref name="after"/>, or null when nothing is scheduled.</summary>
    internal async Task<DateTimeOffset?> NextFireAtAsync(DateTimeOffset after, CancellationToken cancellationToken)
    {
        var range = new RowKeyRange(StorageKey.OldestFirst(after.AddTicks(1)));
        DateTimeOffset? next = null;
        for (var shard = 0; shard < Options.DueIndexPartitions; shard++)
        {
            var page = await store.QueryAsync(Table, DueIndexEntry.Partition(shard), range, 1, null, cancellationToken);
            if (page.Items.Count > 0)
            {
                var fireAt = JsonSerializer.Deserialize<DueIndexEntry>(page.Items[0].Json, Json)!.FireAt;
                next = next is null || fireAt < next ? fireAt : next;
            }
        }

        return next;
    }

    internal Task DeleteIndexEntryAsync(DueIndexEntry entry, CancellationToken cancellationToken) =>
        store.DeleteAsync(Table, entry.PartitionKey, entry.RowKey, etag: null, cancellationToken);

    private async Task<bool> TryInsertIndexAsync(DueIndexEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await store.InsertAsync(Table, entry.PartitionKey, entry.RowKey, JsonSerializer.Serialize(entry, Json), cancellationToken);
            return true;
        }
        catch (EntityConflictException)
        {
            return false;
        }
    }

    private static string Serialize(Reminder reminder) => JsonSerializer.Serialize(reminder, Json);

    private static Reminder Deserialize(string json) => JsonSerializer.Deserialize<Reminder>(json, Json)!;
}
