using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace OutreachBot.Domain.Reminders;

/// <summary>
/// Turns "remind me next Tuesday 3pm to call Li Lei" / "下周二下午三点提醒我联系李雷" into a due instant and the "what".
/// Rules, so that nothing is silently guessed:
/// <list type="bullet">
/// <item>A day without a time ("tomorrow", "3天后") means 09:00 local, flagged as <see cref="ReminderTimeParsed.TimeAssumed"/>.</item>
/// <item>"before Friday" / "周五前" means 09:00 local on the day before.</item>
/// <item>"in 2 hours" / "两小时后" is an exact span from now, so it stays right across a DST change.</item>
/// <item>A bare hour that could be AM or PM ("3点", "at 3") and any time already past become a question.</item>
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
        var culture = chinese ? Culture.Chinese : Culture.English;
        var match = DateTimeRecognizer.RecognizeDateTime(text, culture, DateTimeOptions.None, nowLocal)
            .Select(result => Interpret(result, nowLocal))
            .FirstOrDefault(candidate => candidate is not null);
        if (match is null)
        {
            return new ReminderTimeQuestion(ReminderTimeQuestionKind.NoTimeFound, NoTimeQuestion, [], CleanWhat(text, chinese));
        }

        var what = CleanWhat(text.Remove(match.Start, match.Length), chinese);
        var dueUtc = match.Times
            .Select(local => match.IsSpanFromNow ? nowUtc + (local - nowLocal) : ToUtc(local, zone))
            .Distinct()
            .ToList();
        if (dueUtc.Count > 1)
        {
            return new ReminderTimeQuestion(ReminderTimeQuestionKind.AmOrPm, new Phrase("Reminder.Time.AmOrPm", dueUtc[0], dueUtc[^1]), dueUtc, what);
        }

        if (dueUtc[0] <= nowUtc)
        {
            return new ReminderTimeQuestion(ReminderTimeQuestionKind.InThePast, new Phrase("Reminder.Time.InThePast", dueUtc[0]), [], what);
        }

        return new ReminderTimeParsed(dueUtc[0], TimeZoneInfo.ConvertTime(dueUtc[0], zone).DateTime, what, match.TimeAssumed, match.Text);
    }

    private sealed record Interpretation(int Start, int Length, string Text, IReadOnlyList<DateTime> Times, bool TimeAssumed, bool IsSpanFromNow);

    private static Interpretation? Interpret(ModelResult result, DateTime nowLocal)
    {
        if (result.Resolution?.TryGetValue("values", out var raw) != true || raw is not IEnumerable<Dictionary<string, string>> values)
        {
            return null;
        }

        var resolutions = values.ToList();
        var type = resolutions.Select(v => v.GetValueOrDefault("type")).FirstOrDefault();
        List<DateTime> times;
        var timeAssumed = false;
        switch (type)
        {
            case "datetime":
                times = resolutions.Select(v => ParseLocal(v.GetValueOrDefault("value"))).OfType<DateTime>().ToList();
                break;
            case "time":
                times = resolutions.Select(v => TimeOnly.TryParse(v.GetValueOrDefault("value"), CultureInfo.InvariantCulture, out var t) ? nowLocal.Date + t.ToTimeSpan() : (DateTime?)null)
                    .OfType<DateTime>().ToList();
                break;
            case "date":
                times = resolutions.Select(v => ParseLocal(v.GetValueOrDefault("value"))).OfType<DateTime>()
                    .Select(d => d.Date + DefaultTimeOfDay.ToTimeSpan()).ToList();
                timeAssumed = true;
                break;
            case "daterange" when resolutions.Any(v => v.GetValueOrDefault("Mod") == "before"):
                // "before Friday" resolves to last and this Friday; the nearest one still ahead is meant.
                times = resolutions.Select(v => ParseLocal(v.GetValueOrDefault("end"))).OfType<DateTime>()
                    .Where(end => end.Date > nowLocal.Date).OrderBy(end => end).Take(1)
                    .Select(end => end.Date.AddDays(-1) + DefaultTimeOfDay.ToTimeSpan()).ToList();
                timeAssumed = true;
                break;
            default:
                return null;
        }

        if (times.Count == 0)
        {
            return null;
        }

        var length = result.End - result.Start + 1;
        return new Interpretation(result.Start, length, result.Text, times.Distinct().ToList(), timeAssumed, SpanFromNowPattern().IsMatch(result.Text));
    }

    private static DateTime? ParseLocal(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;

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

    [GeneratedRegex(@"^(in\s+.*\b(hours?|hrs?|minutes?|mins?)\b|.*(小时|钟头|分钟)(以后|之后|后))$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpanFromNowPattern();

    [GeneratedRegex(@"^(please|remind\s+me|remind|to|about|that|at|on|by|in)\b|^[\s,.:;!-]+|\b(at|on|by|in)$|[\s,.:;!-]+$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EnglishFiller();

    [GeneratedRegex(@"^(请|提醒我|提醒|记得|要|在|[\s，,。：:；;、！!])|(提醒我|提醒|的时候|[\s，,。：:；;、！!])$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ChineseFiller();
}
