using OutreachBot.Domain.Storage;

namespace OutreachBot.Domain.Tests.Reminders;

/// <summary>Passes everything to an inner store and counts what queries return, to prove range reads are not scans.</summary>
internal sealed class CountingEntityStore(IEntityStore inner) : IEntityStore
{
    private int queriedEntities;

    public int QueriedEntities => queriedEntities;

    public void Reset() => Interlocked.Exchange(ref queriedEntities, 0);

    public Task<StoredEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
        inner.GetAsync(table, partitionKey, rowKey, cancellationToken);

    public Task<StoredEntity> InsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) =>
        inner.InsertAsync(table, partitionKey, rowKey, json, cancellationToken);

    public Task<StoredEntity> ReplaceAsync(string table, StoredEntity entity, CancellationToken cancellationToken = default) =>
        inner.ReplaceAsync(table, entity, cancellationToken);

    public Task<StoredEntity> UpsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) =>
        inner.UpsertAsync(table, partitionKey, rowKey, json, cancellationToken);

    public Task DeleteAsync(string table, string partitionKey, string rowKey, string? etag, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(table, partitionKey, rowKey, etag, cancellationToken);

    public async Task<EntityPage> QueryAsync(string table, string partitionKey, RowKeyRange range, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var page = await inner.QueryAsync(table, partitionKey, range, pageSize, continuationToken, cancellationToken);
        Interlocked.Add(ref queriedEntities, page.Items.Count);
        return page;
    }

    public Task<IReadOnlyList<StoredEntity>> SubmitBatchAsync(string table, string partitionKey, IReadOnlyList<EntityOperation> operations, CancellationToken cancellationToken = default) =>
        inner.SubmitBatchAsync(table, partitionKey, operations, cancellationToken);

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default) => inner.IsHealthyAsync(cancellationToken);
}
