using OutreachBot.Storage.Resilience;
using OutreachBot.Storage.Sqlite;

namespace OutreachBot.Storage;

public enum StorageProvider
{
    Sqlite,
    AzureTables,
    InMemory,
}

/// <summary>Section "Storage": which adapter backs <c>IEntityStore</c> and how to reach it.</summary>
public sealed record StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    public SqliteStorageOptions Sqlite { get; init; } = new();

    public AzureTablesStorageOptions AzureTables { get; init; } = new();

    /// <summary>Per-call and per-turn time limits and the circuit breaker around every adapter.</summary>
    public StorageResilienceOptions Resilience { get; init; } = new();

    /// <summary>Wraps the store in <see cref="CountingEntityStore"/> (load measurements; totals at GET /diagnostics/storage in Development).</summary>
    public bool CountOperations { get; init; }
}
