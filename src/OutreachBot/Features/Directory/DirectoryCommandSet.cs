namespace OutreachBot.Features.Directory;

/// <summary>The department finder's commands; their help lines are <c>Command.*</c> in DirectoryTexts.</summary>
public static class DirectoryCommandSet
{
    public static CommandDefinition Find { get; } = new CommandDefinition<DirectoryTexts>("find", "找", helpOrder: 20, "search", "搜索") { AnswersInPlace = true };

    public static CommandDefinition Org { get; } = new CommandDefinition<DirectoryTexts>("org", "组织", helpOrder: 30, "组织架构") { AnswersInPlace = true };

    public static CommandDefinition Referrals { get; } = new CommandDefinition<DirectoryTexts>("referrals", "引荐", helpOrder: 40, "referral") { AnswersInPlace = true };
}
