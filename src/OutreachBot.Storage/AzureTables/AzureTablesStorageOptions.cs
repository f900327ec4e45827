namespace OutreachBot.Storage.AzureTables;

/// <summary>Section "Storage:AzureTables". Either a connection string, or an endpoint reached with DefaultAzureCredential.</summary>
public sealed record AzureTablesStorageOptions
{
    public const int MaxTablePrefixLength = 20;

    public string? ConnectionString { get; init; }

    /// <summary>e.g. https://account.table.core.windows.net; authenticated with DefaultAzureCredential (managed identity in Azure).</summary>
    public string? Endpoint { get; init; }

    /// <summary>The client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; init; }

    /// <summary>Prepended to every table name, so several bots (or test runs) can share one account.</summary>
    public string TablePrefix { get; init; } = string.Empty;

    /// <summary>
    /// How long one request may wait for the service, retries excluded. Short on purpose: a chat turn has seconds, not
    /// minutes (see Storage:Resilience for the per-call and per-turn bounds that cap every call anyway).
    /// </summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Retries after a network failure or a 5xx before the call fails with StorageUnavailableException.</summary>
    public int MaxRetries { get; init; } = 2;
}
