namespace OutreachBot.Domain.Reminders;

public enum ReminderChangeStatus
{
    Changed,
    NotFound,
    AlreadyFinished,
}

/// <summary>The outcome of cancel or snooze; <see cref="Reminder"/> is the stored state afterwards (null when not found).</summary>
public sealed record ReminderChangeResult(ReminderChangeStatus Status, Reminder? Reminder);

/// <summary>The outcome of scheduling: <see cref="Created"/> is false when a reminder with that id already existed (automatic rules re-run).</summary>
public sealed record ScheduleResult(Reminder Reminder, bool Created);
