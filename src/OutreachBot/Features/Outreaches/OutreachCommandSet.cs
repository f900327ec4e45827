namespace OutreachBot.Features.Outreaches;

/// <summary>The outreach's commands; their help lines and button labels are <c>Command.*</c> in OutreachTexts.</summary>
public static class OutreachCommandSet
{
    public static CommandDefinition New { get; } = new CommandDefinition<OutreachTexts>("new", "新建", helpOrder: 10);

    public static CommandDefinition Pitch { get; } = new CommandDefinition<OutreachTexts>("pitch", "话术", helpOrder: 50);

    public static CommandDefinition Outcome { get; } = new CommandDefinition<OutreachTexts>("outcome", "结果", helpOrder: 60) { ChangesData = true };

    /// <summary>Undoes an end: a dropped, refused or agreed partner, or a closed outreach. Buttons pass outreachId (and departmentId).</summary>
    public static CommandDefinition Reopen { get; } = new CommandDefinition<OutreachTexts>("reopen", "重新打开", helpOrder: 65, "重开");

    public static CommandDefinition Status { get; } =
        new CommandDefinition<OutreachTexts>("status", "进展", helpOrder: 90, "进度") { Shortcut = ShortcutOn.NotUnderstood, AnswersInPlace = true, AnswersWhatNext = true };

    public static CommandDefinition Pipeline { get; } = new CommandDefinition<OutreachTexts>("pipeline", "看板", helpOrder: 100) { AnswersInPlace = true };

    public static CommandDefinition Export { get; } = new CommandDefinition<OutreachTexts>("export", "导出", helpOrder: 140);
}
