using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using OutreachBot.Domain.Text;

namespace OutreachBot.Domain.Understanding;

/// <summary>
/// A date or time found in a text: where it is, and the local times it can mean (Microsoft.Recognizers.Text offers
/// every reading: last and next Friday, 9:30 and 21:30). <see cref="TimeReader.Decide"/> picks among them.
/// </summary>
/// <param name="TimeAssumed">Only a day was named; the time is the default hour.</param>
/// <param name="IsSpanFromNow">"in 2 hours" / "两小时后": an exact span from now, not a wall-clock time.</param>
/// <param name="TwentyFourHour">The time was written the 24-hour way ("09:30", "2026-12-01 09:30", "15点").</param>
public sealed record TimeReading(int Start, int Length, string Text, IReadOnlyList<DateTime> Candidates, bool TimeAssumed, bool IsSpanFromNow, bool TwentyFourHour);

/// <summary>What a <see cref="TimeReading"/> means now.</summary>
public abstract record TimeDecision
{
    private TimeDecision()
    {
    }

    /// <summary>One local time, still ahead.</summary>
    public sealed record Exact(DateTime Local) : TimeDecision;

    /// <summary>Morning or afternoon, both ahead: ask (only these are offered, never a past or shifted day).</summary>
    public sealed record AmOrPm(IReadOnlyList<DateTime> Locals) : TimeDecision;

    /// <summary>Every reading is already past; <see cref="Local"/> is the latest of them.</summary>
    public sealed record Past(DateTime Local) : TimeDecision;
}

/// <summary>
/// Reads dates and times as people write them, in Chinese or English, and decides what they mean so that only a truly
/// ambiguous time is asked about:
/// <list type="bullet">
/// <item>a weekday or a date without a year means the next one ahead ("周五下午3点" on a Tuesday is this Friday);</item>
/// <item>a time written the 24-hour way ("09:30", "2026-12-02 09:30") is that time;</item>
/// <item>a bare hour from 7 to 12 ("Dec 2 at 9:30", "9点半") is the working morning (or noon); a bare hour from 1 to 6
/// ("tomorrow at 3") could be night or afternoon and is asked about — unless one of the two has already passed;</item>
/// <item>readings already past are never offered.</item>
/// </list>
/// </summary>
public static partial class TimeReader
{
    /// <summary>The first date or time in <paramref name="text"/>, or null. A day alone means <paramref name="dayDefault"/> that day.</summary>
    public static TimeReading? Read(string text, DateTime nowLocal, TimeOnly dayDefault)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = text.Normalize(System.Text.NormalizationForm.FormKC);
        var chinese = folded.Any(c => c is >= '\u4e00' and <= '\u9fff');
        return First(folded, chinese ? Culture.Chinese : Culture.English, nowLocal, dayDefault)
            ?? (chinese && folded.Any(char.IsAsciiLetter) ? First(folded, Culture.English, nowLocal, dayDefault) : null);
    }

    /// <summary>What the reading means at <paramref name="nowLocal"/> (spans from now are the caller's: they are exact).</summary>
    public static TimeDecision Decide(TimeReading reading, DateTime nowLocal)
    {
        var all = reading.Candidates.Distinct().Order().ToList();
        var candidates = all.Where(c => !NotMeant(c, all, reading.TwentyFourHour)).ToList();
        var ahead = candidates.Where(c => c > nowLocal).ToList();
        if (ahead.Count == 0)
        {
            return new TimeDecision.Past(candidates.Max());
        }

        if (ahead.Count == 1)
        {
            return new TimeDecision.Exact(ahead[0]);
        }

        var first = ahead[0];
        return ahead.Any(c => c.Date == first.Date && c != first && (c - first).Duration() == TimeSpan.FromHours(12))
            ? new TimeDecision.AmOrPm([.. ahead.Where(c => c.Date == first.Date)])
            : new TimeDecision.Exact(first);
    }

    /// <summary>
    /// Of a morning/evening pair of one day (the same clock reading 12 hours apart), the one not meant: the evening of a
    /// 24-hour time or of a working-morning hour (7–11), and the midnight of "12".
    /// </summary>
    private static bool NotMeant(DateTime candidate, List<DateTime> all, bool twentyFourHour)
    {
        if (candidate.Hour >= 12 && all.Contains(candidate.AddHours(-12)))
        {
            var morning = candidate.AddHours(-12);
            return twentyFourHour || morning.Hour is >= 7 and <= 11;
        }

        return candidate.Hour == 0 && all.Contains(candidate.AddHours(12));
    }

    private static TimeReading? First(string text, string culture, DateTime nowLocal, TimeOnly dayDefault) =>
        DateTimeModels.Recognize(text, culture, nowLocal)
            .Select(result => Interpret(result, nowLocal, dayDefault))
            .FirstOrDefault(r => r is not null);

    private static TimeReading? Interpret(ModelResult result, DateTime nowLocal, TimeOnly dayDefault)
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
                times = [.. resolutions.Select(v => ParseLocal(v.GetValueOrDefault("value"))).OfType<DateTime>()];
                break;
            case "time":
                times = [.. resolutions.Select(v => TimeOnly.TryParse(v.GetValueOrDefault("value"), CultureInfo.InvariantCulture, out var t) ? nowLocal.Date + t.ToTimeSpan() : (DateTime?)null).OfType<DateTime>()];
                break;
            case "date":
                times = [.. resolutions.Select(v => ParseLocal(v.GetValueOrDefault("value"))).OfType<DateTime>().Select(d => d.Date + dayDefault.ToTimeSpan())];
                timeAssumed = true;
                break;
            case "daterange" when resolutions.Any(v => v.GetValueOrDefault("Mod") == "before"):
                // "before Friday" resolves to last and this Friday; the nearest one still ahead is meant, the day before it.
                times = [.. resolutions.Select(v => ParseLocal(v.GetValueOrDefault("end"))).OfType<DateTime>()
                    .Where(end => end.Date > nowLocal.Date).OrderBy(end => end).Take(1)
                    .Select(end => end.Date.AddDays(-1) + dayDefault.ToTimeSpan())];
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
        return new TimeReading(result.Start, length, result.Text, [.. times.Distinct()], timeAssumed, SpanFromNowPattern().IsMatch(result.Text), TwentyFourHourPattern().IsMatch(result.Text));
    }

    private static DateTime? ParseLocal(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;

    [GeneratedRegex(@"^(in\s+.*\b(hours?|hrs?|minutes?|mins?)\b|.*(小时|钟头|分钟)(以后|之后|后))$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpanFromNowPattern();

    /// <summary>"09:30", "0:15", "13:00", "21点", "\d{4}-\d{2}-\d{2} \d{2}:\d{2}".</summary>
    [GeneratedRegex(@"(^|[^\d])(0\d|1[3-9]|2[0-3])\s*[:：点時时]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TwentyFourHourPattern();
}
