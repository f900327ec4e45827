namespace OutreachBot.Hosting;

/// <summary>Section "Bot": the HTTP edge of the bot.</summary>
public sealed record BotOptions
{
    public const string Section = "Bot";

    /// <summary>When not empty, activities from any other Teams tenant are refused with 403.</summary>
    public string[] AllowedTenantIds { get; init; } = [];

    /// <summary>Largest accepted /api/messages body; larger ones get 413.</summary>
    public int MaxRequestBytes { get; init; } = 256 * 1024;
}

/// <summary>The Bot Framework identity, at the configuration root where Bot Builder expects it.</summary>
public sealed record BotIdentityOptions
{
    public string? MicrosoftAppId { get; init; }

    public string? MicrosoftAppType { get; init; }

    public string? MicrosoftAppTenantId { get; init; }

    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
