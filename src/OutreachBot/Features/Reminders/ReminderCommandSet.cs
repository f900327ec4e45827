namespace OutreachBot.Features.Reminders;

/// <summary>The reminders' commands; their help lines are <c>Command.*</c> in ReminderTexts.</summary>
public static class ReminderCommandSet
{
    public static CommandDefinition Remind { get; } = new CommandDefinition<ReminderTexts>("remind", "提醒", helpOrder: 70) { ChangesData = true };

    public static CommandDefinition Reminders { get; } = new CommandDefinition<ReminderTexts>("reminders", "提醒列表", helpOrder: 80, "我的提醒") { AnswersInPlace = true };
}
