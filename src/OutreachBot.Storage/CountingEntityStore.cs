using OutreachBot.Domain.Storage;

namespace OutreachBot.Storage;

/// <summary>
/// Counts every round trip to the inner store, by operation and by table. Opt-in (Storage:CountOperations=true) for the
/// load harness, which reads the totals before and after a turn to report storage round trips per command.
/// </summary>
public sealed class CountingEntityStore(IEntityStore inner) : IEntityStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);

    public IEntityStore Inner => inner;

    /// <summary>
    /// Totals so far: "total", each operation ("get", "insert", …), each "operation:table" and, for partition keys
    /// of the form "kind:…", each "operation:table:kind" (e.g. "get:outreaches:owner" counts reads of outreach records).
    /// </summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(counts, StringComparer.Ordinal);

    public Task<StoredEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        Count("get", table, partitionKey);
        return inner.GetAsync(table, partitionKey, rowKey, cancellationToken);
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

    public Task<EntityPage> QueryAsync(string table, string partitionKey, RowKeyRange range, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        Count("query", table, partitionKey);
        return inner.QueryAsync(table, partitionKey, range, pageSize, continuationToken, cancellationToken);
    }

    public Task<IReadOnlyList<StoredEntity>> SubmitBatchAsync(string table, string partitionKey, IReadOnlyList<EntityOperation> operations, CancellationToken cancellationToken = default)
    {
        Count("batch", table, partitionKey);
        return inner.SubmitBatchAsync(table, partitionKey, operations, cancellationToken);
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default) => inner.IsHealthyAsync(cancellationToken);

    private void Count(string operation, string table, string? partitionKey)
    {
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
