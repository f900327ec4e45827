namespace OutreachBot.Tests.Chat;

/// <summary>
/// Storage round trips per chat turn, by command: every round trip is latency on Azure Tables, so a command that reads
/// more than it needs fails here rather than in production. The user has used every command once before (their state,
/// profile, conversation reference and an outreach exist), as in the load harness's script.
/// </summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class StorageRoundTripsPerCommandTests
{
    private const int ReadOnly = 2;
    private const int Writing = 4;

    // Target 2 (issue 19), pinned at today's count: the bot state, the profile, the user's own outreaches and the index
    // of outreaches shared with them are four partitions; reaching 2 needs state and profile in one read and the
    // shared-with-me index beside the user's outreaches.
    private const int ListsOutreaches = 4;

    // ListsOutreaches + the department's outreaches by anyone (the collision check of the partner picture). Pinned at
    // today's 7: resolving a loosely typed partner name ("status risk") lists the user's outreaches three times (the
    // name is read against the directory, then the targets, then the picture is built) — a known miss of issue 19.
    private const int PartnerPicture = 7;

    // Writing + the daily reminder quota, counted in the profile (a read and an ETag'd write): a known miss of issue 19.
    private const int Reminding = 6;

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
            new("结果 风控中心 有兴趣 想下周看演示", Writing),
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
            new("outcome Risk Management Center interested they want a demo next week", Writing),
            new("status", ListsOutreaches),
            new("status risk", PartnerPicture),
            new("pipeline", ListsOutreaches),
            new("remind tomorrow 9am call Li Lei", Reminding),
            new("find fraud detection", ReadOnly),
        ];
}
