namespace OutreachBot.Features.StageTwo;

/// <summary>The stage-2 kit's commands; their help lines are <c>Command.*</c> in StageTwoTexts.</summary>
public static class StageTwoCommandSet
{
    public static CommandDefinition Market { get; } = new CommandDefinition<StageTwoTexts>("market", "市场", helpOrder: 110);

    /// <summary>A lone .csv or .xlsx dropped into the chat is a bids file.</summary>
    public static CommandDefinition Bids { get; } =
        new CommandDefinition<StageTwoTexts>("bids", "中标", helpOrder: 120) { FileTypes = [".csv", ".xlsx", "text/csv"] };

    public static CommandDefinition Brief { get; } = new CommandDefinition<StageTwoTexts>("brief", "简报", helpOrder: 130);
}
