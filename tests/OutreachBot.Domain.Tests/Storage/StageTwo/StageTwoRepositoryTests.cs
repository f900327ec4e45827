using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.StageTwo;
using OutreachBot.Domain.Storage;
using OutreachBot.Domain.Storage.StageTwo;
using OutreachBot.Domain.Tests.StageTwo;

namespace OutreachBot.Domain.Tests.Storage.StageTwo;

public sealed class StageTwoRepositoryTests
{
    private static readonly Requester Alice = Requester.User("alice");
    private static readonly Requester Bob = Requester.User("bob");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 6, 15, 2, 0, 0, TimeSpan.Zero));
    private readonly InterferingStore store = new(new InMemoryEntityStore());
    private readonly OutreachService outreaches;
    private readonly StageTwoRepository repository;

    public StageTwoRepositoryTests()
    {
        outreaches = new OutreachService(new OutreachRepository(store), new NoAlternatives(), new NextActionPlaybook(), time);
        repository = new StageTwoRepository(store, outreaches, time);
    }

    private async Task<string> NewOutreachAsync(Requester owner, OutreachSharing? sharing = null) =>
        (await outreaches.CreateAsync(owner, new NewOutreach("支付风控", "实时反欺诈", "Asia/Shanghai", Sharing: sharing))).GetValueOrThrow().Outreach.Id;

    [Fact]
    public async Task Every_piece_of_the_material_reads_back_as_it_was_saved()
    {
        var id = await NewOutreachAsync(Alice);
        var market = Models.Cny(new SegmentBuilder().Build(), new SegmentBuilder().Named("农商行").WithCount(null).WithPrice(new Money(10m, Currency.USD)).Build());
        var panorama = ProductPanorama.Empty.WithModule("规则引擎").WithIntegratedSystem("核心系统", "交易数据").WithUserChannel("Web 控制台")
            .WithStep("客户", "发起支付").WithStep("引擎", "打分").WithDiagram(DiagramLink.Create("架构图", "https://wiki.example.com/a").Value);
        var work = new WorkBoundary([]).WithTask("模型接口", Responsibility.Theirs).WithTask("交付", Responsibility.Ours, "我方协调") with
        {
            Charging = ChargingModel.RevenueShare,
            ChargingNote = "按年",
            Split = RevenueSplit.Create([new("我方", 0.6m), new("对方", 0.4m)]).Value,
        };
        var opportunity = new Opportunity("宁波银行", OpportunityStatus.Interested, AngelSignals.BudgetAvailable | AngelSignals.WillingToPilot, "王经理", new DateOnly(2025, 6, 1));

        await repository.UpdateAsync(Alice, id, m => m.WithMarket(market));
        await repository.UpdateAsync(Alice, id, m => m.WithOpportunity(opportunity));
        await repository.UpdateAsync(Alice, id, m => Validated<StageTwoMaterial>.Valid(m with { Panorama = panorama, Ask = "双方领导会面" }));
        await repository.UpdateAsync(Alice, id, m => m.WithWork(work));
        var read = (await repository.GetAsync(Alice, id)).Value!;

        Assert.Equal(market.Currency, read.Market!.Currency);
        Assert.Equal(market.Segments, read.Market.Segments);
        Assert.Equal(opportunity, Assert.Single(read.OpportunityList));
        Assert.Equal(panorama.OwnModules, read.Panorama!.OwnModules);
        Assert.Equal(panorama.CoreFlow, read.Panorama.CoreFlow);
        Assert.Equal(panorama.Diagrams.Single().Url, read.Panorama.Diagrams.Single().Url);
        Assert.Equal(work.DivisionOfLabour, read.Work!.DivisionOfLabour);
        Assert.Equal((ChargingModel.RevenueShare, "按年"), (read.Work.Charging!.Value, read.Work.ChargingNote));
        Assert.Equal(work.Split!.Shares, read.Work.Split!.Shares);
        Assert.Equal("双方领导会面", read.Ask);
    }

    [Fact]
    public async Task The_work_split_and_the_ask_are_kept_per_partner_and_fall_back_to_the_outreach_wide_draft()
    {
        var id = await NewOutreachAsync(Alice);
        var draft = new WorkBoundary([]).WithTask("交付", Responsibility.Ours);
        var speech = new WorkBoundary([]).WithTask("语音识别接口", Responsibility.Theirs) with { Split = RevenueSplit.Create([new("我方", 0.5m), new("语音", 0.5m)]).Value };

        await repository.UpdateAsync(Alice, id, m => m.WithWork(draft));
        await repository.UpdateAsync(Alice, id, m => m.WithWork(speech, "speech"));
        await repository.UpdateAsync(Alice, id, m => Validated<StageTwoMaterial>.Valid(m.WithAsk("语音部门开放接口", "SPEECH")));
        var read = (await repository.GetAsync(Alice, id)).Value!;

        Assert.Equal(speech.DivisionOfLabour, read.WorkFor("speech")!.DivisionOfLabour);
        Assert.Equal(speech.Split!.Shares, read.WorkFor("Speech")!.Split!.Shares);
        Assert.Equal("语音部门开放接口", read.AskFor("speech"));
        Assert.Equal(draft.DivisionOfLabour, read.WorkFor("bigdata")!.DivisionOfLabour);
        Assert.Null(read.AskFor("bigdata"));
        Assert.Equal(draft.DivisionOfLabour, read.WorkFor(null)!.DivisionOfLabour);
    }

    [Fact]
    public async Task The_focus_remembers_the_partner_chosen_too()
    {
        var id = await NewOutreachAsync(Alice);

        await repository.SetFocusAsync(Alice, id, "speech");

        Assert.Equal(new StageTwoFocus(id, "speech"), await repository.GetFocusedPartnerAsync("alice"));
        Assert.Equal(id, await repository.GetFocusAsync("alice"));
    }

    [Fact]
    public async Task A_user_without_access_to_the_outreach_gets_nothing_and_changes_nothing()
    {
        var id = await NewOutreachAsync(Alice);
        await repository.UpdateAsync(Alice, id, m => m.WithOpportunity(new Opportunity("宁波银行", OpportunityStatus.Contacted)));

        var read = await repository.GetAsync(Bob, id);
        var write = await repository.UpdateAsync(Bob, id, m => m.WithOpportunity(new Opportunity("入侵者", OpportunityStatus.Contacted)));
        var bids = await repository.ReplaceBidsAsync(Bob, id, [Bids.On("2025-01-10", 1m)], "bids.csv");
        var focus = await repository.SetFocusAsync(Bob, id);

        Assert.All([read.Errors, write.Errors, bids.Errors, focus.Errors], e => Assert.Equal("outreach-not-found", Assert.Single(e).Code));
        Assert.Null(read.Value);
        Assert.Equal("宁波银行", Assert.Single((await repository.GetAsync(Alice, id)).Value!.OpportunityList).Customer);
        Assert.Null((await repository.GetAsync(Alice, id)).Value!.Bids);
    }

    [Fact]
    public async Task A_colleague_the_outreach_is_shared_with_works_on_the_same_material()
    {
        var id = await NewOutreachAsync(Alice, new OutreachSharing(null, null, ["bob"]));

        await repository.UpdateAsync(Bob, id, m => m.WithOpportunity(new Opportunity("宁波银行", OpportunityStatus.Contacted)));

        Assert.Equal("宁波银行", Assert.Single((await repository.GetAsync(Alice, id)).Value!.OpportunityList).Customer);
    }

    [Fact]
    public async Task A_forged_outreach_id_is_not_found_without_touching_storage_keys()
    {
        var result = await repository.GetAsync(Alice, "../../etc/passwd");

        Assert.Equal("outreach-not-found", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Concurrent_changes_are_both_kept_through_the_ETag_retry()
    {
        var id = await NewOutreachAsync(Alice);
        await repository.UpdateAsync(Alice, id, m => m.WithOpportunity(new Opportunity("甲银行", OpportunityStatus.Contacted)));
        store.BeforeNextReplace = () => repository.UpdateAsync(Alice, id, m => m.WithOpportunity(new Opportunity("乙银行", OpportunityStatus.Contacted)));

        var saved = await repository.UpdateAsync(Alice, id, m => m.WithOpportunity(new Opportunity("丙银行", OpportunityStatus.Interested)));

        Assert.True(saved.Succeeded);
        Assert.Equal(["甲银行", "乙银行", "丙银行"], (await repository.GetAsync(Alice, id)).Value!.OpportunityList.Select(o => o.Customer));
        Assert.Equal(1, store.Conflicts);
    }

    [Fact]
    public async Task An_invalid_change_saves_nothing_and_says_why()
    {
        var id = await NewOutreachAsync(Alice);

        var result = await repository.UpdateAsync(Alice, id, m => m.WithOpportunity(new Opportunity(" ", OpportunityStatus.Contacted)));

        Assert.Equal("请填写客户名称。", Assert.Single(result.Errors).Message.Zh);
        Assert.Null(await store.GetAsync(StageTwoRepository.Table, id, "material"));
    }

    [Fact]
    public async Task Importing_bids_again_replaces_the_previous_import_and_removes_its_chunks()
    {
        var id = await NewOutreachAsync(Alice);
        var first = Enumerable.Range(0, 5_000).Select(i => Bids.On("2025-01-10", 1000m + i, $"竞争对手{i % 7}")).ToList();
        var second = Enumerable.Range(0, 3).Select(i => Bids.On("2025-02-10", 10m + i, "远景软件", "USD")).ToList();

        await repository.ReplaceBidsAsync(Alice, id, first, "bids-a.csv");
        var afterFirst = (await repository.LoadBidsAsync(Alice, id)).Value!;
        await repository.ReplaceBidsAsync(Alice, id, second, "bids-b.csv");
        var afterSecond = (await repository.LoadBidsAsync(Alice, id)).Value!;

        Assert.Equal(first, afterFirst);
        Assert.Equal(second, afterSecond);
        var material = (await repository.GetAsync(Alice, id)).Value!;
        Assert.Equal(("bids-b.csv", 3), (material.Bids!.FileName, material.Bids.Count));
        var rows = await store.QueryAsync(StageTwoRepository.Table, id, RowKeyRange.WithPrefix("bids-"), 1000, null);
        Assert.Single(rows.Items);
    }

    [Fact]
    public async Task Bids_with_very_long_texts_are_stored_in_chunks_that_fit_the_storage_limit()
    {
        var id = await NewOutreachAsync(Alice);
        var bids = Enumerable.Range(0, 1_500).Select(i => Bids.On("2025-01-10", 1m + i) with { Project = new string('项', 900) }).ToList();

        await repository.ReplaceBidsAsync(Alice, id, bids, "bids.csv");

        var rows = await store.QueryAsync(StageTwoRepository.Table, id, RowKeyRange.WithPrefix("bids-"), 1000, null);
        Assert.True(rows.Items.Count > 1);
        Assert.All(rows.Items, r => Assert.True(r.Json.Length <= 200_000, $"{r.RowKey} has {r.Json.Length} characters"));
        Assert.Equal(bids, (await repository.LoadBidsAsync(Alice, id)).Value!);
    }

    [Fact]
    public async Task The_focus_is_remembered_per_user_and_only_for_an_outreach_they_can_see()
    {
        var mine = await NewOutreachAsync(Alice);
        var theirs = await NewOutreachAsync(Bob);

        await repository.SetFocusAsync(Alice, mine);
        var refused = await repository.SetFocusAsync(Alice, theirs);

        Assert.False(refused.Succeeded);
        Assert.Equal(mine, await repository.GetFocusAsync("alice"));
        Assert.Null(await repository.GetFocusAsync("bob"));
    }

    private sealed class NoAlternatives : IAlternativeDepartments
    {
        public Task<IReadOnlyList<AlternativeDepartment>> FindAsync(AlternativeDepartmentQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AlternativeDepartment>>([]);
    }

    /// <summary>Lets another writer save just before the next conditional replace, to provoke an ETag conflict.</summary>
    private sealed class InterferingStore(IEntityStore inner) : IEntityStore
    {
        public Func<Task>? BeforeNextReplace { get; set; }

        public int Conflicts { get; private set; }

        public Task<StoredEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) => inner.GetAsync(table, partitionKey, rowKey, cancellationToken);

        public Task<StoredEntity> InsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) => inner.InsertAsync(table, partitionKey, rowKey, json, cancellationToken);

        public async Task<StoredEntity> ReplaceAsync(string table, StoredEntity entity, CancellationToken cancellationToken = default)
        {
            if (table == StageTwoRepository.Table && BeforeNextReplace is { } interfere)
            {
                BeforeNextReplace = null;
                await interfere();
            }

            try
            {
                return await inner.ReplaceAsync(table, entity, cancellationToken);
            }
            catch (EntityConflictException)
            {
                Conflicts++;
                throw;
            }
        }

        public Task<StoredEntity> UpsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) => inner.UpsertAsync(table, partitionKey, rowKey, json, cancellationToken);

        public Task DeleteAsync(string table, string partitionKey, string rowKey, string? etag, CancellationToken cancellationToken = default) => inner.DeleteAsync(table, partitionKey, rowKey, etag, cancellationToken);

        public Task<EntityPage> QueryAsync(string table, string partitionKey, RowKeyRange range, int pageSize, string? continuationToken, CancellationToken cancellationToken = default) =>
            inner.QueryAsync(table, partitionKey, range, pageSize, continuationToken, cancellationToken);

        public Task<IReadOnlyList<StoredEntity>> SubmitBatchAsync(string table, string partitionKey, IReadOnlyList<EntityOperation> operations, CancellationToken cancellationToken = default) =>
            inner.SubmitBatchAsync(table, partitionKey, operations, cancellationToken);

        public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default) => inner.IsHealthyAsync(cancellationToken);
    }
}
