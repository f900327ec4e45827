using System.Text.RegularExpressions;
using OutreachBot.Domain.Reminders;
using OutreachBot.Domain.Storage.Reminders;

namespace OutreachBot.Features.Reminders;

/// <summary>
/// Turns what the user typed into a scheduled reminder, or into a question when the time is missing, ambiguous or past
/// (nothing is stored until the time is clear). Shared by the command, the whole-sentence form and the candidate buttons.
/// </summary>
public sealed partial class ReminderScheduling(ReminderRepository repository, ReminderTimeParser parser, ReminderDispatcher dispatcher, DailyQuotas quotas)
{
    public const int MaxWhatLength = 500;

    /// <summary>"remind me next Tuesday 3pm to call Li Lei" / "下周二下午三点提醒我联系李雷" as a whole sentence.</summary>
    public static bool LooksLikeReminderSentence(string text) => SentencePattern().IsMatch(text);

    public async Task HandleTextAsync(string text, ChatSession session, CancellationToken cancellationToken)
    {
        var trimmed = LeadingMe().Replace(text.Trim(), string.Empty);
        if (trimmed.Length == 0)
        {
            session.Reply(session.Text<ReminderTexts>("Remind.Usage"));
            return;
        }

        switch (parser.Parse(trimmed, session.TimeZone.Id))
        {
            case ReminderTimeParsed parsed:
                await ScheduleAsync(parsed.DueUtc, parsed.What, parsed.TimeAssumed, session, cancellationToken);
                break;
            case ReminderTimeQuestion { Kind: ReminderTimeQuestionKind.AmOrPm } question:
                var now = session.Clock.GetUtcNow();
                var candidates = question.Candidates.Select(c => NextFuture(c, now)).Distinct().Order()
                    .Select(c => new CandidateTime(c, ReminderCards.ButtonTime(c, session.TimeZone, session.Culture)))
                    .ToList();
                if (RejectWhat(question.What, session))
                {
                    return;
                }

                session.Reply(ReminderCards.Question(session.Text<ReminderTexts>("Remind.WhichTime"), candidates, question.What, session.Culture));
                break;
            case ReminderTimeQuestion { Kind: ReminderTimeQuestionKind.InThePast } question:
                if (RejectWhat(question.What, session))
                {
                    return;
                }

                var instead = SnoozeChoices.At(session.Clock.GetUtcNow(), session.TimeZone)
                    .Select(c => new CandidateTime(c.Until, ReminderCards.ButtonTime(c.Until, session.TimeZone, session.Culture)))
                    .ToList();
                session.Reply(ReminderCards.Question(session.Text<ReminderTexts>("Remind.Past"), instead, question.What, session.Culture));
                break;
            default:
                session.Reply(session.Text<ReminderTexts>("Remind.NoTime", trimmed));
                break;
        }
    }

    public async Task ScheduleAsync(DateTimeOffset due, string what, bool timeAssumed, ChatSession session, CancellationToken cancellationToken)
    {
        if (RejectWhat(what, session))
        {
            return;
        }

        if (due <= session.Clock.GetUtcNow())
        {
            session.Reply(session.Text<ReminderTexts>("Remind.CandidateGone"));
            return;
        }

        if (!await quotas.TryTakeAsync(QuotaKind.Reminder, session, cancellationToken))
        {
            session.Reply(session.Text<ReminderTexts>("Remind.QuotaReached", quotas.Limit(QuotaKind.Reminder)));
            return;
        }

        var reminder = Reminder.CreateManual(session.User.Value, ConversationKey(session), what.Trim(), due, session.Clock.GetUtcNow());
        var scheduled = await repository.ScheduleAsync(reminder, cancellationToken);
        dispatcher.Wake(scheduled.Reminder.FireAt);
        session.Reply(ReminderCards.Confirmation(scheduled.Reminder, timeAssumed, session.TimeZone, session.Culture));
    }

    private static bool RejectWhat(string what, ChatSession session)
    {
        if (what.Trim().Length == 0)
        {
            session.Reply(session.Text<ReminderTexts>("Remind.NoWhat"));
            return true;
        }

        if (what.Trim().Length > MaxWhatLength)
        {
            session.Reply(session.Text<ReminderTexts>("Remind.TooLong", MaxWhatLength));
            return true;
        }

        return false;
    }

    internal static string ConversationKey(ChatSession session) =>
        session.Turn.Activity.Conversation?.Id ?? "user:" + session.User.Value;

    /// <summary>A candidate already past today (3 AM when it is 2 PM) means the same time tomorrow.</summary>
    private static DateTimeOffset NextFuture(DateTimeOffset candidate, DateTimeOffset now)
    {
        for (var guard = 0; candidate <= now && guard < 8; guard++)
        {
            candidate = candidate.AddDays(1);
        }

        return candidate;
    }

    [GeneratedRegex(@"\bremind\s+me\b|提醒我", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SentencePattern();

    [GeneratedRegex(@"^(me\b|我)\s*", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadingMe();
}
