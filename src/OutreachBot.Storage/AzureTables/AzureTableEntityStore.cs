using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OutreachBot.Storage.AzureTables;

/// <summary>
/// Azure Table Storage adapter. Each entity keeps its JSON in string properties of at most 32,000 characters
/// (a string property may hold 64 KiB of UTF-16), or gzip-compressed in binary properties when it is large,
/// reassembled on read. Conditional writes use the service's ETags;
/// every filter goes through <see cref="TableClient.CreateQueryFilter(FormattableString)"/>.
/// </summary>
public sealed class AzureTableEntityStore : IEntityStore
{
    internal const int ChunkLength = 32_000;
    internal const string ChunkCountProperty = "JsonChunks";
    internal const string ChunkPropertyPrefix = "Json";

    // Documents up to two chunks stay readable text. Larger ones are gzip-compressed into binary chunks: the service
    // (and Azurite, which measures the escaped request body) would otherwise refuse long Chinese text well before 1 MiB.
    internal const int MaxTextLength = 2 * ChunkLength;
    internal const int BinaryChunkLength = 64_000;
    internal const int MaxCompressedLength = 700_000;
    internal const string CompressedCountProperty = "GzipChunks";
    internal const string CompressedPropertyPrefix = "Gzip";
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(3);

    private const string TableNotFound = "TableNotFound";

    private readonly TableServiceClient service;
    private readonly string tablePrefix;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> tables = new(StringComparer.Ordinal);

    public AzureTableEntityStore(AzureTablesStorageOptions options, ILogger<AzureTableEntityStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.logger = logger ?? NullLogger<AzureTableEntityStore>.Instance;
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(100);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            service = new TableServiceClient(options.ConnectionString, clientOptions);
        }
        else
        {
            var endpoint = options.Endpoint ?? throw new ArgumentException("Storage:AzureTables:ConnectionString or Storage:AzureTables:Endpoint is required.", nameof(options));
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
            });
            service = new TableServiceClient(new Uri(endpoint), credential, clientOptions);
        }

        tablePrefix = options.TablePrefix.ToLowerInvariant();
    }

    public async Task<StoredEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        EntityStoreGuard.ValidateTable(table);
        EntityStoreGuard.ValidateKeys(partitionKey, rowKey);
        var response = await CallAsync(table, partitionKey, rowKey, client => client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToStored(response.Value!) : null;
    }

    public async Task<IReadOnlyList<StoredEntity>> GetRowsAsync(string table, string partitionKey, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken = default)
    {
        var keys = EntityStoreGuard.ValidateRowKeys(table, partitionKey, rowKeys);
        if (keys.Count == 0)
        {
            return [];
        }

        // One partition query: "PartitionKey eq p and (RowKey eq a or RowKey eq b …)", every value quoted by CreateQueryFilter.
        var rows = string.Join(" or ", keys.Select(rowKey => TableClient.CreateQueryFilter($"RowKey eq {rowKey}")));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}") + " and (" + rows + ")";
        try
        {
            return await RunAsync(table, client => AllAsync(client, filter, keys.Count, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsUnavailable(exception, cancellationToken))
        {
            throw Unavailable(exception);
        }
    }

    public async Task<StoredEntity> InsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default)
    {
        ValidateWrite(table, partitionKey, rowKey, json);
        var response = await CallAsync(table, partitionKey, rowKey, client => client.AddEntityAsync(ToTableEntity(partitionKey, rowKey, json), cancellationToken), cancellationToken).ConfigureAwait(false);
        return new StoredEntity(partitionKey, rowKey, json, response.Headers.ETag.GetValueOrDefault().ToString());
    }

    public async Task<StoredEntity> ReplaceAsync(string table, StoredEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateWrite(table, entity.PartitionKey, entity.RowKey, entity.Json);
        ArgumentException.ThrowIfNullOrEmpty(entity.ETag, nameof(entity));
        var response = await CallAsync(table, entity.PartitionKey, entity.RowKey, client => client.UpdateEntityAsync(ToTableEntity(entity.PartitionKey, entity.RowKey, entity.Json), new ETag(entity.ETag), TableUpdateMode.Replace, cancellationToken), cancellationToken).ConfigureAwait(false);
        return entity with { ETag = response.Headers.ETag.GetValueOrDefault().ToString() };
    }

    public async Task<StoredEntity> UpsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default)
    {
        ValidateWrite(table, partitionKey, rowKey, json);
        var response = await CallAsync(table, partitionKey, rowKey, client => client.UpsertEntityAsync(ToTableEntity(partitionKey, rowKey, json), TableUpdateMode.Replace, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new StoredEntity(partitionKey, rowKey, json, response.Headers.ETag.GetValueOrDefault().ToString());
    }

    public async Task DeleteAsync(string table, string partitionKey, string rowKey, string? etag, CancellationToken cancellationToken = default)
    {
        EntityStoreGuard.ValidateTable(table);
        EntityStoreGuard.ValidateKeys(partitionKey, rowKey);
        try
        {
            var response = await CallAsync(table, partitionKey, rowKey, client => client.DeleteEntityAsync(partitionKey, rowKey, etag is null ? ETag.All : new ETag(etag), cancellationToken), cancellationToken).ConfigureAwait(false);
            if (response.Status == 404 && etag is not null)
            {
                throw new EntityNotFoundException(table, partitionKey, rowKey);
            }
        }
        catch (EntityNotFoundException) when (etag is null)
        {
            // Our contract: an unconditional delete of a missing entity is a no-op.
        }
    }

    public async Task<EntityPage> QueryAsync(string table, string partitionKey, RowKeyRange range, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        EntityStoreGuard.ValidateTable(table);
        StorageKey.Validate(partitionKey);
        ArgumentNullException.ThrowIfNull(range);
        EntityStoreGuard.ValidatePageSize(pageSize);
        var filter = (range.From, range.To) switch
        {
            (null, null) => TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"),
            (string from, null) => TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from}"),
            (null, string to) => TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey lt {to}"),
            (string from, string to) => TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey lt {to}"),
        };
        try
        {
            return await RunAsync(table, client => FirstPageAsync(client, filter, pageSize, continuationToken, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsUnavailable(exception, cancellationToken))
        {
            throw Unavailable(exception);
        }
    }

    public async Task<IReadOnlyList<StoredEntity>> SubmitBatchAsync(string table, string partitionKey, IReadOnlyList<EntityOperation> operations, CancellationToken cancellationToken = default)
    {
        EntityStoreGuard.ValidateBatch(table, partitionKey, operations);
        if (operations.Count == 0)
        {
            return [];
        }

        // Azure fails a whole batch when it deletes a missing entity; our contract makes an unconditional delete of a
        // missing entity a no-op, so such deletes are dropped after a read, and the batch retried if one vanishes meanwhile.
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var sent = await PlanBatchAsync(table, partitionKey, operations, cancellationToken).ConfigureAwait(false);
            try
            {
                if (sent.Count == 0)
                {
                    return operations.Select(o => new StoredEntity(partitionKey, o.RowKey, string.Empty, string.Empty)).ToList();
                }

                var actions = sent.Select(i => ToAction(partitionKey, operations[i])).ToList();
                var response = await RunAsync(table, c => c.SubmitTransactionAsync(actions, cancellationToken), cancellationToken).ConfigureAwait(false);
                var etags = new Dictionary<int, string>();
                for (var j = 0; j < sent.Count; j++)
                {
                    etags[sent[j]] = response.Value[j].Headers.ETag.GetValueOrDefault().ToString();
                }

                return operations.Select((o, i) => new StoredEntity(
                    partitionKey,
                    o.RowKey,
                    o.Kind is EntityOperationKind.Delete ? string.Empty : o.Json!,
                    o.Kind is EntityOperationKind.Delete ? string.Empty : etags[i])).ToList();
            }
            catch (TableTransactionFailedException exception)
            {
                var index = exception.FailedTransactionActionIndex is int failed && failed < sent.Count ? sent[failed] : (int?)null;
                var operation = index is int i ? operations[i] : null;
                var rowKey = operation?.RowKey ?? operations[0].RowKey;
                switch (exception.Status)
                {
                    case 404 when operation is { Kind: EntityOperationKind.Delete, ETag: null } && attempt < attempts:
                        continue;
                    case 404:
                        throw new EntityNotFoundException(table, partitionKey, rowKey, exception);
                    case 409 or 412:
                        throw new EntityConflictException(table, partitionKey, rowKey, index, exception);
                    default:
                        if (IsUnavailable(exception, cancellationToken))
                        {
                            throw Unavailable(exception);
                        }

                        throw;
                }
            }
            catch (Exception exception) when (IsUnavailable(exception, cancellationToken))
            {
                throw Unavailable(exception);
            }
        }
    }

    /// <summary>
    /// True when the service answers and every table this store has used still exists. A table that has gone (deleted
    /// by hand, or a storage account emptied) is created again here, so a turn meets a working store.
    /// </summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HealthTimeout);
        try
        {
            var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var filter = tablePrefix.Length == 0
                ? null
                : TableClient.CreateQueryFilter($"TableName ge {tablePrefix} and TableName lt {tablePrefix + "{"}");
            await foreach (var item in service.QueryAsync(filter, cancellationToken: timeout.Token).WithCancellation(timeout.Token).ConfigureAwait(false))
            {
                existing.Add(item.Name);
            }

            foreach (var (name, lazy) in tables)
            {
                if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && !existing.Contains(name))
                {
                    await RecreateAsync(name, lazy, timeout.Token).ConfigureAwait(false);
                }
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception exception) when (IsUnavailable(exception, cancellationToken) || exception is RequestFailedException or StorageUnavailableException)
        {
            return false;
        }
    }

    internal static IEnumerable<string> Split(string json)
    {
        var start = 0;
        while (start < json.Length)
        {
            var length = Math.Min(ChunkLength, json.Length - start);
            if (start + length < json.Length && char.IsHighSurrogate(json[start + length - 1]))
            {
                length--;
            }

            yield return json.Substring(start, length);
            start += length;
        }
    }

    internal static TableEntity ToTableEntity(string partitionKey, string rowKey, string json)
    {
        var entity = new TableEntity(partitionKey, rowKey);
        var count = 0;
        if (json.Length <= MaxTextLength)
        {
            foreach (var chunk in Split(json))
            {
                entity[ChunkPropertyPrefix + Index(count++)] = chunk;
            }

            entity[ChunkCountProperty] = count;
            return entity;
        }

        var compressed = Compress(json);
        if (compressed.Length > MaxCompressedLength)
        {
            throw new ArgumentException(
                $"The JSON document of {partitionKey}/{rowKey} compresses to {compressed.Length} bytes; Azure Tables holds at most {MaxCompressedLength}.",
                nameof(json));
        }

        for (var offset = 0; offset < compressed.Length; offset += BinaryChunkLength)
        {
            entity[CompressedPropertyPrefix + Index(count++)] = compressed.AsSpan(offset, Math.Min(BinaryChunkLength, compressed.Length - offset)).ToArray();
        }

        entity[CompressedCountProperty] = count;
        return entity;
    }

    internal static string ReadJson(TableEntity entity)
    {
        if (entity.GetInt32(CompressedCountProperty) is int compressedCount)
        {
            using var buffer = new MemoryStream();
            for (var i = 0; i < compressedCount; i++)
            {
                buffer.Write(entity.GetBinary(CompressedPropertyPrefix + Index(i)));
            }

            buffer.Position = 0;
            using var gzip = new GZipStream(buffer, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            return reader.ReadToEnd();
        }

        var count = entity.GetInt32(ChunkCountProperty)
            ?? throw new InvalidOperationException($"Entity {entity.PartitionKey}/{entity.RowKey} was not written by OutreachBot: it has no {ChunkCountProperty}.");
        return count switch
        {
            0 => string.Empty,
            1 => entity.GetString(ChunkPropertyPrefix + "0"),
            _ => string.Concat(Enumerable.Range(0, count).Select(i => entity.GetString(ChunkPropertyPrefix + Index(i)))),
        };
    }

    private static byte[] Compress(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return buffer.ToArray();
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static StoredEntity ToStored(TableEntity entity) =>
        new(entity.PartitionKey, entity.RowKey, ReadJson(entity), entity.ETag.ToString());

    private static TableTransactionAction ToAction(string partitionKey, EntityOperation operation) => operation.Kind switch
    {
        EntityOperationKind.Insert => new TableTransactionAction(TableTransactionActionType.Add, ToTableEntity(partitionKey, operation.RowKey, operation.Json!)),
        EntityOperationKind.Replace => new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToTableEntity(partitionKey, operation.RowKey, operation.Json!), new ETag(operation.ETag!)),
        EntityOperationKind.Upsert => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToTableEntity(partitionKey, operation.RowKey, operation.Json!)),
        _ => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, operation.RowKey), operation.ETag is null ? ETag.All : new ETag(operation.ETag)),
    };

    /// <summary>The indexes of the operations to send: all but unconditional deletes of rows that do not exist.</summary>
    private async Task<List<int>> PlanBatchAsync(string table, string partitionKey, IReadOnlyList<EntityOperation> operations, CancellationToken cancellationToken)
    {
        var sent = new List<int>(operations.Count);
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            if (operation is { Kind: EntityOperationKind.Delete, ETag: null })
            {
                try
                {
                    var existing = await RunAsync(table, client => client.GetEntityIfExistsAsync<TableEntity>(partitionKey, operation.RowKey, ["PartitionKey"], cancellationToken), cancellationToken).ConfigureAwait(false);
                    if (!existing.HasValue)
                    {
                        continue;
                    }
                }
                catch (Exception exception) when (IsUnavailable(exception, cancellationToken))
                {
                    throw Unavailable(exception);
                }
            }

            sent.Add(i);
        }

        return sent;
    }

    /// <summary>Every page (the service may end a page early, with a continuation, even for a handful of rows).</summary>
    private static async Task<IReadOnlyList<StoredEntity>> AllAsync(TableClient client, string filter, int pageSize, CancellationToken cancellationToken)
    {
        var found = new List<StoredEntity>(pageSize);
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            found.Add(ToStored(entity));
        }

        return found;
    }

    private static async Task<EntityPage> FirstPageAsync(TableClient client, string filter, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        await foreach (var page in client.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken)
            .AsPages(continuationToken, pageSize)
            .WithCancellation(cancellationToken)
            .ConfigureAwait(false))
        {
            return new EntityPage(page.Values.Select(ToStored).ToList(), page.ContinuationToken);
        }

        return new EntityPage([], null);
    }

    /// <summary>
    /// Runs one call against the table. When the table has gone since it was opened, it is created again and the call
    /// runs once more; if the table is still missing (the service is still deleting it), the call fails as unavailable
    /// and the next one tries again, so the store heals without a restart.
    /// </summary>
    private static void ValidateWrite(string table, string partitionKey, string rowKey, string json)
    {
        EntityStoreGuard.ValidateTable(table);
        EntityStoreGuard.ValidateKeys(partitionKey, rowKey);
        EntityStoreGuard.ValidateJson(json);
    }

    /// <summary>One single-entity call, its failures in the port's terms: 404 not found, 409/412 conflict, the rest unavailable.</summary>
    private async Task<T> CallAsync<T>(string table, string partitionKey, string rowKey, Func<TableClient, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(table, call, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            throw new EntityNotFoundException(table, partitionKey, rowKey, exception);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            throw new EntityConflictException(table, partitionKey, rowKey, inner: exception);
        }
        catch (Exception exception) when (IsUnavailable(exception, cancellationToken))
        {
            throw Unavailable(exception);
        }
    }

    private async Task<T> RunAsync<T>(string table, Func<TableClient, Task<T>> call, CancellationToken cancellationToken)
    {
        var name = TableName(table);
        var lazy = tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateTableAsync(n)));
        var client = await AwaitTableAsync(name, lazy, cancellationToken).ConfigureAwait(false);
        try
        {
            return await call(client).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.ErrorCode == TableNotFound)
        {
            client = await RecreateAsync(name, lazy, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await call(client).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.ErrorCode == TableNotFound)
        {
            tables.TryRemove(name, out _);
            throw new StorageUnavailableException($"Azure table {name} is missing and could not be created again yet.", exception);
        }
    }

    private async Task<TableClient> RecreateAsync(string name, Lazy<Task<TableClient>> stale, CancellationToken cancellationToken)
    {
        if (tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, stale)))
        {
            logger.LogError("Azure table {Table} has disappeared; it is created again and whatever it held before is lost", name);
        }

        var fresh = tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateTableAsync(n)));
        return await AwaitTableAsync(name, fresh, cancellationToken).ConfigureAwait(false);
    }

    // Table names are case-insensitive on Azure; Azurite is not, so every name is used in one spelling.
    private string TableName(string table) => tablePrefix + EntityStoreGuard.CanonicalTable(table);

    private async Task<TableClient> AwaitTableAsync(string name, Lazy<Task<TableClient>> lazy, CancellationToken cancellationToken)
    {
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException)
        {
            tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }

    private async Task<TableClient> CreateTableAsync(string name)
    {
        var client = service.GetTableClient(name);
        try
        {
            await client.CreateIfNotExistsAsync().ConfigureAwait(false);
            return client;
        }
        catch (Exception exception) when (IsUnavailable(exception, CancellationToken.None) || exception is RequestFailedException)
        {
            throw Unavailable(exception);
        }
    }

    private static bool IsUnavailable(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        AggregateException aggregate => aggregate.InnerExceptions.All(e => IsUnavailable(e, cancellationToken)),
        AuthenticationFailedException or CredentialUnavailableException => true,
        HttpRequestException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static StorageUnavailableException Unavailable(Exception exception) =>
        new($"Azure Table Storage could not be reached or failed: {exception.Message}", exception);
}
