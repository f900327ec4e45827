namespace OutreachBot.Features.Reminders;

/// <summary>A candidate time picked from the question card: <paramref name="At"/> in round-trip ("O") form.</summary>
public sealed record RemindAt(string At, string What) : ICardAction
{
    public static string Verb => "remindAt";
}

/// <summary>Cancel, from the confirmation card or the list.</summary>
public sealed record CancelReminder(string Id) : ICardAction
{
    public static string Verb => "cancelReminder";
}

/// <summary>Done on a delivered reminder.</summary>
public sealed record ReminderDone(string Id) : ICardAction
{
    public static string Verb => "reminderDone";
}

/// <summary>Snooze on a delivered reminder; <paramref name="Until"/> is a <c>SnoozeChoices</c> code.</summary>
public sealed record SnoozeReminder(string Id, string Until) : ICardAction
{
    public static string Verb => "snoozeReminder";
}
