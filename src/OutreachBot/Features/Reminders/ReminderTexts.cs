namespace OutreachBot.Features.Reminders;

/// <summary>Texts of the reminders feature (ReminderTexts.resx, ReminderTexts.zh-CN.resx).</summary>
public sealed class ReminderTexts : ITextSet;
