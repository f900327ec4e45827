namespace OutreachBot.Domain.Storage;

/// <summary>
/// The storage port: a table of JSON documents addressed by partition and row key, with optimistic
/// concurrency through ETags. Adapters: Azure Tables (production) and SQLite (embedded default).
/// Both behave identically; one contract test suite proves it.
/// </summary>
public interface IEntityStore
{
    /// <summary>The most row keys one <see cref="GetRowsAsync"/> may ask for (keeps an Azure Tables filter short).</summary>
    const int MaxRowsPerRead = 16;

    /// <summary>Returns the entity, or null when it does not exist.</summary>
    Task<StoredEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new entity. Throws <see cref="EntityConflictException"/> when the key exists.</summary>
    Task<StoredEntity> InsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces an entity only if its stored ETag still equals <see cref="StoredEntity.ETag"/>.
    /// Throws <see cref="EntityConflictException"/> on a mismatch and <see cref="EntityNotFoundException"/> when it is gone.
    /// </summary>
    Task<StoredEntity> ReplaceAsync(string table, StoredEntity entity, CancellationToken cancellationToken = default);

    /// <summary>Inserts or overwrites unconditionally (last writer wins). Use only where no read precedes the write.</summary>
    Task<StoredEntity> UpsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an entity. With an ETag the delete is conditional (<see cref="EntityConflictException"/> on mismatch);
    /// with null it is unconditional. Deleting a missing entity is not an error when unconditional.
    /// </summary>
    Task DeleteAsync(string table, string partitionKey, string rowKey, string? etag, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the entities of a partition whose row keys fall in <paramref name="range"/>, ordered by row key.
    /// Pass the returned <see cref="EntityPage.ContinuationToken"/> back to read the next page.
    /// </summary>
    Task<EntityPage> QueryAsync(string table, string partitionKey, RowKeyRange range, int pageSize, string? continuationToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// The entities of one partition whose row keys are among <paramref name="rowKeys"/> (at most
    /// <see cref="MaxRowsPerRead"/>), in one round trip where the store allows (one partition query); missing rows are
    /// left out. For rows that are always read together, such as a user's profile and their state in a conversation.
    /// </summary>
    async Task<IReadOnlyList<StoredEntity>> GetRowsAsync(string table, string partitionKey, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rowKeys);
        var found = new List<StoredEntity>(rowKeys.Count);
        foreach (var rowKey in rowKeys.Distinct(StringComparer.Ordinal))
        {
            if (await GetAsync(table, partitionKey, rowKey, cancellationToken).ConfigureAwait(false) is { } entity)
            {
                found.Add(entity);
            }
        }

        return found;
    }

    /// <summary>
    /// Applies all operations atomically (all or nothing); all share one partition, at most 100.
    /// Throws <see cref="EntityConflictException"/> (with the failing index) when any operation's condition fails.
    /// </summary>
    Task<IReadOnlyList<StoredEntity>> SubmitBatchAsync(string table, string partitionKey, IReadOnlyList<EntityOperation> operations, CancellationToken cancellationToken = default);

    /// <summary>True when the backing service answers; used by /healthz.</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default);
}

public sealed record StoredEntity(string PartitionKey, string RowKey, string Json, string ETag);

public sealed record EntityPage(IReadOnlyList<StoredEntity> Items, string? ContinuationToken);

/// <summary>Row-key bounds: <see cref="From"/> inclusive, <see cref="To"/> exclusive; null means unbounded.</summary>
public sealed record RowKeyRange(string? From = null, string? To = null)
{
    public static RowKeyRange All { get; } = new();

    /// <summary>Every row key that starts with <paramref name="prefix"/>.</summary>
    public static RowKeyRange WithPrefix(string prefix) => new(prefix, prefix + '\uffff');
}

public enum EntityOperationKind
{
    Insert,
    Replace,
    Upsert,
    Delete,
}

/// <summary>One operation of a batch. Replace and conditional Delete need <see cref="ETag"/>.</summary>
public sealed record EntityOperation(EntityOperationKind Kind, string RowKey, string? Json = null, string? ETag = null)
{
    public static EntityOperation Insert(string rowKey, string json) => new(EntityOperationKind.Insert, rowKey, json);
    public static EntityOperation Replace(string rowKey, string json, string etag) => new(EntityOperationKind.Replace, rowKey, json, etag);
    public static EntityOperation Upsert(string rowKey, string json) => new(EntityOperationKind.Upsert, rowKey, json);
    public static EntityOperation Delete(string rowKey, string? etag = null) => new(EntityOperationKind.Delete, rowKey, ETag: etag);
}
