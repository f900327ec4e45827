namespace OutreachBot.Chat.Identity;

/// <summary>Per-user settings and identity links. <see cref="Language"/> and <see cref="TimeZoneId"/> are null until known.</summary>
public sealed record UserProfile
{
    /// <summary>"zh-CN" or "en-US" when the user chose a language; otherwise the activity locale decides.</summary>
    public string? Language { get; init; }

    public string? TimeZoneId { get; init; }

    /// <summary>True when the user set the time zone themselves; Teams' clientInfo then no longer overrides it.</summary>
    public bool TimeZoneChosen { get; init; }

    public string? Email { get; init; }

    /// <summary>The org-directory person this user is, once resolved.</summary>
    public string? PersonId { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
