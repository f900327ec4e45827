namespace OutreachBot.Storage;

/// <summary>
/// Argument rules every adapter applies before touching its backend, so a call refused on one adapter is refused
/// the same way on all of them (Azure Tables is the strictest, so its limits are everyone's limits).
/// </summary>
public static class EntityStoreGuard
{
    public const int MaxBatchSize = 100;
    public const int MaxPageSize = 1000;
    public const int MaxTableNameLength = 40;

    /// <summary>
    /// The longest JSON document (in UTF-16 code units) any adapter accepts: Azure stores strings as UTF-16 and an
    /// entity is at most 1 MiB, so this leaves room for keys and property overhead.
    /// </summary>
    public const int MaxJsonLength = 512_000;

    public static void ValidateTable(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!IsValidTableName(table, MaxTableNameLength))
        {
            throw new ArgumentException(
                $"Table name '{table}' must start with a letter, hold only ASCII letters and digits, and be 3 to {MaxTableNameLength} characters long.",
                nameof(table));
        }
    }

    public static void ValidateKeys(string partitionKey, string rowKey)
    {
        StorageKey.Validate(partitionKey);
        StorageKey.Validate(rowKey);
    }

    /// <summary>The distinct row keys of a <see cref="IEntityStore.GetRowsAsync"/>, each checked.</summary>
    public static IReadOnlyList<string> ValidateRowKeys(string table, string partitionKey, IReadOnlyList<string> rowKeys)
    {
        ValidateTable(table);
        StorageKey.Validate(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKeys);
        var distinct = rowKeys.Distinct(StringComparer.Ordinal).ToList();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(distinct.Count, IEntityStore.MaxRowsPerRead, nameof(rowKeys));
        foreach (var rowKey in distinct)
        {
            StorageKey.Validate(rowKey);
        }

        return distinct;
    }

    public static void ValidateJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxJsonLength)
        {
            throw new ArgumentException($"The JSON document has {json.Length} characters; the limit is {MaxJsonLength}.", nameof(json));
        }
    }

    public static void ValidatePageSize(int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
    }

    public static void ValidateBatch(string table, string partitionKey, IReadOnlyList<EntityOperation> operations)
    {
        ValidateTable(table);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(operations.Count, MaxBatchSize, nameof(operations));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i] ?? throw new ArgumentException($"Operation {i} is null.", nameof(operations));
            ValidateKeys(partitionKey, operation.RowKey);
            if (!seen.Add(operation.RowKey))
            {
                throw new ArgumentException($"Operation {i} touches row '{operation.RowKey}' a second time; a batch may touch each row once.", nameof(operations));
            }

            if (operation.Kind is not EntityOperationKind.Delete)
            {
                ValidateJson(operation.Json ?? throw new ArgumentException($"Operation {i} ({operation.Kind}) needs JSON.", nameof(operations)));
            }

            if (operation.Kind is EntityOperationKind.Replace && string.IsNullOrEmpty(operation.ETag))
            {
                throw new ArgumentException($"Operation {i} (Replace) needs an ETag; use \"*\" to overwrite whatever is there.", nameof(operations));
            }
        }
    }

    /// <summary>
    /// Checks one batch operation against the row as it is now (<paramref name="current"/>, null when absent), the way
    /// Azure Tables does, so the adapters that check conditions themselves (SQLite, in-memory) agree with it: an Insert
    /// needs no row; a Replace needs the row and its ETag ("*" matches any); a Delete with an ETag needs the row and that
    /// ETag, and without one always succeeds.
    /// </summary>
    public static void CheckPrecondition(string table, string partitionKey, EntityOperation operation, int index, StoredEntity? current)
    {
        ArgumentNullException.ThrowIfNull(operation);
        switch (operation.Kind)
        {
            case EntityOperationKind.Insert when current is not null:
                throw new EntityConflictException(table, partitionKey, operation.RowKey, index);
            case EntityOperationKind.Replace or EntityOperationKind.Delete when operation.ETag is not null && current is null:
                throw new EntityNotFoundException(table, partitionKey, operation.RowKey);
            case EntityOperationKind.Replace or EntityOperationKind.Delete when operation.ETag is not null and not "*" && current!.ETag != operation.ETag:
                throw new EntityConflictException(table, partitionKey, operation.RowKey, index);
        }
    }

    /// <summary>
    /// Table names are case-insensitive, as on Azure Tables: the adapters that keep tables themselves store them under
    /// this one spelling, so "Outreaches" and "outreaches" are the same table everywhere.
    /// </summary>
    public static string CanonicalTable(string table) => table.ToLowerInvariant();

    internal static bool IsValidTableName(string name, int maxLength) =>
        name.Length >= 3 && name.Length <= maxLength && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);
}
