namespace OutreachBot.Features.Directory;

/// <summary>Where the org directory comes from (section "OrgDirectory").</summary>
public sealed record OrgDirectoryOptions
{
    public const string Section = "OrgDirectory";

    /// <summary>Where a directory comes from when storage holds none yet: the CSV folder at <see cref="Path"/>, or Microsoft Graph.</summary>
    public DirectorySourceKind Source { get; init; } = DirectorySourceKind.Csv;

    /// <summary>Folder with departments.csv and people.csv, imported at start-up when storage holds no directory yet.</summary>
    public string? Path { get; init; } = "demo/company";

    /// <summary>How often an instance checks whether another instance imported a newer directory.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Folder where the department search index of each directory version is kept, so a restart reads it instead of
    /// building it again. Empty: beside the SQLite file (folder "search-index"), or in the temp folder with Azure
    /// Tables; never with the in-memory store.
    /// </summary>
    public string? SearchIndexPath { get; init; }

    /// <summary>Tenure in years from which a colleague counts as a veteran who can introduce you.</summary>
    public int VeteranYears { get; init; } = 5;
}

public enum DirectorySourceKind
{
    Csv,
    Graph,
}
