namespace OutreachBot.Domain.Reminders;

public abstract record ReminderTimeParseResult;

/// <summary>
/// The time was understood. <see cref="TimeAssumed"/> is true when the text named only a day and the reminder
/// was placed at the default hour (09:00 local); the chat layer should say so ("I'll remind you at 9:00").
/// <see cref="What"/> is the rest of the text with the time and filler words ("remind me", "提醒我") removed; it may be empty.
/// </summary>
public sealed record ReminderTimeParsed(DateTimeOffset DueUtc, DateTime DueLocal, string What, bool TimeAssumed, string MatchedText)
    : ReminderTimeParseResult;

public enum ReminderTimeQuestionKind
{
    NoTimeFound,
    AmOrPm,
    InThePast,
    UnknownTimeZone,
}

/// <summary>
/// The time could not be decided without the user: ask <see cref="Question"/> and offer <see cref="Candidates"/>
/// (UTC instants, possibly empty) as buttons. Nothing was guessed.
/// </summary>
public sealed record ReminderTimeQuestion(ReminderTimeQuestionKind Kind, Phrase Question, IReadOnlyList<DateTimeOffset> Candidates, string What)
    : ReminderTimeParseResult;
