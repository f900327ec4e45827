using System.Runtime.CompilerServices;

namespace OutreachBot.Domain.Storage;

/// <summary>The one way a repository reads a whole row-key range: page by page, following the continuation token.</summary>
public static class EntityStorePaging
{
    /// <summary>The largest page every adapter serves (Azure Tables returns at most 1,000 entities per page).</summary>
    public const int DefaultPageSize = 1000;

    /// <summary>
    /// Every entity of the partition whose row key falls in <paramref name="range"/>, in row-key order, one page in memory
    /// at a time. Pass a smaller <paramref name="pageSize"/> where entities are large (chunks of hundreds of KB).
    /// </summary>
    public static async IAsyncEnumerable<StoredEntity> ReadAllAsync(
        this IEntityStore store,
        string table,
        string partitionKey,
        RowKeyRange range,
        int pageSize = DefaultPageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        string? continuation = null;
        do
        {
            var page = await store.QueryAsync(table, partitionKey, range, pageSize, continuation, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Items)
            {
                yield return entity;
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }

    /// <summary>Every entity of the range as a list; see <see cref="ReadAllAsync"/>.</summary>
    public static async Task<List<StoredEntity>> ListAllAsync(
        this IEntityStore store, string table, string partitionKey, RowKeyRange range, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var all = new List<StoredEntity>();
        await foreach (var entity in store.ReadAllAsync(table, partitionKey, range, pageSize, cancellationToken).ConfigureAwait(false))
        {
            all.Add(entity);
        }

        return all;
    }
}
