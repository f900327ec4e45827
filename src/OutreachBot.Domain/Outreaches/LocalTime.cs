using System.Globalization;

namespace OutreachBot.Domain.Outreaches;

/// <summary>Calendar arithmetic in the user's time zone (deadlines, follow-up slots, display).</summary>
public static class LocalTime
{
    public static bool TryFindZone(string? timeZoneId, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId.Trim());
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    public static TimeZoneInfo ZoneOrUtc(string? timeZoneId) => TryFindZone(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The last tick of the local day <paramref name="days"/> days after <paramref name="now"/>'s local date.</summary>
    public static DateTimeOffset EndOfLocalDay(DateTimeOffset now, int days, TimeZoneInfo zone)
    {
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(days);
        var nextMidnight = At(localDate.AddDays(1), TimeOnly.MinValue, zone);
        return nextMidnight.AddTicks(-1);
    }

    /// <summary>The given local time <paramref name="workingDays"/> working days (Mon–Fri) after <paramref name="now"/>'s local date.</summary>
    public static DateTimeOffset WorkingDaysLater(DateTimeOffset now, int workingDays, TimeOnly localTime, TimeZoneInfo zone)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var remaining = workingDays;
        while (remaining > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                remaining--;
            }
        }

        return At(date, localTime, zone);
    }

    /// <summary>A local wall-clock time as an instant; a time skipped by a DST jump moves forward by the gap.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static string Format(DateTimeOffset instant, TimeZoneInfo zone, string? locale)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return Language.FromLocale(locale) == Language.Chinese
            ? local.ToString("M月d日（ddd）HH:mm", CultureInfo.GetCultureInfo("zh-CN"))
            : local.ToString("ddd, MMM d, HH:mm", CultureInfo.GetCultureInfo("en-US"));
    }
}
