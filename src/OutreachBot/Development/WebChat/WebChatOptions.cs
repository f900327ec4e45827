namespace OutreachBot.Development.WebChat;

/// <summary>Section "WebChat": the local Web Chat page and its Direct Line–compatible channel.</summary>
public sealed record WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>On in Development when not set; set it to force the page on or off in any environment.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Open conversations kept in memory; the least recently active one makes room for a new one.</summary>
    public int MaxConversations { get; init; } = 100;

    /// <summary>A conversation whose page has not polled or posted for this long is forgotten.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Activities kept per conversation (the oldest go first); a page only needs the ones after its watermark.</summary>
    public int MaxActivitiesPerConversation { get; init; } = 500;

    /// <summary>Largest activity accepted from the page or from the bot.</summary>
    public int MaxActivityBytes { get; init; } = 256 * 1024;

    /// <summary>Activities returned by one poll.</summary>
    public int MaxActivitiesPerPoll { get; init; } = 100;
}
