using System.Text.Json.Serialization;

namespace OutreachBot.Domain.Reminders;

public enum ReminderKind
{
    Manual,
    DeadlineApproaching,
    NoReply,
    FollowUpAfterNoCapacity,
    MeetingPrep,
}

public enum ReminderState
{
    Scheduled,
    Claimed,
    Sent,
    Cancelled,
    Failed,
    Blocked,
}

/// <summary>
/// One reminder. <see cref="Due"/> is what the user asked for; <see cref="FireAt"/> is when the dispatcher should next act
/// (the due time, a snoozed time, or a retry time) and is what the due-time index is keyed by.
/// <see cref="Occurrence"/> grows on each snooze, so a snoozed reminder is a new delivery while a retry is not.
/// </summary>
public sealed record Reminder
{
    public required string Id { get; init; }
    public required string OwnerKey { get; init; }
    public required string ConversationKey { get; init; }
    public required string Text { get; init; }
    public required ReminderKind Kind { get; init; }
    public required DateTimeOffset Due { get; init; }
    public required DateTimeOffset FireAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? OutreachId { get; init; }
    public string? DepartmentId { get; init; }
    public ReminderState State { get; init; } = ReminderState.Scheduled;
    public int Attempts { get; init; }
    public int Occurrence { get; init; }
    public int SnoozeCount { get; init; }
    public bool Late { get; init; }
    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseExpiresAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? LastError { get; init; }

    /// <summary>Stable per reminder and occurrence: every retry of one delivery carries the same key, so the transport can drop duplicates.</summary>
    [JsonIgnore]
    public string IdempotencyKey => $"{Id}:{Occurrence}";

    [JsonIgnore]
    public bool IsFinished => State is ReminderState.Sent or ReminderState.Cancelled or ReminderState.Failed or ReminderState.Blocked;

    /// <summary>A new manual reminder with a fresh id.</summary>
    public static Reminder CreateManual(string ownerKey, string conversationKey, string text, DateTimeOffset due, DateTimeOffset now) => new()
    {
        Id = "m" + Guid.NewGuid().ToString("N"),
        OwnerKey = ownerKey,
        ConversationKey = conversationKey,
        Text = text,
        Kind = ReminderKind.Manual,
        Due = due,
        FireAt = due,
        CreatedAt = now,
    };
}
