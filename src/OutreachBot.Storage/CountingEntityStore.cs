namespace OutreachBot.Storage;

/// <summary>
/// Counts every round trip to the inner store, by operation and by table, and the entities queries return. Opt-in
/// (Storage:CountOperations=true) for the load harness, which reads the totals before and after a turn to report
/// storage round trips per command; tests wrap a store in it to prove how much a use case reads.
/// </summary>
public sealed class CountingEntityStore(IEntityStore inner) : IEntityStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);
    private long queriedEntities;

    public IEntityStore Inner => inner;

    /// <summary>
    /// Totals so far: "total", each operation ("get", "insert", …), each "operation:table" and, for partition keys
    /// of the form "kind:…", each "operation:table:kind" (e.g. "get:outreaches:owner" counts reads of outreach records).
    /// </summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(counts, StringComparer.Ordinal);

    /// <summary>Entities returned by queries so far: a range read that is not a scan returns only what it asked for.</summary>
    public long QueriedEntities => Interlocked.Read(ref queriedEntities);

    /// <summary>Starts counting again from zero.</summary>
    public void Reset()
    {
        counts.Clear();
        Interlocked.Exchange(ref queriedEntities, 0);
    }

    public Task<StoredEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        Count("get", table, partitionKey);
        return inner.GetAsync(table, partitionKey, rowKey, cancellationToken);
    }

    /// <summary>One round trip, counted as "getrows" (a partition query for named rows).</summary>
    public async Task<IReadOnlyList<StoredEntity>> GetRowsAsync(string table, string partitionKey, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken = default)
    {
        Count("getrows", table, partitionKey);
        var found = await inner.GetRowsAsync(table, partitionKey, rowKeys, cancellationToken);
        Interlocked.Add(ref queriedEntities, found.Count);
        return found;
    }

    public Task<StoredEntity> InsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default)
    {
        Count("insert", table, partitionKey);
        return inner.InsertAsync(table, partitionKey, rowKey, json, cancellationToken);
    }

    public Task<StoredEntity> ReplaceAsync(string table, StoredEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Count("replace", table, entity.PartitionKey);
        return inner.ReplaceAsync(table, entity, cancellationToken);
    }

    public Task<StoredEntity> UpsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default)
    {
        Count("upsert", table, partitionKey);
        return inner.UpsertAsync(table, partitionKey, rowKey, json, cancellationToken);
    }

    public Task DeleteAsync(string table, string partitionKey, string rowKey, string? etag, CancellationToken cancellationToken = default)
    {
        Count("delete", table, partitionKey);
        return inner.DeleteAsync(table, partitionKey, rowKey, etag, cancellationToken);
    }

    public async Task<EntityPage> QueryAsync(string table, string partitionKey, RowKeyRange range, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        Count("query", table, partitionKey);
        var page = await inner.QueryAsync(table, partitionKey, range, pageSize, continuationToken, cancellationToken);
        Interlocked.Add(ref queriedEntities, page.Items.Count);
        return page;
    }

    public Task<IReadOnlyList<StoredEntity>> SubmitBatchAsync(string table, string partitionKey, IReadOnlyList<EntityOperation> operations, CancellationToken cancellationToken = default)
    {
        Count("batch", table, partitionKey);
        return inner.SubmitBatchAsync(table, partitionKey, operations, cancellationToken);
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default) => inner.IsHealthyAsync(cancellationToken);

    private void Count(string operation, string table, string? partitionKey)
    {
        // Table names are case-insensitive on every adapter; the keys use one spelling.
        table = table.ToLowerInvariant();
        counts.AddOrUpdate("total", 1, (_, n) => n + 1);
        counts.AddOrUpdate(operation, 1, (_, n) => n + 1);
        counts.AddOrUpdate(operation + ":" + table, 1, (_, n) => n + 1);
        var kindEnd = partitionKey?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (kindEnd > 0)
        {
            counts.AddOrUpdate(operation + ":" + table + ":" + partitionKey![..kindEnd], 1, (_, n) => n + 1);
        }
    }
}
