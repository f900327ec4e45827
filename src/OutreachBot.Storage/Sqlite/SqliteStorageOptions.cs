namespace OutreachBot.Storage.Sqlite;

/// <summary>Section "Storage:Sqlite".</summary>
public sealed record SqliteStorageOptions
{
    public const string DefaultPath = "./data/outreachbot.db";

    /// <summary>The database file; its directory is created when missing. Relative paths resolve against the working directory.</summary>
    public string Path { get; init; } = DefaultPath;

    /// <summary>How long a write waits for another writer (another task or process) before giving up.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
