namespace OutreachBot.Domain.Reminders;

/// <summary>A Snooze button: <see cref="Code"/> is what the card action carries ("1h", "tomorrow", "next-week"); its label is the text of key <c>Snooze.&lt;code&gt;</c>.</summary>
public sealed record SnoozeChoice(string Code, DateTimeOffset Until);

/// <summary>When a reminder can be snoozed to, in the user's zone.</summary>
public static class SnoozeChoices
{
    /// <summary>In an hour, tomorrow 09:00 and next Monday 09:00, local time.</summary>
    public static IReadOnlyList<SnoozeChoice> At(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var daysToMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return
        [
            new("1h", now.AddHours(1)),
            new("tomorrow", MorningOf(today.AddDays(1), zone)),
            new("next-week", MorningOf(today.AddDays(daysToMonday == 0 ? 7 : daysToMonday), zone)),
        ];
    }

    private static DateTimeOffset MorningOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(ReminderTimeParser.DefaultTimeOfDay);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
