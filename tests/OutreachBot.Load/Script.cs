using OutreachBot.Testing;

namespace OutreachBot.Load;

/// <summary>One turn of the script: the command it exercises (for the per-command table) and the text a PM types.</summary>
public sealed record ScriptTurn(string Command, string Text);

/// <summary>
/// A PM's realistic session in either language: look around, start an outreach, search three ways, record an outcome,
/// check status, set a reminder. The user loops over it until the run ends.
/// </summary>
public static class Script
{
    public static IReadOnlyList<ScriptTurn> English { get; } =
    [
        new("help", "help"),
        new("new", "new Cross-border payment risk scoring"),
        new("cancel", "cancel"),
        new("find", "find payment risk"),
        new("org", "org Risk Management Center"),
        new("referrals", "referrals Risk Management Center"),
        new("outcome", "outcome Risk Management Center interested they want a demo next week"),
        new("status", "status"),
        new("status", "status risk"),
        new("pipeline", "pipeline"),
        new("remind", "remind tomorrow 9am call Li Lei"),
        new("find", "find fraud detection"),
    ];

    public static IReadOnlyList<ScriptTurn> Chinese { get; } =
    [
        new("help", "帮助"),
        new("new", "新建 跨境支付风控评分"),
        new("cancel", "取消"),
        new("find", "找 支付"),
        new("org", "组织 风控"),
        new("referrals", "引荐 风控中心"),
        new("outcome", "结果 风控中心 有兴趣 想下周看演示"),
        new("status", "进展"),
        new("status", "进展 风控"),
        new("pipeline", "看板"),
        new("remind", "提醒 明天上午9点 联系李雷"),
        new("find", "找 反欺诈"),
    ];

    public static IReadOnlyList<ScriptTurn> For(SimulatedUser user) => user.IsChinese ? Chinese : English;
}
