using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace OutreachBot.Storage.Sqlite;

/// <summary>
/// The embedded default adapter: one SQLite file in WAL mode, every entity a row of one table keyed by
/// (table, partition, row). Writes run in BEGIN IMMEDIATE transactions so conditional checks and writes are atomic
/// across tasks and processes sharing the file.
/// </summary>
public sealed class SqliteEntityStore : IEntityStore, IDisposable
{
    private const string TokenPrefix = "s1.";
    private const int SchemaVersion = 2;
    private readonly string connectionString;
    private readonly SemaphoreSlim schemaGate = new(1, 1);
    // Pooled connections keep their sqlite3 handle; PRAGMAs stick to it, so they run once per physical connection.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> configured = [];
    private volatile bool schemaReady;

    public SqliteEntityStore(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.GetFullPath(options.Path);
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        DatabasePath = path;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)options.BusyTimeout.TotalSeconds,
        }.ToString();
        BusyTimeout = options.BusyTimeout;
    }

    public string DatabasePath { get; }

    private TimeSpan BusyTimeout { get; }

    public async Task<StoredEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        EntityStoreGuard.ValidateTable(table);
        EntityStoreGuard.ValidateKeys(partitionKey, rowKey);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(connection, null, table, partitionKey, rowKey, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredEntity>> GetRowsAsync(string table, string partitionKey, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken = default)
    {
        var keys = EntityStoreGuard.ValidateRowKeys(table, partitionKey, rowKeys);
        if (keys.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var names = keys.Select((_, i) => "$rk" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        command.CommandText = $"SELECT rk, json, etag FROM entities WHERE tbl = $tbl AND pk = $pk AND rk IN ({string.Join(", ", names)}) ORDER BY rk";
        command.Parameters.AddWithValue("$tbl", EntityStoreGuard.CanonicalTable(table));
        command.Parameters.AddWithValue("$pk", partitionKey);
        for (var i = 0; i < keys.Count; i++)
        {
            command.Parameters.AddWithValue(names[i], keys[i]);
        }

        var items = new List<StoredEntity>(keys.Count);
        await using var reader = await ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(new StoredEntity(partitionKey, reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return items;
    }

    public async Task<StoredEntity> InsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) =>
        (await SubmitBatchAsync(table, partitionKey, [EntityOperation.Insert(rowKey, json)], cancellationToken).ConfigureAwait(false))[0];

    public async Task<StoredEntity> ReplaceAsync(string table, StoredEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return (await SubmitBatchAsync(table, entity.PartitionKey, [EntityOperation.Replace(entity.RowKey, entity.Json, entity.ETag)], cancellationToken).ConfigureAwait(false))[0];
    }

    public async Task<StoredEntity> UpsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) =>
        (await SubmitBatchAsync(table, partitionKey, [EntityOperation.Upsert(rowKey, json)], cancellationToken).ConfigureAwait(false))[0];

    public Task DeleteAsync(string table, string partitionKey, string rowKey, string? etag, CancellationToken cancellationToken = default) =>
        SubmitBatchAsync(table, partitionKey, [EntityOperation.Delete(rowKey, etag)], cancellationToken);

    public async Task<EntityPage> QueryAsync(string table, string partitionKey, RowKeyRange range, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        EntityStoreGuard.ValidateTable(table);
        StorageKey.Validate(partitionKey);
        ArgumentNullException.ThrowIfNull(range);
        EntityStoreGuard.ValidatePageSize(pageSize);
        var resumeAt = continuationToken is null ? null : DecodeToken(continuationToken);
        var from = resumeAt is not null && (range.From is null || string.CompareOrdinal(resumeAt, range.From) > 0) ? resumeAt : range.From;

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT rk, json, etag FROM entities
            WHERE tbl = $tbl AND pk = $pk
              AND ($from IS NULL OR rk >= $from)
              AND ($to IS NULL OR rk < $to)
            ORDER BY rk
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$tbl", EntityStoreGuard.CanonicalTable(table));
        command.Parameters.AddWithValue("$pk", partitionKey);
        command.Parameters.AddWithValue("$from", (object?)from ?? DBNull.Value);
        command.Parameters.AddWithValue("$to", (object?)range.To ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", pageSize + 1);

        var items = new List<StoredEntity>(Math.Min(pageSize + 1, 256));
        await using (var reader = await ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(new StoredEntity(partitionKey, reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        if (items.Count <= pageSize)
        {
            return new EntityPage(items, null);
        }

        var next = EncodeToken(items[pageSize].RowKey);
        items.RemoveAt(pageSize);
        return new EntityPage(items, next);
    }

    public async Task<IReadOnlyList<StoredEntity>> SubmitBatchAsync(string table, string partitionKey, IReadOnlyList<EntityOperation> operations, CancellationToken cancellationToken = default)
    {
        EntityStoreGuard.ValidateBatch(table, partitionKey, operations);
        if (operations.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = BeginImmediate(connection);
        var results = new List<StoredEntity>(operations.Count);
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            var current = await ReadAsync(connection, transaction, table, partitionKey, operation.RowKey, cancellationToken).ConfigureAwait(false);
            var fresh = new StoredEntity(partitionKey, operation.RowKey, operation.Json ?? string.Empty, NewETag());
            EntityStoreGuard.CheckPrecondition(table, partitionKey, operation, i, current);
            if (operation.Kind is EntityOperationKind.Delete)
            {
                if (current is not null)
                {
                    await ExecuteAsync(connection, transaction, "DELETE FROM entities WHERE tbl = $tbl AND pk = $pk AND rk = $rk", table, partitionKey, operation.RowKey, null, cancellationToken).ConfigureAwait(false);
                }

                results.Add(current ?? fresh with { ETag = string.Empty });
                continue;
            }

            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO entities (tbl, pk, rk, json, etag) VALUES ($tbl, $pk, $rk, $json, $etag) ON CONFLICT (tbl, pk, rk) DO UPDATE SET json = excluded.json, etag = excluded.etag",
                table,
                partitionKey,
                operation.RowKey,
                fresh,
                cancellationToken).ConfigureAwait(false);
            results.Add(fresh);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return results;
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM entities WHERE 0";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        schemaGate.Dispose();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var handle = connection.Handle!;
            if (!configured.TryGetValue(handle, out _))
            {
                await using (var pragma = connection.CreateCommand())
                {
                    pragma.CommandText = $"PRAGMA busy_timeout = {(long)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";
                    await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                configured.AddOrUpdate(handle, handle);
            }

            if (!schemaReady)
            {
                await EnsureSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch (SqliteException exception)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw Unavailable(exception);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (schemaReady)
            {
                return;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS entities (
                    tbl  TEXT NOT NULL,
                    pk   TEXT NOT NULL,
                    rk   TEXT NOT NULL,
                    json TEXT NOT NULL,
                    etag TEXT NOT NULL,
                    PRIMARY KEY (tbl, pk, rk)
                ) WITHOUT ROWID;
                """;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            command.CommandText = "PRAGMA user_version;";
            var version = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            if (version < SchemaVersion)
            {
                // Version 2: table names are case-insensitive (as on Azure Tables) and kept lower-case; files written
                // before keep their rows, renamed once to that spelling.
                await using var migrate = connection.CreateCommand();
                migrate.CommandText = $"""
                    BEGIN IMMEDIATE;
                    UPDATE entities SET tbl = lower(tbl) WHERE tbl <> lower(tbl);
                    PRAGMA user_version = {SchemaVersion};
                    COMMIT;
                    """;
                await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            schemaReady = true;
        }
        finally
        {
            schemaGate.Release();
        }
    }

    private static SqliteTransaction BeginImmediate(SqliteConnection connection)
    {
        try
        {
            // deferred: false issues BEGIN IMMEDIATE: the write lock is taken up front, so a read-then-write never
            // fails halfway with SQLITE_BUSY_SNAPSHOT when another writer got in between.
            return connection.BeginTransaction(deferred: false);
        }
        catch (SqliteException exception)
        {
            throw Unavailable(exception);
        }
    }

    private static async Task<StoredEntity?> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT json, etag FROM entities WHERE tbl = $tbl AND pk = $pk AND rk = $rk";
        command.Parameters.AddWithValue("$tbl", EntityStoreGuard.CanonicalTable(table));
        command.Parameters.AddWithValue("$pk", partitionKey);
        command.Parameters.AddWithValue("$rk", rowKey);
        await using var reader = await ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredEntity(partitionKey, rowKey, reader.GetString(0), reader.GetString(1))
            : null;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, string table, string partitionKey, string rowKey, StoredEntity? entity, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$tbl", EntityStoreGuard.CanonicalTable(table));
        command.Parameters.AddWithValue("$pk", partitionKey);
        command.Parameters.AddWithValue("$rk", rowKey);
        if (entity is not null)
        {
            command.Parameters.AddWithValue("$json", entity.Json);
            command.Parameters.AddWithValue("$etag", entity.ETag);
        }

        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException exception)
        {
            throw Unavailable(exception);
        }
    }

    private static async Task<SqliteDataReader> ExecuteReaderAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException exception)
        {
            throw Unavailable(exception);
        }
    }

    private static StorageUnavailableException Unavailable(SqliteException exception) =>
        new($"The SQLite database could not be used ({exception.SqliteErrorCode}: {exception.Message}).", exception);

    private static string NewETag() => "W/\"" + Guid.NewGuid().ToString("N") + "\"";

    private static string EncodeToken(string rowKey) => TokenPrefix + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(rowKey));

    private static string DecodeToken(string token)
    {
        var payload = token.AsSpan();
        if (!payload.StartsWith(TokenPrefix, StringComparison.Ordinal) || !Base64Url.IsValid(payload = payload[TokenPrefix.Length..]))
        {
            throw new ArgumentException("The continuation token was not issued by this store.", nameof(token));
        }

        return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(payload));
    }
}
