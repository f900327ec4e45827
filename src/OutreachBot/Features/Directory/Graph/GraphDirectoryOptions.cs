namespace OutreachBot.Features.Directory.Graph;

/// <summary>Where and how the Microsoft Graph directory source reads users (section "OrgDirectory:Graph").</summary>
public sealed record GraphDirectoryOptions
{
    public const string Section = "OrgDirectory:Graph";

    /// <summary>The Graph v1.0 endpoint; tests point it at a local server.</summary>
    public Uri BaseUrl { get; init; } = new("https://graph.microsoft.com/v1.0/");

    /// <summary>The token scope requested from Entra ID (application permission User.Read.All).</summary>
    public string Scope { get; init; } = "https://graph.microsoft.com/.default";

    public int PageSize { get; init; } = 999;

    /// <summary>Graph has departments only as names on users: they all hang under this root.</summary>
    public string RootId { get; init; } = "company";

    public string RootNameZh { get; init; } = "公司";

    public string RootNameEn { get; init; } = "Company";

    /// <summary>How often a throttled (429/503) request is retried after its Retry-After.</summary>
    public int MaxRetries { get; init; } = 3;
}
