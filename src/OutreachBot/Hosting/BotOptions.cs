namespace OutreachBot.Hosting;

/// <summary>Section "Bot": the HTTP edge of the bot.</summary>
public sealed record BotOptions
{
    public const string Section = "Bot";

    /// <summary>When not empty, authenticated activities from any other Teams tenant are refused with 403.</summary>
    public string[] AllowedTenantIds { get; init; } = [];

    /// <summary>Largest accepted /api/messages body; larger ones get 413.</summary>
    public int MaxRequestBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// Serve /api/messages without a bot identity (no MicrosoftAppId) on purpose. Development runs in local mode
    /// without it; every other environment refuses to start without either an app id or this setting.
    /// </summary>
    public bool LocalMode { get; init; }

    /// <summary>At most this many refused-request lines are logged per minute; the rest are counted and summarised.</summary>
    public int RefusalLogLinesPerMinute { get; init; } = 60;
}

/// <summary>The Bot Framework identity and its endpoints, at the configuration root where Bot Builder expects them.</summary>
public sealed record BotIdentityOptions
{
    public string? MicrosoftAppId { get; init; }

    public string? MicrosoftAppType { get; init; }

    public string? MicrosoftAppTenantId { get; init; }

    /// <summary>
    /// Bot Builder's endpoint settings (other clouds, or a test's own OpenID provider). Setting any one of them switches
    /// Bot Builder to its parameterized authentication, which needs all of them.
    /// </summary>
    public string? ToBotFromChannelOpenIdMetadataUrl { get; init; }

    public string? ToBotFromChannelTokenIssuer { get; init; }

    public string? ToBotFromEmulatorOpenIdMetadataUrl { get; init; }

    public string? ToChannelFromBotLoginUrl { get; init; }

    public string? ToChannelFromBotOAuthScope { get; init; }

    public string? OAuthUrl { get; init; }

    public string? CallerId { get; init; }

    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>True when Bot Builder's endpoints come from settings rather than its public-cloud defaults.</summary>
    public bool HasCustomEndpoints => RequiredEndpointSettings().Any(s => !string.IsNullOrEmpty(s.Value)) || !string.IsNullOrEmpty(CallerId);

    /// <summary>With custom endpoints, the endpoint settings still missing (CallerId is optional); otherwise none.</summary>
    public IReadOnlyList<string> MissingEndpointSettings() =>
        HasCustomEndpoints ? RequiredEndpointSettings().Where(s => string.IsNullOrEmpty(s.Value)).Select(s => s.Name).ToList() : [];

    private (string Name, string? Value)[] RequiredEndpointSettings() =>
    [
        (nameof(ToBotFromChannelOpenIdMetadataUrl), ToBotFromChannelOpenIdMetadataUrl),
        (nameof(ToBotFromChannelTokenIssuer), ToBotFromChannelTokenIssuer),
        (nameof(ToBotFromEmulatorOpenIdMetadataUrl), ToBotFromEmulatorOpenIdMetadataUrl),
        (nameof(ToChannelFromBotLoginUrl), ToChannelFromBotLoginUrl),
        (nameof(ToChannelFromBotOAuthScope), ToChannelFromBotOAuthScope),
        (nameof(OAuthUrl), OAuthUrl),
    ];
}
