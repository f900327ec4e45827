using System.Globalization;
using System.Text.RegularExpressions;
using OutreachBot.Domain.Understanding;

namespace OutreachBot.Domain.Reminders;

/// <summary>
/// Turns "remind me next Tuesday 3pm to call Li Lei" / "下周二下午三点提醒我联系李雷" into a due instant and the "what".
/// Rules, so that nothing is silently guessed:
/// <list type="bullet">
/// <item>A day without a time ("tomorrow", "3天后") means 09:00 local, flagged as <see cref="ReminderTimeParsed.TimeAssumed"/>.</item>
/// <item>"before Friday" / "周五前" means 09:00 local on the day before.</item>
/// <item>"in 2 hours" / "两小时后" is an exact span from now, so it stays right across a DST change.</item>
/// <item>A weekday or a date without a year is the next one ahead ("周五下午3点", "Dec 2 at 9:30"); a fully specified
/// time is set directly (<see cref="TimeReader"/>: 24-hour times as written, a bare 7–11 o'clock in the morning).</item>
/// <item>A bare hour from 1 to 6 ("明天3点", "tomorrow at 3") asks morning or afternoon when both are still ahead; a time
/// already past becomes a question. Neither question offers a past or shifted day.</item>
/// <item>A local time skipped by a DST change moves forward by the gap; a repeated one takes its first occurrence.</item>
/// </list>
/// </summary>
public sealed partial class ReminderTimeParser(TimeProvider time)
{
    public static readonly TimeOnly DefaultTimeOfDay = new(9, 0);

    private static readonly Phrase NoTimeQuestion = new("Reminder.Time.NoTime");

    public ReminderTimeParseResult Parse(string text, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId ?? string.Empty, out var zone))
        {
            return new ReminderTimeQuestion(
                ReminderTimeQuestionKind.UnknownTimeZone,
                new Phrase("Reminder.Time.UnknownTimeZone", timeZoneId ?? string.Empty),
                [],
                text.Trim());
        }

        var nowUtc = time.GetUtcNow();
        var nowLocal = TimeZoneInfo.ConvertTime(nowUtc, zone).DateTime;
        var chinese = ContainsCjk(text);
        var match = TimeReader.Read(text, nowLocal, DefaultTimeOfDay);
        if (match is null)
        {
            return new ReminderTimeQuestion(ReminderTimeQuestionKind.NoTimeFound, NoTimeQuestion, [], CleanWhat(text, chinese));
        }

        var what = CleanWhat(text.Remove(match.Start, match.Length), chinese);
        if (match.IsSpanFromNow)
        {
            var span = nowUtc + (match.Candidates[0] - nowLocal);
            return new ReminderTimeParsed(span, TimeZoneInfo.ConvertTime(span, zone).DateTime, what, false, match.Text);
        }

        switch (TimeReader.Decide(match, nowLocal))
        {
            case TimeDecision.AmOrPm ambiguous:
                var candidates = ambiguous.Locals.Select(local => ToUtc(local, zone)).Where(c => c > nowUtc).Distinct().ToList();
                if (candidates.Count > 1)
                {
                    return new ReminderTimeQuestion(ReminderTimeQuestionKind.AmOrPm, new Phrase("Reminder.Time.AmOrPm", candidates[0], candidates[^1]), candidates, what);
                }

                return candidates.Count == 1
                    ? new ReminderTimeParsed(candidates[0], TimeZoneInfo.ConvertTime(candidates[0], zone).DateTime, what, false, match.Text)
                    : new ReminderTimeQuestion(ReminderTimeQuestionKind.InThePast, new Phrase("Reminder.Time.InThePast", ToUtc(ambiguous.Locals.Max(), zone)), [], what);
            case TimeDecision.Exact exact when ToUtc(exact.Local, zone) is var due && due > nowUtc:
                return new ReminderTimeParsed(due, TimeZoneInfo.ConvertTime(due, zone).DateTime, what, match.TimeAssumed, match.Text);
            case TimeDecision.Exact exact:
                return new ReminderTimeQuestion(ReminderTimeQuestionKind.InThePast, new Phrase("Reminder.Time.InThePast", ToUtc(exact.Local, zone)), [], what);
            case TimeDecision.Past past:
                return new ReminderTimeQuestion(ReminderTimeQuestionKind.InThePast, new Phrase("Reminder.Time.InThePast", ToUtc(past.Local, zone)), [], what);
            default:
                throw new InvalidOperationException("Unknown time decision.");
        }
    }

    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        for (var guard = 0; zone.IsInvalidTime(local) && guard < 4; guard++)
        {
            local = local.AddMinutes(30);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static bool ContainsCjk(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    private static string CleanWhat(string rest, bool chinese)
    {
        var previous = string.Empty;
        var current = rest.Trim();
        while (current != previous)
        {
            previous = current;
            current = (chinese ? ChineseFiller() : EnglishFiller()).Replace(current, string.Empty).Trim();
        }

        return current;
    }

    [GeneratedRegex(@"^(please|remind\s+me|remind|to|about|that|at|on|by|in)\b|^[\s,.:;!-]+|\b(at|on|by|in)$|[\s,.:;!-]+$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EnglishFiller();

    [GeneratedRegex(@"^(请|提醒我|提醒|记得|要|在|[\s，,。：:；;、！!])|(提醒我|提醒|的时候|[\s，,。：:；;、！!])$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ChineseFiller();
}
