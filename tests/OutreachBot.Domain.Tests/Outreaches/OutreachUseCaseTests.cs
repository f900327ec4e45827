using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Domain.Tests.Outreaches;

/// <summary>The use cases take whole requests, read and write the outreach once, and publish one event per saved change.</summary>
public sealed class OutreachUseCaseTests
{
    private static readonly Requester Alice = Requester.User("alice");
    private static readonly Requester Bob = Requester.User("bob");
    private static readonly StageOnePrep Prep = new("中小银行客户愿意采购实时风控", "实时交易风控的接口能力", "带来新的收入，拓展银行业务");

    private readonly FakeTimeProvider time = new(OutreachBuilder.Start);
    private readonly CountingEntityStore store = new(new InMemoryEntityStore());
    private readonly RecordingOutreachEvents events = new();
    private readonly OutreachService service;
    private int ids;

    public OutreachUseCaseTests() =>
        service = new OutreachService(
            new OutreachRepository(store), new NoAlternativeDepartments(), new NextActionPlaybook(), time, newId: () => $"outreach-{++ids:D4}", events: events);

    [Fact]
    public async Task A_new_outreach_with_its_prep_and_first_target_is_one_call_one_write_and_one_event()
    {
        await OutreachAsync(Bob, TargetStage.Interested);
        events.Published.Clear();
        var before = store.Snapshot();

        var created = await service.CreateAsync(Alice, new NewOutreach(
            "支付风控 SaaS", "实时风控", "Asia/Shanghai", Prep: Prep, FirstTarget: new NewTarget(OutreachBuilder.Payments, LeadRoute.KeywordSearch)));

        var outreach = created.GetValueOrThrow().Outreach;
        Assert.Equal(1, Delta(before, "batch:outreaches:owner"));
        Assert.Equal(0, Delta(before, "replace:outreaches:owner"));
        Assert.Equal([TimelineEventKind.Created, TimelineEventKind.PrepUpdated, TimelineEventKind.TargetAdded], outreach.Timeline.Select(e => e.Kind));
        Assert.True(outreach.Prep.IsComplete);
        Assert.Equal(LeadRoute.KeywordSearch, outreach.FindTarget("D042")!.Route);
        Assert.Equal(("bob", CollisionKind.BeingCourted), (Assert.Single(created.Value!.Warnings).OwnerKey, created.Value.Warnings[0].Kind));
        var published = Assert.IsType<OutreachCreated>(Assert.Single(events.Published));
        Assert.Equal((outreach.Id, "alice"), (published.Outreach.Id, published.Actor));
        Assert.Equal(outreach.Id, Assert.Single(await service.StatusAsync(Alice)).OutreachId);
    }

    [Fact]
    public async Task An_invalid_part_of_a_new_outreach_creates_nothing_and_publishes_nothing()
    {
        var tooLong = new StageOnePrep(new string('长', OutreachLimits.MaxPrepPointLength + 1));

        var created = await service.CreateAsync(Alice, new NewOutreach("支付风控 SaaS", null, "Asia/Shanghai", Prep: tooLong, FirstTarget: new NewTarget(OutreachBuilder.Payments)));

        Assert.IsType<InvalidOutreachInput>(created.Error);
        Assert.Empty(await service.StatusAsync(Alice));
        Assert.Empty(events.Published);
    }

    [Fact]
    public async Task A_refused_change_publishes_nothing()
    {
        var id = await OutreachAsync(Alice, TargetStage.Identified);
        events.Published.Clear();

        var results = new OutreachError?[]
        {
            (await service.RecordOutcomeAsync(Alice, id, "D042", ContactOutcome.Interested)).Error,
            (await service.MarkAgreedAsync(Alice, id, "D042", "风控接口接入", "双方领导")).Error,
            (await service.RecordContactAsync(Bob, id, new NewContact("D042", null, "李雷", null, null))).Error,
            (await service.ChangeDeadlineAsync(Alice, id, time.GetUtcNow().AddDays(-1))).Error,
        };

        Assert.All(results, e => Assert.NotNull(e));
        Assert.Empty(events.Published);
    }

    [Fact]
    public async Task Recording_an_outcome_for_a_known_outreach_reads_its_record_once()
    {
        var id = await OutreachAsync(Alice, TargetStage.Contacted);
        var before = store.Snapshot();

        var recorded = await service.RecordOutcomeAsync(Alice, new NewOutcome(new TargetRef.Known(id, "D042"), ContactOutcome.Refused, RefusalReason.NotTheirScope));

        Assert.Equal(TargetStage.Refused, recorded.GetValueOrThrow().Target.Stage);
        Assert.Equal(1, Delta(before, "get:outreaches:owner"));
        Assert.Equal(0, Delta(before, "query:outreaches:owner"));
        Assert.Equal(1, Delta(before, "batch:outreaches:owner"));
    }

    [Fact]
    public async Task An_outcome_for_a_typed_department_name_finds_my_target_reading_my_outreaches_once()
    {
        await OutreachAsync(Alice, TargetStage.Contacted);
        var before = store.Snapshot();

        var recorded = await service.RecordOutcomeAsync(Alice, new NewOutcome(new TargetRef.Named("payments platform"), ContactOutcome.NoCapacity));
        var unknown = await service.RecordOutcomeAsync(Alice, new NewOutcome(new TargetRef.Named("Legal Affairs"), ContactOutcome.NoCapacity));

        var value = recorded.GetValueOrThrow();
        Assert.Equal((TargetStage.NoCapacity, value.Playbook.ProposedSlot), (value.Target.Stage, value.Target.FollowUpAt));
        Assert.Equal(0, Delta(before, "get:outreaches:owner"));
        Assert.Equal(2, Delta(before, "query:outreaches:owner"));
        Assert.Equal(("Legal Affairs", 1), (Assert.IsType<UnknownTarget>(unknown.Error).DepartmentId, events.Published.OfType<OutcomeRecorded>().Count()));
    }

    [Fact]
    public async Task A_meeting_with_what_was_learned_is_one_change_and_one_event()
    {
        var id = await OutreachAsync(Alice, TargetStage.Interested);
        var version = (await service.GetAsync(Alice, id)).Value!.Version;
        events.Published.Clear();

        var booked = await service.ScheduleMeetingAsync(Alice, id, new NewMeeting("D042", time.GetUtcNow().AddDays(2), Kpis: "对外收入", LeaderConcerns: "系统稳定性"));

        var target = booked.GetValueOrThrow().Target;
        Assert.Equal((TargetStage.MeetingScheduled, "对外收入", "系统稳定性"), (target.Stage, target.Insight!.Kpis, target.Insight.LeaderConcerns));
        Assert.Equal(version + 1, booked.Value!.Outreach.Version);
        Assert.Equal([TimelineEventKind.MeetingScheduled, TimelineEventKind.InsightRecorded], booked.Value.Outreach.Timeline.TakeLast(2).Select(e => e.Kind));
        Assert.IsType<MeetingScheduled>(Assert.Single(events.Published));
    }

    [Fact]
    public async Task Updating_the_prep_keeps_the_points_left_out()
    {
        var id = await OutreachAsync(Alice, TargetStage.Identified);
        await service.UpdatePrepAsync(Alice, id, Prep);

        var updated = await service.UpdatePrepAsync(Alice, id, new StageOnePrep(SupportNeeded: "只需要风控模型接口"));

        Assert.Equal(Prep with { SupportNeeded = "只需要风控模型接口" }, updated.GetValueOrThrow().Outreach.Prep);
    }

    [Fact]
    public async Task A_department_without_an_outreach_id_goes_to_my_only_open_outreach_or_asks_which()
    {
        var none = await service.PlaceTargetAsync(Alice, null, new NewTarget(OutreachBuilder.Risk, LeadRoute.Referral, FromFinder: true));
        var first = await OutreachAsync(Alice, TargetStage.Identified);
        var one = await service.PlaceTargetAsync(Alice, null, new NewTarget(OutreachBuilder.Risk, LeadRoute.Referral, FromFinder: true));
        time.Advance(TimeSpan.FromMinutes(5));
        var second = await OutreachAsync(Alice, TargetStage.Identified);
        var several = await service.PlaceTargetAsync(Alice, " ", new NewTarget(OutreachBuilder.Risk));

        Assert.IsType<TargetPlacement.NoOpenOutreach>(none.Value);
        var added = Assert.IsType<TargetPlacement.Added>(one.Value).Result;
        Assert.Equal((first, LeadRoute.Referral), (added.Outreach.Id, added.Target.Route));
        Assert.True(events.Published.OfType<TargetAdded>().Single(e => e.Target.Department.Id == "D077").FromFinder);
        Assert.Equal([second, first], Assert.IsType<TargetPlacement.ChooseOutreach>(several.Value).Open.Select(o => o.OutreachId));
    }

    [Fact]
    public async Task The_pitch_target_is_my_named_target_or_my_current_outreach_with_the_department_added()
    {
        var nothing = await service.ChoosePitchTargetAsync(Alice, null, null);
        var id = (await service.CreateAsync(Alice, new NewOutreach("支付风控 SaaS", null, "Asia/Shanghai"))).GetValueOrThrow().Outreach.Id;
        var noTarget = await service.ChoosePitchTargetAsync(Alice, "", null);
        var unknown = await service.ChoosePitchTargetAsync(Alice, "法务部", null);
        var added = await service.ChoosePitchTargetAsync(Alice, "风控中心", OutreachBuilder.Risk);
        var named = await service.ChoosePitchTargetAsync(Alice, "风控中心", OutreachBuilder.Risk);

        Assert.IsType<PitchChoice.NoOpenOutreach>(nothing.Value);
        Assert.Equal("支付风控 SaaS", Assert.IsType<PitchChoice.NoTargetYet>(noTarget.Value).ProductIdea);
        Assert.IsType<PitchChoice.UnknownDepartment>(unknown.Value);
        var ready = Assert.IsType<PitchChoice.Ready>(added.Value);
        Assert.Equal((id, "D077", LeadRoute.OrgChart), (ready.Outreach.Id, ready.Target.Department.Id, ready.Target.Route));
        Assert.Equal("D077", Assert.IsType<PitchChoice.Ready>(named.Value).Target.Department.Id);
        Assert.Single((await service.GetAsync(Alice, id)).Value!.Targets);
        Assert.False(Assert.Single(events.Published.OfType<TargetAdded>()).FromFinder);
    }

    [Fact]
    public async Task An_introduction_is_stored_on_my_open_outreach_for_the_department_and_nowhere_else()
    {
        ReferralStep[] chain = [new("E1", "Li Lei"), new("E2", "Han Meimei")];
        var nowhere = await service.AttachReferralAsync(Alice, "D042", chain);
        var id = await OutreachAsync(Alice, TargetStage.Contacted);
        events.Published.Clear();

        var attached = await service.AttachReferralAsync(Alice, "d042", chain);

        Assert.Null(nowhere.GetValueOrThrow().Outreach);
        Assert.Equal((id, LeadRoute.Referral, 2), (attached.Value!.Outreach!.Id, attached.Value.Target!.Route, attached.Value.Target.ReferralChain.Count));
        Assert.Equal("D042", Assert.IsType<ReferralRecorded>(Assert.Single(events.Published)).DepartmentId);
    }

    [Fact]
    public async Task A_partner_picture_has_my_history_with_the_department_and_other_PMs_dealings()
    {
        await OutreachAsync(Bob, TargetStage.Interested);
        var id = await OutreachAsync(Alice, TargetStage.Contacted);
        await service.AddTargetAsync(Alice, id, OutreachBuilder.Risk);

        var picture = await service.PartnerPictureAsync(Alice, "支付中台", null);
        var directoryOnly = await service.PartnerPictureAsync(Alice, "法务部", new DepartmentRef("D099", "法务部", "Legal"));
        var unknown = await service.PartnerPictureAsync(Alice, "法务部", null);

        var mine = Assert.Single(picture!.Mine);
        Assert.Equal(("D042", id, false), (picture.DepartmentId, mine.Match.Outreach.OutreachId, picture.CanPitch));
        Assert.All(mine.Events, e => Assert.Equal("D042", e.DepartmentId));
        Assert.Equal([TimelineEventKind.TargetAdded, TimelineEventKind.Contacted], mine.Events.Select(e => e.Kind));
        Assert.Equal("bob", Assert.Single(picture.Others).OwnerKey);
        Assert.Equal(("D099", null, true), (directoryOnly!.DepartmentId, directoryOnly.Name, directoryOnly.CanPitch));
        Assert.Null(unknown);
    }

    [Fact]
    public async Task The_history_has_every_visible_outreach_with_its_whole_timeline()
    {
        var id = await OutreachAsync(Alice, TargetStage.Contacted);
        await OutreachAsync(Bob, TargetStage.Contacted);

        var history = await service.HistoryAsync(Alice);

        var only = Assert.Single(history);
        Assert.Equal(id, only.View.OutreachId);
        Assert.Equal([TimelineEventKind.Created, TimelineEventKind.TargetAdded, TimelineEventKind.Contacted], only.Events.Select(e => e.Kind));
    }

    private long Delta(IReadOnlyDictionary<string, long> before, string key) =>
        store.Snapshot().GetValueOrDefault(key) - before.GetValueOrDefault(key);

    private async Task<string> OutreachAsync(Requester owner, TargetStage stage)
    {
        var id = (await service.CreateAsync(owner, new NewOutreach("支付风控 SaaS", "实时风控", "Asia/Shanghai", FirstTarget: new NewTarget(OutreachBuilder.Payments, LeadRoute.KeywordSearch))))
            .GetValueOrThrow().Outreach.Id;
        if (stage != TargetStage.Identified)
        {
            (await service.RecordContactAsync(owner, id, new NewContact("D042", "P1", "李雷", null, "您好"))).GetValueOrThrow();
        }

        if (stage == TargetStage.Interested)
        {
            (await service.RecordOutcomeAsync(owner, id, "D042", ContactOutcome.Interested)).GetValueOrThrow();
        }

        return id;
    }
}
