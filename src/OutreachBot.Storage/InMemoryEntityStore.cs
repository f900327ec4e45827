using System.Collections.Concurrent;
using System.Globalization;

namespace OutreachBot.Storage;

/// <summary>
/// A process-local store with the same semantics as the durable adapters (ETags, conditional writes,
/// atomic batches, paging). For fast tests and single-process experiments; it keeps nothing on restart.
/// </summary>
public sealed class InMemoryEntityStore : IEntityStore
{
    private readonly ConcurrentDictionary<string, SortedDictionary<string, StoredEntity>> partitions = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long version;

    public Task<StoredEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        EntityStoreGuard.ValidateTable(table);
        EntityStoreGuard.ValidateKeys(partitionKey, rowKey);
        lock (gate)
        {
            return Task.FromResult(Partition(table, partitionKey).GetValueOrDefault(rowKey));
        }
    }

    public Task<IReadOnlyList<StoredEntity>> GetRowsAsync(string table, string partitionKey, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken = default)
    {
        var keys = EntityStoreGuard.ValidateRowKeys(table, partitionKey, rowKeys);
        lock (gate)
        {
            var partition = Partition(table, partitionKey);
            IReadOnlyList<StoredEntity> found = keys.Select(partition.GetValueOrDefault).OfType<StoredEntity>().OrderBy(e => e.RowKey, StringComparer.Ordinal).ToList();
            return Task.FromResult(found);
        }
    }

    public Task<StoredEntity> InsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) =>
        Task.FromResult(SubmitBatchCore(table, partitionKey, [EntityOperation.Insert(rowKey, json)])[0]);

    public Task<StoredEntity> ReplaceAsync(string table, StoredEntity entity, CancellationToken cancellationToken = default) =>
        Task.FromResult(entity is null ? throw new ArgumentNullException(nameof(entity)) : SubmitBatchCore(table, entity.PartitionKey, [EntityOperation.Replace(entity.RowKey, entity.Json, entity.ETag)])[0]);

    public Task<StoredEntity> UpsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) =>
        Task.FromResult(SubmitBatchCore(table, partitionKey, [EntityOperation.Upsert(rowKey, json)])[0]);

    public Task DeleteAsync(string table, string partitionKey, string rowKey, string? etag, CancellationToken cancellationToken = default)
    {
        SubmitBatchCore(table, partitionKey, [EntityOperation.Delete(rowKey, etag)]);
        return Task.CompletedTask;
    }

    public Task<EntityPage> QueryAsync(string table, string partitionKey, RowKeyRange range, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        EntityStoreGuard.ValidateTable(table);
        StorageKey.Validate(partitionKey);
        ArgumentNullException.ThrowIfNull(range);
        EntityStoreGuard.ValidatePageSize(pageSize);
        lock (gate)
        {
            var start = continuationToken ?? range.From;
            var items = Partition(table, partitionKey).Values
                .Where(e => (start is null || string.CompareOrdinal(e.RowKey, start) >= 0)
                    && (range.To is null || string.CompareOrdinal(e.RowKey, range.To) < 0))
                .Take(pageSize + 1)
                .ToList();
            var next = items.Count > pageSize ? items[pageSize].RowKey : null;
            return Task.FromResult(new EntityPage(items.Take(pageSize).ToList(), next));
        }
    }

    public Task<IReadOnlyList<StoredEntity>> SubmitBatchAsync(string table, string partitionKey, IReadOnlyList<EntityOperation> operations, CancellationToken cancellationToken = default) =>
        Task.FromResult(SubmitBatchCore(table, partitionKey, operations));

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    private IReadOnlyList<StoredEntity> SubmitBatchCore(string table, string partitionKey, IReadOnlyList<EntityOperation> operations)
    {
        EntityStoreGuard.ValidateBatch(table, partitionKey, operations);
        lock (gate)
        {
            var partition = Partition(table, partitionKey);
            var staged = new Dictionary<string, StoredEntity?>(StringComparer.Ordinal);
            var results = new List<StoredEntity>(operations.Count);
            for (var i = 0; i < operations.Count; i++)
            {
                var op = operations[i];
                var current = staged.TryGetValue(op.RowKey, out var s) ? s : partition.GetValueOrDefault(op.RowKey);
                var fresh = new StoredEntity(partitionKey, op.RowKey, op.Json ?? string.Empty, NextETag());
                EntityStoreGuard.CheckPrecondition(table, partitionKey, op, i, current);
                if (op.Kind is EntityOperationKind.Delete)
                {
                    staged[op.RowKey] = null;
                    results.Add(current ?? fresh);
                }
                else
                {
                    staged[op.RowKey] = fresh;
                    results.Add(fresh);
                }
            }

            foreach (var (rowKey, entity) in staged)
            {
                if (entity is null)
                {
                    partition.Remove(rowKey);
                }
                else
                {
                    partition[rowKey] = entity;
                }
            }

            return results;
        }
    }

    private SortedDictionary<string, StoredEntity> Partition(string table, string partitionKey) =>
        partitions.GetOrAdd(EntityStoreGuard.CanonicalTable(table) + "\u0000" + partitionKey, _ => new SortedDictionary<string, StoredEntity>(StringComparer.Ordinal));

    private string NextETag() => "W/\"" + Interlocked.Increment(ref version).ToString(CultureInfo.InvariantCulture) + "\"";
}
