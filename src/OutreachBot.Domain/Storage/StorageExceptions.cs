namespace OutreachBot.Domain.Storage;

public abstract class StorageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The write's condition failed: the ETag no longer matches, or the key already exists.</summary>
public sealed class EntityConflictException(string table, string partitionKey, string rowKey, int? failedOperationIndex = null, Exception? inner = null)
    : StorageException($"Conflict on {table}/{partitionKey}/{rowKey}: the entity changed or already exists.", inner)
{
    public string Table { get; } = table;
    public string PartitionKey { get; } = partitionKey;
    public string RowKey { get; } = rowKey;
    public int? FailedOperationIndex { get; } = failedOperationIndex;
}

public sealed class EntityNotFoundException(string table, string partitionKey, string rowKey, Exception? inner = null)
    : StorageException($"Not found: {table}/{partitionKey}/{rowKey}.", inner);

/// <summary>The backing service could not be reached or failed; the caller should ask the user to try again.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : StorageException(message, inner);

/// <summary>A key holds a character Azure Tables forbids; both adapters refuse it the same way.</summary>
public sealed class InvalidStorageKeyException(string key, string reason)
    : StorageException($"Invalid storage key '{key}': {reason}. Use StorageKey.Encode for user-provided text.")
{
    public string Key { get; } = key;
}
