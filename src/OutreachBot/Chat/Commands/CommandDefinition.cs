namespace OutreachBot.Chat.Commands;

/// <summary>A chat command: its canonical English name, its Chinese form and any extra aliases.</summary>
public sealed record CommandDefinition(string Name, string Chinese, params string[] Aliases)
{
    public IEnumerable<string> AllForms => [Name, Chinese, .. Aliases];
}

/// <summary>The public text interface (PRODUCT.md's command table). The router knows every name, registered or not.</summary>
public static class CommandCatalog
{
    public static CommandDefinition Help { get; } = new("help", "帮助", "?", "h");
    public static CommandDefinition New { get; } = new("new", "新建");
    public static CommandDefinition Find { get; } = new("find", "找", "search", "搜索");
    public static CommandDefinition Org { get; } = new("org", "组织", "组织架构");
    public static CommandDefinition Referrals { get; } = new("referrals", "引荐", "referral");
    public static CommandDefinition Pitch { get; } = new("pitch", "话术");
    public static CommandDefinition Outcome { get; } = new("outcome", "结果");
    public static CommandDefinition Remind { get; } = new("remind", "提醒");
    public static CommandDefinition Reminders { get; } = new("reminders", "提醒列表", "我的提醒");
    public static CommandDefinition Status { get; } = new("status", "进展", "进度");
    public static CommandDefinition Pipeline { get; } = new("pipeline", "看板");
    public static CommandDefinition Market { get; } = new("market", "市场");
    public static CommandDefinition Bids { get; } = new("bids", "中标");
    public static CommandDefinition Brief { get; } = new("brief", "简报");
    public static CommandDefinition Export { get; } = new("export", "导出");
    public static CommandDefinition Cancel { get; } = new("cancel", "取消", "quit", "退出");
    public static CommandDefinition Language { get; } = new("language", "语言", "lang");
    public static CommandDefinition TimeZone { get; } = new("timezone", "时区", "tz");
    public static CommandDefinition Iam { get; } = new("iam", "我是");
    public static CommandDefinition Settings { get; } = new("settings", "设置");

    /// <summary>In the order help lists them.</summary>
    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        New, Find, Org, Referrals, Pitch, Outcome, Remind, Reminders, Status, Pipeline,
        Market, Bids, Brief, Export, Cancel, Language, TimeZone, Iam, Settings, Help,
    ];

    public static CommandDefinition? ByName(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
