using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OutreachBot.Domain.Outreaches;
using static OutreachBot.Domain.Storage.Outreaches.OutreachKeys;

namespace OutreachBot.Domain.Storage.Outreaches;

/// <summary>An outreach as read from storage, with the ETag its next save must match.</summary>
public sealed record StoredOutreach(Outreach Outreach, string ETag);

public sealed record OutreachRepositoryOptions
{
    /// <summary>
    /// Largest serialized entity, in characters. Azure Tables caps a string property at 64 KiB (32K UTF-16
    /// characters) and an entity at 1 MiB; staying under 30,000 keeps any adapter layout within both.
    /// </summary>
    public int MaxEntityChars { get; init; } = 30_000;

    /// <summary>Timeline events kept on the outreach itself; older ones move to archived pages.</summary>
    public int MaxInlineEvents { get; init; } = 40;

    public int ArchivePageEvents { get; init; } = 25;
}

/// <summary>
/// Stores outreaches in one table: the record in its owner's partition (newest first), an id pointer,
/// a per-department index (collisions and shared refusals without a scan), and a shared-with index.
/// Every change is a read-modify-write guarded by the ETag and retried through <see cref="OptimisticConcurrency"/>; indexes carry the
/// outreach version so a late, stale index write never overwrites a newer one.
/// </summary>
public sealed class OutreachRepository(IEntityStore store, OutreachRepositoryOptions? options = null)
{
    public const string Table = OutreachKeys.Table;

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly OutreachRepositoryOptions options = options ?? new OutreachRepositoryOptions();

    public OutreachRepositoryOptions Options => options;

    public static bool IsWellFormedId(string? id) =>
        id is { Length: >= 8 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>Saves a new outreach. Fails with <see cref="OutreachLimitReached"/> when it would not fit in storage.</summary>
    public async Task<OutreachResult<Outreach>> CreateAsync(Outreach outreach, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormedId(outreach.Id))
        {
            throw new ArgumentException("Outreach ids are 8–64 ASCII letters, digits or dashes.", nameof(outreach));
        }

        var pointer = new OutreachPointer(OwnerPartition(outreach.OwnerKey), MainRow(outreach));
        var operations = Pack(outreach, out var error);
        if (error is not null)
        {
            return error;
        }

        await store.InsertAsync(Table, PointerPartition(outreach.Id), PointerRow, Serialize(pointer), cancellationToken);
        await store.SubmitBatchAsync(Table, pointer.Partition, [.. operations.Select(o => o.Kind == EntityOperationKind.Replace ? EntityOperation.Insert(o.RowKey, o.Json!) : o)], cancellationToken);
        await WriteIndexesAsync(outreach, OutreachSharing.None, cancellationToken);
        return outreach;
    }

    public async Task<Outreach?> GetAsync(string outreachId, CancellationToken cancellationToken = default) =>
        (await LoadAsync(outreachId, cancellationToken))?.Outreach;

    /// <summary>The outreach with the ETag a later <see cref="UpdateAsync{TResult}(StoredOutreach, Func{Outreach, OutreachResult{TResult}}, CancellationToken)"/> starts from; null when there is none (or the id is malformed).</summary>
    public async Task<StoredOutreach?> LoadAsync(string outreachId, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormedId(outreachId))
        {
            return null;
        }

        var pointerEntity = await store.GetAsync(Table, PointerPartition(outreachId), PointerRow, cancellationToken);
        if (pointerEntity is null)
        {
            return null;
        }

        var pointer = Deserialize<OutreachPointer>(pointerEntity.Json);
        var main = await store.GetAsync(Table, pointer.Partition, pointer.RowKey, cancellationToken);
        return main is null ? null : new StoredOutreach(Outreach.FromSnapshot(Deserialize<OutreachSnapshot>(main.Json)), main.ETag);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the latest stored version and saves it, re-reading and re-applying on
    /// every ETag conflict. A failed result, or a change that changed nothing, writes nothing.
    /// </summary>
    public async Task<OutreachResult<TResult>> UpdateAsync<TResult>(
        string outreachId, Func<Outreach, OutreachResult<TResult>> change, CancellationToken cancellationToken = default) =>
        await LoadAsync(outreachId, cancellationToken) is { } loaded ? await UpdateAsync(loaded, change, cancellationToken) : new OutreachNotFound();

    /// <summary>
    /// The same, starting from a copy the caller has just read (so the change costs no second read); only an ETag
    /// conflict reads the outreach again. <paramref name="loaded"/> must not be used after this call.
    /// </summary>
    public async Task<OutreachResult<TResult>> UpdateAsync<TResult>(
        StoredOutreach loaded, Func<Outreach, OutreachResult<TResult>> change, CancellationToken cancellationToken = default)
    {
        var outreachId = loaded.Outreach.Id;
        StoredOutreach? first = loaded;
        SavedChange<TResult> saved;
        try
        {
            saved = await OptimisticConcurrency.RetryAsync(
                async token =>
                {
                    // The first attempt uses the copy the caller read; only a conflict reads the outreach again.
                    var current = Interlocked.Exchange(ref first, null) ?? await LoadAsync(outreachId, token);
                    return current is null
                        ? new SavedChange<TResult>(new OutreachNotFound(), null, OutreachSharing.None)
                        : await TrySaveAsync(current, change, token);
                },
                cancellationToken);
        }
        catch (Exception exception) when (OptimisticConcurrency.IsLostRace(exception))
        {
            return new OutreachBusy();
        }

        if (saved.Saved is { } outreach)
        {
            await WriteIndexesAsync(outreach, saved.SharingBefore, cancellationToken);
        }

        return saved.Result;
    }

    /// <summary>Every outreach the user owns, newest first.</summary>
    public async Task<IReadOnlyList<Outreach>> ListOwnedAsync(string ownerKey, CancellationToken cancellationToken = default)
    {
        var entities = await QueryAllAsync(OwnerPartition(ownerKey), RowKeyRange.WithPrefix(OwnedRowPrefix), cancellationToken);
        return [.. entities.Select(e => Outreach.FromSnapshot(Deserialize<OutreachSnapshot>(e.Json)))];
    }

    /// <summary>Outreaches shared with the requester personally or with one of their teams/channels (not those they own).</summary>
    public async Task<IReadOnlyList<Outreach>> ListSharedWithAsync(Requester requester, CancellationToken cancellationToken = default) =>
        [.. (await ListVisibleAsync(requester, cancellationToken)).Select(s => s.Outreach).Where(o => o.OwnerKey != requester.UserKey)];

    /// <summary>
    /// Every outreach the requester may see, with ETags: their own (newest first), then those shared with them. One range
    /// query over the requester's partition reads both their records and the index of what is shared with them
    /// personally; a query per team or channel adds what is shared there, and a read per shared outreach loads it.
    /// </summary>
    public async Task<IReadOnlyList<StoredOutreach>> ListVisibleAsync(Requester requester, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        var rows = await QueryAllAsync(OwnerPartition(requester.UserKey), OwnedAndSharedWith, cancellationToken);
        var owned = rows.Where(e => e.RowKey.StartsWith(OwnedRowPrefix, StringComparison.Ordinal));
        var sharedIds = new HashSet<string>(
            rows.Where(e => e.RowKey.StartsWith(SharedWithRowPrefix, StringComparison.Ordinal)).Select(e => e.RowKey[SharedWithRowPrefix.Length..]),
            StringComparer.Ordinal);
        if (!rows.Any(e => e.RowKey == SharesMovedRow))
        {
            sharedIds.UnionWith(await MoveSharesWithPersonAsync(requester.UserKey, cancellationToken));
        }

        foreach (var team in requester.TeamIds)
        {
            foreach (var entity in await QueryAllAsync(SharedPartition("t:" + team), RowKeyRange.All, cancellationToken))
            {
                sharedIds.Add(entity.RowKey);
            }
        }

        var shared = new List<StoredOutreach>();
        foreach (var id in sharedIds)
        {
            if (await LoadAsync(id, cancellationToken) is { } stored && stored.Outreach.OwnerKey != requester.UserKey && stored.Outreach.IsVisibleTo(requester))
            {
                shared.Add(stored);
            }
        }

        return [.. owned.Select(e => new StoredOutreach(Outreach.FromSnapshot(Deserialize<OutreachSnapshot>(e.Json)), e.ETag)), .. shared.OrderByDescending(s => s.Outreach.CreatedAt)];
    }

    /// <summary>
    /// Once per person: the "shared with me" index kept before in its own partition ("shared:u:…") is copied into the
    /// person's partition, marked as moved, and removed from the old one. Returns the outreach ids it held.
    /// </summary>
    private async Task<IReadOnlyList<string>> MoveSharesWithPersonAsync(string userKey, CancellationToken cancellationToken)
    {
        var legacyPartition = SharedPartition("u:" + userKey);
        var legacy = await QueryAllAsync(legacyPartition, RowKeyRange.All, cancellationToken);
        foreach (var entity in legacy)
        {
            await WriteVersionedAsync(OwnerPartition(userKey), SharedWithRow(entity.RowKey), entity.Json, Deserialize<VersionOnly>(entity.Json).Version, cancellationToken);
        }

        await store.UpsertAsync(Table, OwnerPartition(userKey), SharesMovedRow, "{}", cancellationToken);
        foreach (var entity in legacy)
        {
            try
            {
                await store.DeleteAsync(Table, legacyPartition, entity.RowKey, entity.ETag, cancellationToken);
            }
            catch (Exception exception) when (OptimisticConcurrency.IsLostRace(exception))
            {
                // Changed or removed meanwhile by an instance that still writes there: it is read again on no later turn, harmless.
            }
        }

        return [.. legacy.Select(e => e.RowKey)];
    }

    /// <summary>Every outreach (by anyone) that targets the department: for collision warnings and shared refusals.</summary>
    public async Task<IReadOnlyList<DepartmentIndexEntry>> ListByDepartmentAsync(string departmentId, CancellationToken cancellationToken = default)
    {
        var entities = await QueryAllAsync(DepartmentPartition(departmentId), RowKeyRange.All, cancellationToken);
        return [.. entities.Select(e => Deserialize<DepartmentIndexEntry>(e.Json))];
    }

    /// <summary>The whole timeline, oldest first: the archived pages followed by the events still on the record.</summary>
    public async Task<IReadOnlyList<TimelineEvent>> ReadTimelineAsync(Outreach outreach, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outreach);
        if (outreach.ArchivedPages == 0)
        {
            return [.. outreach.Timeline.OrderBy(e => e.Sequence)];
        }

        var pages = await QueryAllAsync(OwnerPartition(outreach.OwnerKey), RowKeyRange.WithPrefix(ArchivePrefix(outreach)), cancellationToken);
        return [.. pages.SelectMany(p => Deserialize<TimelinePage>(p.Json).Events).Concat(outreach.Timeline).OrderBy(e => e.Sequence)];
    }

    /// <summary>
    /// Serializes the outreach into its main entity (first) and any new archived timeline pages, moving the
    /// oldest events out until the record fits. Marks the outreach saved (its version grows by one).
    /// </summary>
    private List<EntityOperation> Pack(Outreach outreach, out OutreachError? error)
    {
        error = null;
        var operations = new List<EntityOperation>();
        while (true)
        {
            var json = Serialize(outreach.ToSnapshot() with { Version = outreach.Version + 1 });
            var tooMany = outreach.Timeline.Count > options.MaxInlineEvents;
            if (json.Length <= options.MaxEntityChars && !tooMany)
            {
                outreach.MarkSaved();
                operations.Insert(0, EntityOperation.Replace(MainRow(outreach), json, "*"));
                return operations;
            }

            if (outreach.Timeline.Count <= 1)
            {
                error = new OutreachLimitReached(OutreachLimit.StoredSize, options.MaxEntityChars);
                return operations;
            }

            var count = Math.Min(options.ArchivePageEvents, outreach.Timeline.Count - 1);
            while (count > 1 && Serialize(new TimelinePage([.. outreach.Timeline.Take(count)])).Length > options.MaxEntityChars)
            {
                count /= 2;
            }

            var page = outreach.ArchivedPages;
            var events = outreach.TakeOldestEvents(count);
            operations.Add(EntityOperation.Insert(ArchiveRow(outreach, page), Serialize(new TimelinePage(events))));
        }
    }

    private async Task WriteIndexesAsync(Outreach outreach, OutreachSharing sharingBefore, CancellationToken cancellationToken)
    {
        foreach (var target in outreach.Targets)
        {
            var entry = new DepartmentIndexEntry(
                outreach.Id, outreach.OwnerKey, target.Department.Id, target.Department.NameZh, target.Department.NameEn,
                target.Stage, target.StageChangedAt, target.RefusalReason, target.OutcomeNote, outreach.Version);
            await WriteVersionedAsync(DepartmentPartition(target.Department.Id), outreach.Id, Serialize(entry), outreach.Version, cancellationToken);
        }

        var now = SharingKeys(outreach.Sharing);
        foreach (var key in now)
        {
            var (partition, row) = SharedIndexSlot(key, outreach.Id);
            await WriteVersionedAsync(partition, row, Serialize(new SharedIndexEntry(outreach.Id, outreach.Version)), outreach.Version, cancellationToken);
        }

        foreach (var key in SharingKeys(sharingBefore).Except(now))
        {
            var (partition, row) = SharedIndexSlot(key, outreach.Id);
            await DeleteVersionedAsync(partition, row, outreach.Version, cancellationToken);
            if (key.StartsWith("u:", StringComparison.Ordinal))
            {
                // A person who has not listed their outreaches since shares moved may still hold the entry in the old place.
                await DeleteVersionedAsync(SharedPartition(key), outreach.Id, outreach.Version, cancellationToken);
            }
        }
    }

    /// <summary>One attempt of <see cref="UpdateAsync"/>: load, change, write under the ETag (a lost race throws).</summary>
    private async ValueTask<SavedChange<TResult>> TrySaveAsync<TResult>(StoredOutreach loaded, Func<Outreach, OutreachResult<TResult>> change, CancellationToken cancellationToken)
    {
        var outreach = loaded.Outreach;
        var sharingBefore = outreach.Sharing;
        var result = change(outreach);
        if (!result.IsSuccess || !outreach.HasChanges)
        {
            return new SavedChange<TResult>(result, null, sharingBefore);
        }

        var operations = Pack(outreach, out var error);
        if (error is not null)
        {
            return new SavedChange<TResult>(error, null, sharingBefore);
        }

        var main = operations[0];
        await store.SubmitBatchAsync(
            Table, OwnerPartition(outreach.OwnerKey), [EntityOperation.Replace(main.RowKey, main.Json!, loaded.ETag), .. operations.Skip(1)], cancellationToken);
        return new SavedChange<TResult>(result, outreach, sharingBefore);
    }

    private ValueTask WriteVersionedAsync(string partition, string rowKey, string json, long version, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RetryAsync(
            async token =>
            {
                var existing = await store.GetAsync(Table, partition, rowKey, token);
                if (existing is null)
                {
                    await store.InsertAsync(Table, partition, rowKey, json, token);
                }
                else if (Deserialize<VersionOnly>(existing.Json).Version < version)
                {
                    await store.ReplaceAsync(Table, existing with { Json = json }, token);
                }
            },
            cancellationToken);

    private ValueTask DeleteVersionedAsync(string partition, string rowKey, long version, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RetryAsync(
            async token =>
            {
                var existing = await store.GetAsync(Table, partition, rowKey, token);
                if (existing is not null && Deserialize<VersionOnly>(existing.Json).Version < version)
                {
                    await store.DeleteAsync(Table, partition, rowKey, existing.ETag, token);
                }
            },
            cancellationToken);

    private Task<List<StoredEntity>> QueryAllAsync(string partition, RowKeyRange range, CancellationToken cancellationToken) =>
        store.ListAllAsync(Table, partition, range, cancellationToken: cancellationToken);

    /// <summary>Where a sharing key's index entry for an outreach lives: a person's in their own partition, a team's in the team's.</summary>
    private static (string Partition, string Row) SharedIndexSlot(string sharingKey, string outreachId) =>
        sharingKey.StartsWith("u:", StringComparison.Ordinal)
            ? (OwnerPartition(sharingKey[2..]), SharedWithRow(outreachId))
            : (SharedPartition(sharingKey), outreachId);

    private static HashSet<string> SharingKeys(OutreachSharing sharing) =>
        SharingKeys(null, [.. new[] { sharing.TeamId, sharing.ChannelId }.OfType<string>()], sharing.ColleagueKeys);

    private static HashSet<string> SharingKeys(string? userKey, IReadOnlyList<string> teamIds, IReadOnlyList<string>? colleagues = null)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (userKey is not null)
        {
            keys.Add("u:" + userKey);
        }

        foreach (var colleague in colleagues ?? [])
        {
            keys.Add("u:" + colleague);
        }

        foreach (var team in teamIds)
        {
            keys.Add("t:" + team);
        }

        return keys;
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Json) ?? throw new JsonException($"Stored {typeof(T).Name} is empty.");

    private sealed record OutreachPointer(string Partition, string RowKey);

    private sealed record SharedIndexEntry(string OutreachId, long Version);

    private sealed record VersionOnly(long Version);

    private sealed record TimelinePage(IReadOnlyList<TimelineEvent> Events);

    private sealed record SavedChange<TResult>(OutreachResult<TResult> Result, Outreach? Saved, OutreachSharing SharingBefore);
}
