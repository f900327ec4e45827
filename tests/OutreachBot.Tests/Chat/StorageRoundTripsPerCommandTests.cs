namespace OutreachBot.Tests.Chat;

/// <summary>
/// Storage round trips per chat turn, by command: every round trip is latency on Azure Tables, so a command that reads
/// more than it needs fails here rather than in production. The user has used every command once before (their state,
/// profile, conversation reference and an outreach exist), as in the load harness's script.
/// </summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class StorageRoundTripsPerCommandTests
{
    // The profile and the user's state in this conversation, side by side in the user's partition: one read (target ≤ 2).
    private const int ReadOnly = 1;

    // The read + the state's ETag'd write (flow position). Target ≤ 4 for every writing command.
    private const int Writing = 2;

    // The read + one range query over the user's partition (their outreaches and the index of those shared with them
    // sit side by side there). The script's department is not on the outreach, so nothing is written. Target ≤ 4.
    private const int RecordsOutcome = 2;

    // The read + one range query over the user's partition (own outreaches and "shared with me" rows). Target 2.
    private const int ListsOutreaches = 2;

    // ListsOutreaches + the department's outreaches by anyone (the collision check of the partner picture). Target 2:
    // missed. The department index is one partition per department shared by every PM, so it cannot sit in the user's
    // partition; the loosely typed name ("status risk") is resolved against the same listing the picture is built from.
    private const int PartnerPicture = 3;

    // The read, the reminder and its due-index entry (two partitions), and the daily quota counted in the profile
    // (one ETag'd write under the ETag the turn read it with).
    private const int Reminding = 4;

    public static TheoryData<string> Locales => new() { "en-US", "zh-CN" };

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task Each_command_stays_within_its_storage_round_trips(string locale)
    {
        var store = new CountingEntityStore(new InMemoryEntityStore());
        using var host = new BotTestHost(BotTestOptions.Quiet with
        {
            Directory = TestDirectory.DemoCompany,
            Services = services => services.AddSingleton<IEntityStore>(store),
        });
        var chat = host.Chat(locale: locale, userId: "pm-" + locale);
        var script = ScriptFor(locale);
        foreach (var turn in script)
        {
            await chat.SayAsync(turn.Text);
        }

        var measured = new List<(ScriptTurn Turn, long RoundTrips, string Operations)>();
        foreach (var turn in script)
        {
            var before = store.Snapshot();
            await chat.SayAsync(turn.Text);
            var after = store.Snapshot();
            measured.Add((turn, after.GetValueOrDefault("total") - before.GetValueOrDefault("total"), Operations(before, after)));
        }

        var over = measured.Where(m => m.RoundTrips > m.Turn.Limit).ToList();
        Assert.True(over.Count == 0, "Over the limit: " + string.Join("; ", over.Select(m => $"'{m.Turn.Text}' {m.RoundTrips} ({m.Operations})")));
    }

    /// <summary>"get:botstate 1, get:userprofiles 1": what a turn did, for the failure message.</summary>
    private static string Operations(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        string.Join(", ", after
            .Where(p => p.Key.Count(c => c == ':') == 1 && p.Value != before.GetValueOrDefault(p.Key))
            .Select(p => $"{p.Key} {p.Value - before.GetValueOrDefault(p.Key)}"));

    private sealed record ScriptTurn(string Text, int Limit);

    /// <summary>The load harness's session (tests/OutreachBot.Load/Script.cs) with the round trips each may take.</summary>
    private static IReadOnlyList<ScriptTurn> ScriptFor(string locale) => locale == "zh-CN"
        ?
        [
            new("帮助", ReadOnly),
            new("新建 跨境支付风控评分", Writing),
            new("取消", Writing),
            new("找 支付", ReadOnly),
            new("组织 风控", ReadOnly),
            new("引荐 风控中心", ReadOnly),
            new("结果 风控中心 有兴趣 想下周看演示", RecordsOutcome),
            new("进展", ListsOutreaches),
            new("进展 风控", PartnerPicture),
            new("看板", ListsOutreaches),
            new("提醒 明天上午9点 联系李雷", Reminding),
            new("找 反欺诈", ReadOnly),
        ]
        :
        [
            new("help", ReadOnly),
            new("new Cross-border payment risk scoring", Writing),
            new("cancel", Writing),
            new("find payment risk", ReadOnly),
            new("org Risk Management Center", ReadOnly),
            new("referrals Risk Management Center", ReadOnly),
            new("outcome Risk Management Center interested they want a demo next week", RecordsOutcome),
            new("status", ListsOutreaches),
            new("status risk", PartnerPicture),
            new("pipeline", ListsOutreaches),
            new("remind tomorrow 9am call Li Lei", Reminding),
            new("find fraud detection", ReadOnly),
        ];
}
