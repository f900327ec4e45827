namespace OutreachBot.Domain.Reminders;

/// <summary>A Snooze button: <see cref="Code"/> is what the card action carries ("1h", "tomorrow", "next-week").</summary>
public sealed record SnoozeChoice(string Code, BilingualText Label, DateTimeOffset Until);

/// <summary>
/// Everything a reminder card or its text fallback shows, in both languages, with times in the user's zone.
/// The chat layer picks the language and lays it out; no wording is decided there.
/// </summary>
public sealed record ReminderView(
    string ReminderId,
    ReminderKind Kind,
    BilingualText Title,
    string Text,
    BilingualText DueText,
    BilingualText? LateNote,
    string? OutreachId,
    string? DepartmentId,
    IReadOnlyList<SnoozeChoice> SnoozeChoices)
{
    /// <param name="isLate">As passed to <see cref="IReminderDelivery.SendAsync"/>.</param>
    public static ReminderView From(Reminder reminder, bool isLate, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var dueLocal = TimeZoneInfo.ConvertTime(reminder.Due, zone);
        var due = new BilingualText(ReminderTimeParser.FormatChinese(dueLocal), ReminderTimeParser.FormatEnglish(dueLocal));
        return new ReminderView(
            reminder.Id,
            reminder.Kind,
            TitleOf(reminder.Kind),
            reminder.Text,
            due,
            isLate ? new BilingualText($"这条提醒原定于{due.Zh}，现在补发给你。", $"This reminder was due {due.En}; sending it now.") : null,
            reminder.OutreachId,
            reminder.DepartmentId,
            SnoozeChoicesAt(now, zone));
    }

    /// <summary>In an hour, tomorrow 09:00 and next Monday 09:00, local time.</summary>
    public static IReadOnlyList<SnoozeChoice> SnoozeChoicesAt(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var daysToMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return
        [
            new("1h", new BilingualText("1 小时后", "In 1 hour"), now.AddHours(1)),
            new("tomorrow", new BilingualText("明天上午 9 点", "Tomorrow 9 AM"), MorningOf(today.AddDays(1), zone)),
            new("next-week", new BilingualText("下周一上午 9 点", "Next Monday 9 AM"), MorningOf(today.AddDays(daysToMonday == 0 ? 7 : daysToMonday), zone)),
        ];
    }

    private static DateTimeOffset MorningOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(ReminderTimeParser.DefaultTimeOfDay);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static BilingualText TitleOf(ReminderKind kind) => kind switch
    {
        ReminderKind.DeadlineApproaching => new("截止时间临近", "Deadline approaching"),
        ReminderKind.NoReply => new("对方还没回复", "No reply yet"),
        ReminderKind.FollowUpAfterNoCapacity => new("跟进：对方缺人力", "Follow up: no manpower"),
        ReminderKind.MeetingPrep => new("会前准备", "Meeting prep"),
        _ => new("提醒", "Reminder"),
    };
}
