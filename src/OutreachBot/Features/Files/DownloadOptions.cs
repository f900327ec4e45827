namespace OutreachBot.Features.Files;

/// <summary>Section "Files": how long download links live and how big a file may be.</summary>
public sealed record DownloadOptions
{
    public const string Section = "Files";

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Largest file handed out as a link; bigger ones are refused (they would not fit the storage budget).</summary>
    public int MaxBytes { get; init; } = 400 * 1024;

    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromHours(1);
}

/// <summary>Section "Bot", key PublicBaseUrl: the address users reach the bot at, used to build links.</summary>
public sealed record PublicAddressOptions
{
    public const string Section = "Bot";

    public Uri PublicBaseUrl { get; init; } = new("http://localhost:3978");
}
