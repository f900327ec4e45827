using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Features.Shared;
using OutreachBot.Storage.Sqlite;

namespace OutreachBot.Tests.Features.Outreaches;

/// <summary>Teams' payload, authorization of card ids, concurrency on real storage, collisions, listeners and the size budget.</summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class OutreachSafetyTests
{
    private const string TeamsUser = "aad:6c1f3d2e-0000-4000-8000-000000000001";

    [Fact]
    public async Task The_Teams_recordOutcome_invoke_payload_records_the_outcome_and_answers_with_the_playbook_card()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(TeamsUser, "商户收银台内置风控", ["D11"]);
        var payload = TeamsPayloads.Load("invoke-adaptive-card-action.json");
        payload["value"]!["action"]!["data"]!["outreachId"] = outreach.Id;

        var replies = await bot.Host.Chat().SendAsIsAsync(payload.ToObject<Activity>(JsonSerializer.Create(new JsonSerializerSettings()))!);

        Assert.Equal(200, replies.InvokeResponse().Status);
        Assert.Contains("「D11」很感兴趣，趁热打铁", replies.Seen());
        Assert.Equal(TargetStage.Interested, (await bot.Service.GetAsync(Requester.User(TeamsUser), outreach.Id)).Value!.FindTarget("D11")!.Stage);
    }

    [Fact]
    public async Task The_Teams_payload_with_an_id_that_does_not_exist_gets_a_polite_refusal()
    {
        using var bot = await OutreachChat.StartAsync();

        var replies = await bot.Host.Chat().SendAsIsAsync(TeamsPayloads.Load("invoke-adaptive-card-action.json").ToObject<Activity>()!);

        Assert.Equal(200, replies.InvokeResponse().Status);
        Assert.Equal("找不到这次合作对接，或者它没有共享给你。", replies.Seen().Trim());
    }

    [Fact]
    public async Task A_forged_outreach_id_in_a_recordOutcome_invoke_gets_a_refusal_and_nothing_of_the_owner()
    {
        using var bot = await OutreachChat.StartAsync();
        var owned = await bot.OutreachAsync("test:alice", "Secret merchant risk product", ["pay-core"]);
        var mallory = bot.Host.Chat(userId: "mallory");

        var replies = await mallory.ExecuteAsync(OutreachChat.Invoke(RecordOutcome.Verb, new Dictionary<string, string>
        {
            ["outreachId"] = owned.Id,
            ["departmentId"] = "pay-core",
            ["outcome"] = "refused",
        }));

        var seen = replies.Seen();
        Assert.Equal("That outreach does not exist, or it is not shared with you.", seen.Trim());
        Assert.DoesNotContain("Secret", seen);
        Assert.DoesNotContain("Payments Platform", seen);
        var after = (await bot.Service.GetAsync(Requester.User("test:alice"), owned.Id)).Value!;
        Assert.Equal(owned.Version, after.Version);
        Assert.Equal(TargetStage.Contacted, after.FindTarget("pay-core")!.Stage);
    }

    [Theory]
    [InlineData("recordContact")]
    [InlineData("bookMeeting")]
    [InlineData("editPrep")]
    [InlineData("targetDepartment")]
    public async Task Every_outreach_button_rechecks_the_id_it_carries(string verb)
    {
        using var bot = await OutreachChat.StartAsync();
        var owned = await bot.OutreachAsync("test:alice", "Secret merchant risk product", ["pay-core"], contacted: false);

        var replies = await bot.Host.Chat(userId: "mallory", locale: "zh-CN").ExecuteAsync(OutreachChat.Invoke(verb, new Dictionary<string, string>
        {
            ["outreachId"] = owned.Id,
            ["departmentId"] = "pay-core",
            ["route"] = "OrgChart",
        }));

        Assert.Equal("找不到这次合作对接，或者它没有共享给你。", replies.Seen().Trim());
        Assert.Equal(owned.Version, (await bot.Service.GetAsync(Requester.User("test:alice"), owned.Id)).Value!.Version);
    }

    [Fact]
    public async Task Two_outcomes_recorded_at_once_from_two_conversations_both_land_on_the_timeline_in_SQLite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"outreach-{Guid.NewGuid():N}.db");
        try
        {
            using var store = new SqliteEntityStore(new SqliteStorageOptions { Path = file });
            using var bot = await OutreachChat.StartAsync(services => services.AddSingleton<IEntityStore>(store));
            var outreach = await bot.OutreachAsync("aad:pm-1", "Merchant risk checks", ["pay-core", "risk"]);
            var teams = bot.Host.Chat(channel: "msteams", userId: "29:pm", aadObjectId: "pm-1");
            var web = bot.Host.Chat(channel: "webchat", userId: "web-pm", aadObjectId: "pm-1");

            var both = await Task.WhenAll(
                teams.ExecuteAsync(OutreachChat.Invoke(RecordOutcome.Verb, new Dictionary<string, string> { ["outreachId"] = outreach.Id, ["departmentId"] = "pay-core", ["outcome"] = "interested" })),
                web.ExecuteAsync(OutreachChat.Invoke(RecordOutcome.Verb, new Dictionary<string, string> { ["outreachId"] = outreach.Id, ["departmentId"] = "risk", ["outcome"] = "refused", ["reason"] = "focused-on-core" })));

            Assert.All(both, replies => Assert.Equal(200, replies.InvokeResponse().Status));
            var after = (await bot.Service.GetAsync(Requester.User("aad:pm-1"), outreach.Id)).Value!;
            Assert.Equal(TargetStage.Interested, after.FindTarget("pay-core")!.Stage);
            Assert.Equal((TargetStage.Refused, RefusalReason.FocusedOnCore), (after.FindTarget("risk")!.Stage, after.FindTarget("risk")!.RefusalReason!.Value));
            var outcomes = (await bot.Service.GetTimelineAsync(Requester.User("aad:pm-1"), outreach.Id)).Value!.Where(e => e.Kind == TimelineEventKind.OutcomeRecorded).ToList();
            Assert.Equal(["pay-core", "risk"], outcomes.Select(e => e.DepartmentId!).Order());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Two_hundred_outreaches_fit_one_pipeline_message_with_paging_and_overdue_first()
    {
        using var bot = await OutreachChat.StartAsync();
        var requester = Requester.User("test:user-1");
        for (var i = 0; i < 200; i++)
        {
            var created = (await bot.Service.CreateAsync(requester, new NewOutreach(
                $"Outreach number {i:000} for a rather long product idea about merchant payments and risk",
                "payment gateway",
                "Asia/Shanghai",
                BotTestHost.Now.AddDays(1 + (i % 20))))).GetValueOrThrow().Outreach;
            (await bot.Service.AddTargetAsync(requester, created.Id, new DepartmentRef("pay-core", "支付中台", "Payments Platform"))).GetValueOrThrow();
            (await bot.Service.AddTargetAsync(requester, created.Id, new DepartmentRef("risk", "风控中心", "Risk Management Center"))).GetValueOrThrow();
        }

        bot.Host.Clock.Advance(TimeSpan.FromDays(3));
        var chat = bot.Host.Chat();

        var first = await chat.SayAsync("pipeline");
        var last = await chat.SayAsync("pipeline 10");

        var message = JsonConvert.SerializeObject(Assert.Single(first));
        Console.WriteLine($"Pipeline page of 200 outreaches: {Encoding.UTF8.GetByteCount(message)} bytes");
        Assert.True(Encoding.UTF8.GetByteCount(message) < 40 * 1024, $"The pipeline message is {Encoding.UTF8.GetByteCount(message)} bytes.");
        Assert.Contains("200 outreaches · 200 open · 20 overdue", first.Seen());
        Assert.StartsWith("⚠ ", (string)first.Cards()[0].SelectToken("$.body[3].items[0].text")!);
        Assert.Contains("Page 1 of 10", first.Seen());
        Assert.Equal(["Next page", "Export"], first.Cards()[0].ButtonTitles());
        Assert.Contains("Page 10 of 10", last.Seen());
        Assert.Equal(["Previous page", "Export"], last.Cards()[0].ButtonTitles());
    }

    [Fact]
    public async Task An_outcome_before_any_contact_explains_and_offers_to_record_the_contact()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync("test:user-1", "Merchant risk checks", ["pay-core"], contacted: false);
        var chat = bot.Host.Chat(locale: "zh-CN");

        var early = await chat.SayAsync("结果 支付中台 感兴趣");
        var recorded = await chat.PressAsync(Assert.Single(early.Cards()), "我已联系过");
        var outcome = await chat.SayAsync("结果 支付中台 感兴趣");

        Assert.Contains("还没有记录过与「支付中台」的联系", early.Seen());
        Assert.Contains("已记录与「支付中台」的联系", recorded.Seen());
        Assert.Contains("余涵", recorded.Seen());
        Assert.Contains("「支付中台」很感兴趣", outcome.Seen());
        Assert.Equal(TargetStage.Interested, (await bot.StoredAsync(outreach.Id)).FindTarget("pay-core")!.Stage);
    }

    [Fact]
    public async Task Targeting_a_department_another_PM_courts_or_that_refused_recently_warns_before_the_draft()
    {
        using var bot = await OutreachChat.StartAsync();
        await bot.OutreachAsync("test:bob", "Bob's checkout idea", ["pay-core"]);
        var refusedBy = await bot.OutreachAsync("test:carol", "Carol's lending idea", ["risk"]);
        (await bot.Service.RecordOutcomeAsync(Requester.User("test:carol"), refusedBy.Id, "risk", ContactOutcome.Refused, RefusalReason.NotTheirScope, "only fraud for lending")).GetValueOrThrow();
        await bot.Host.Services.GetRequiredService<UserProfileStore>().UpdateAsync(new UserKey("test:bob"), p => p with { PersonId = "E00010", PersonVerified = true }, CancellationToken.None); // Teams confirmed who Bob is: only then is his name shown to others
        await bot.OutreachAsync("test:user-1", "My risk product", [], contacted: false);
        var chat = bot.Host.Chat();

        var courted = await chat.SayAsync("pitch Payments Platform");
        var refused = await chat.SayAsync("pitch risk management center");

        Assert.Contains("Ping Zhou is already talking to Payments Platform (Contacted since Tue, Nov 24)", courted.Seen());
        Assert.Contains("Risk Management Center turned another PM down on Tue, Nov 24: Not their business scope (“only fraud for lending”).", refused.Seen());
        var body = Assert.Single(courted.Cards())["body"]!.Select(e => (string?)e["type"]).ToList();
        Assert.Equal(1, body.IndexOf("Container"));
        Assert.True(body.LastIndexOf("Container") > 1, "The warnings come before the draft.");
    }

    [Fact]
    public async Task Status_of_a_partner_shows_other_PMs_refusals_of_that_department()
    {
        using var bot = await OutreachChat.StartAsync();
        var carol = await bot.OutreachAsync("test:carol", "Carol's lending idea", ["risk"]);
        (await bot.Service.RecordOutcomeAsync(Requester.User("test:carol"), carol.Id, "risk", ContactOutcome.Refused, RefusalReason.FocusedOnCore)).GetValueOrThrow();

        var status = await bot.Host.Chat(locale: "zh-CN").SayAsync("进展 风控");

        Assert.Contains("你的合作对接里还没有这个部门。", status.Seen());
        Assert.Contains("「风控中心」在11月24日（周二）婉拒过另一位产品经理，原因：对方聚焦本业，不打算扩展。", status.Seen());
    }

    [Fact]
    public async Task A_failing_change_listener_is_logged_and_the_others_still_hear_of_the_change()
    {
        var heard = new HeardChanges();
        var logs = new RecordingLogs();
        using var bot = await OutreachChat.StartAsync(services => services
            .AddSingleton<ILoggerProvider>(logs)
            .AddSingleton<IOutreachEventSubscriber, FailingListener>()
            .AddSingleton<IOutreachEventSubscriber>(heard));
        var outreach = await bot.OutreachAsync("test:user-1", "Merchant risk checks", ["pay-core"]);
        heard.Changes.Clear();

        var replies = await bot.Host.Chat().SayAsync("outcome payments platform no-capacity");

        Assert.Contains("Payments Platform is keen but short of people", replies.Seen());
        var changed = Assert.IsType<OutcomeRecorded>(Assert.Single(heard.Changes));
        Assert.Equal((outreach.Id, "test:user-1", ContactOutcome.NoCapacity), (changed.Outreach.Id, changed.Actor, changed.Outcome));
        Assert.NotNull(changed.Outreach.FindTarget("pay-core")!.FollowUpAt);
        Assert.Equal(TargetStage.NoCapacity, (await bot.StoredAsync(outreach.Id)).FindTarget("pay-core")!.Stage);
        Assert.Contains(logs.Errors, e => e.Contains(nameof(FailingListener), StringComparison.Ordinal) && e.Contains(outreach.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_finder_card_without_an_outreach_id_asks_which_outreach_when_several_are_open()
    {
        using var bot = await OutreachChat.StartAsync();
        await bot.OutreachAsync("test:user-1", "Checkout risk", [], contacted: false);
        var second = await bot.OutreachAsync("test:user-1", "Cross-border collection", [], contacted: false);
        var chat = bot.Host.Chat();

        var asked = await chat.ExecuteAsync(OutreachChat.Invoke(TargetDepartment.Verb, new Dictionary<string, string> { ["departmentId"] = "pay-cross", ["route"] = "Referral" }));
        var added = await chat.PressAsync(Assert.Single(asked.Cards()), "Cross-border collection");

        Assert.Contains("Which outreach should this department join?", asked.Seen());
        Assert.Contains("Cross-border Payments added to “Cross-border collection”", added.Seen());
        Assert.Contains("Found via: Referral", added.Seen());
        Assert.Equal(LeadRoute.Referral, (await bot.StoredAsync(second.Id)).FindTarget("pay-cross")!.Route);
    }

    [Fact]
    public async Task A_card_with_an_unknown_route_is_a_malformed_action_and_changes_nothing()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync("test:user-1", "Checkout risk", [], contacted: false);

        var replies = await bot.Host.Chat().ExecuteAsync(OutreachChat.Invoke(TargetDepartment.Verb, new Dictionary<string, string> { ["outreachId"] = outreach.Id, ["departmentId"] = "risk", ["route"] = "telepathy" }));

        Assert.Equal(400, replies.InvokeResponse().Status);
        Assert.Empty((await bot.StoredAsync(outreach.Id)).Targets);
    }

    [Fact]
    public async Task Export_uses_download_links_when_a_link_service_is_registered()
    {
        var links = new RememberedLinks();
        using var bot = await OutreachChat.StartAsync(services => services.AddSingleton<IDownloadLinks>(links));
        await bot.OutreachAsync("test:user-1", "Checkout risk", ["pay-core"]);

        var replies = await bot.Host.Chat().SayAsync("export");

        var card = Assert.Single(replies.Cards());
        Assert.Equal(["Pipeline (CSV)", "Timelines (CSV)", "Everything (Markdown)"], card.ButtonTitles());
        Assert.DoesNotContain(replies, r => r.Attachments?.Any(a => a.ContentType == "text/csv") == true);
        Assert.Contains("Checkout risk", Encoding.UTF8.GetString(links.Files.Single(f => f.FileName.StartsWith("outreach-timelines", StringComparison.Ordinal)).Content));
    }

    private sealed class FailingListener : IOutreachEventSubscriber
    {
        public Task OnOutreachEventAsync(OutreachEvent change, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The reminders store is down.");
    }

    private sealed class HeardChanges : IOutreachEventSubscriber
    {
        public List<OutreachEvent> Changes { get; } = [];

        public Task OnOutreachEventAsync(OutreachEvent change, CancellationToken cancellationToken)
        {
            Changes.Add(change);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingLogs : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Errors { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingLogs logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    logs.Errors.Enqueue(formatter(state, exception));
                }
            }
        }
    }

    private sealed class RememberedLinks : IDownloadLinks
    {
        public List<DownloadFile> Files { get; } = [];

        public Task<Uri> CreateAsync(DownloadFile file, UserKey owner, CancellationToken cancellationToken)
        {
            Files.Add(file);
            return Task.FromResult(new Uri($"https://bot.example/files/{Files.Count}"));
        }
    }
}
