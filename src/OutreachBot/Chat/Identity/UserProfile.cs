namespace OutreachBot.Chat.Identity;

/// <summary>Per-user settings and identity links. <see cref="Language"/> and <see cref="TimeZoneId"/> are null until known.</summary>
public sealed record UserProfile
{
    /// <summary>"zh-CN" or "en-US" when the user chose a language; otherwise the activity locale decides.</summary>
    public string? Language { get; init; }

    public string? TimeZoneId { get; init; }

    /// <summary>True when the user set the time zone themselves; Teams' clientInfo then no longer overrides it.</summary>
    public bool TimeZoneChosen { get; init; }

    /// <summary>The e-mail the user is known by: the channel's (<see cref="ChannelEmail"/>) or one they typed with <c>iam</c>.</summary>
    public string? Email { get; init; }

    /// <summary>The org-directory person this user is, once resolved.</summary>
    public string? PersonId { get; init; }

    /// <summary>
    /// True when <see cref="PersonId"/> was matched from <see cref="ChannelEmail"/>, the address an authenticated channel
    /// gave; false for a link made by typing (and for every link made before channel identity existed).
    /// </summary>
    public bool PersonVerified { get; init; }

    /// <summary>The e-mail (or UPN) the channel's roster gives for this user: who the user is, according to Teams.</summary>
    public string? ChannelEmail { get; init; }

    /// <summary>When the roster was last asked successfully (its answer is cached for <c>Identity:RosterRefresh</c>).</summary>
    public DateTimeOffset? ChannelCheckedAt { get; init; }

    /// <summary>What the user wrote today against their daily quotas (exports, reminders); null before their first.</summary>
    public DailyUse? Use { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Writes counted against a user's daily quotas, for one day in the user's time zone.</summary>
public sealed record DailyUse(DateOnly Day, int Exports, int Reminders);
