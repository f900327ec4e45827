using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Domain.Tests.Outreaches;

public sealed class OutreachServiceTests
{
    private static readonly Requester Alice = Requester.User("alice");
    private static readonly Requester Bob = Requester.User("bob");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 3, 3, 2, 0, 0, TimeSpan.Zero));
    private readonly FixedAlternatives alternatives = new();
    private readonly OutreachService service;
    private int ids;

    public OutreachServiceTests() =>
        service = new OutreachService(new OutreachRepository(new InMemoryEntityStore()), alternatives, new NextActionPlaybook(), time, newId: () => $"outreach-{++ids:D4}");

    [Fact]
    public async Task Default_deadline_is_the_end_of_the_local_day_seven_days_out()
    {
        // 01:00 on Tuesday 4 March in Shanghai, still Monday in UTC.
        time.SetUtcNow(new DateTimeOffset(2025, 3, 3, 17, 0, 0, TimeSpan.Zero));

        var created = await service.CreateAsync(Alice, new NewOutreach("支付风控 SaaS", "实时风控", "Asia/Shanghai"));

        var deadline = created.Value!.Outreach.Deadline;
        Assert.Equal(new DateTimeOffset(2025, 3, 12, 0, 0, 0, TimeSpan.FromHours(8)), deadline.AddTicks(1));
    }

    [Fact]
    public async Task Unknown_time_zone_is_a_clear_error()
    {
        var created = await service.CreateAsync(Alice, new NewOutreach("支付风控 SaaS", null, "Mars/Olympus"));

        Assert.Contains("Asia/Shanghai", Assert.IsType<InvalidOutreachInput>(created.Error).Message.En);
    }

    [Fact]
    public async Task User_B_with_user_A_outreach_id_gets_nothing_of_A()
    {
        var id = await CreateWithTarget(Alice, TargetStage.Contacted);

        var attempts = new List<OutreachError?>
        {
            (await service.GetAsync(Bob, id)).Error,
            (await service.GetTimelineAsync(Bob, id)).Error,
            (await service.UpdatePrepAsync(Bob, id, new StageOnePrep("x"))).Error,
            (await service.ShareAsync(Bob, id, new OutreachSharing(null, null, ["bob"]))).Error,
            (await service.ChangeDeadlineAsync(Bob, id, time.GetUtcNow().AddDays(30))).Error,
            (await service.AddTargetAsync(Bob, id, OutreachBuilder.Risk)).Error,
            (await service.PlaceTargetAsync(Bob, id, new NewTarget(OutreachBuilder.Risk))).Error,
            (await service.RecordContactAsync(Bob, id, new NewContact("D042", null, "李雷", LeadRoute.OrgChart, null))).Error,
            (await service.RecordOutcomeAsync(Bob, id, "D042", ContactOutcome.Refused, RefusalReason.Other)).Error,
            (await service.RecordOutcomeAsync(Bob, id, "D042", ContactOutcome.Interested)).Error,
            (await service.RecordOutcomeAsync(Bob, new NewOutcome(new TargetRef.Known(id, "D042"), ContactOutcome.Interested))).Error,
            (await service.ScheduleMeetingAsync(Bob, id, new NewMeeting("D042", time.GetUtcNow().AddDays(1)))).Error,
            (await service.MarkAgreedAsync(Bob, id, "D042", "风控接口接入", "双方领导")).Error,
            (await service.DropAsync(Bob, id, "D042")).Error,
            (await service.RecordInsightAsync(Bob, id, "D042", "kpi", null)).Error,
            (await service.RecordReferralAsync(Bob, id, "D042", [new ReferralStep("E1", "Li Lei")])).Error,
            (await service.DraftPitchAsync(Bob, id, "D042", PitchVariant.FirstContact, Language.Chinese, new PitchPeople(new PitchPerson("鲍勃", "Bob"), null, null))).Error,
            (await service.ChangeTargetSupportAsync(Bob, id, "D042", "开放实时风控评分接口")).Error,
        };

        Assert.All(attempts, e => Assert.IsType<OutreachNotFound>(e));
        Assert.Equal(new OutreachNotFound(), (await service.GetAsync(Bob, "outreach-9999")).Error);
        var untouched = (await service.GetAsync(Alice, id)).Value!;
        Assert.Equal((TargetStage.Contacted, 1, StageOnePrep.Empty), (untouched.FindTarget("D042")!.Stage, untouched.Targets.Count, untouched.Prep));
        Assert.True(untouched.Deadline < time.GetUtcNow().AddDays(30));
        Assert.Empty(untouched.Sharing.ColleagueKeys);
    }

    [Fact]
    public async Task A_referral_chain_recorded_on_a_target_makes_it_a_referral_lead_and_rejects_unknown_targets_and_long_chains()
    {
        var id = await CreateWithTarget(Alice, TargetStage.Identified);
        ReferralStep[] chain = [new("E1", "Li Lei"), new("E2", "Han Meimei")];

        var recorded = await service.RecordReferralAsync(Alice, id, "D042", chain);
        var unknown = await service.RecordReferralAsync(Alice, id, "D999", chain);
        var tooLong = await service.RecordReferralAsync(Alice, id, "D042", [.. Enumerable.Range(0, OutreachLimits.MaxReferralSteps + 1).Select(i => new ReferralStep($"E{i}", "x"))]);

        var target = recorded.Value!.FindTarget("D042")!;
        Assert.Equal((LeadRoute.Referral, 2), (target.Route, target.ReferralChain.Count));
        Assert.Equal("Li Lei → Han Meimei", recorded.Value.Timeline[^1].Details);
        Assert.IsType<UnknownTarget>(unknown.Error);
        Assert.IsType<OutreachLimitReached>(tooLong.Error);
        Assert.Equal(2, (await service.GetAsync(Alice, id)).Value!.FindTarget("D042")!.ReferralChain.Count);
    }

    [Fact]
    public async Task A_colleague_it_is_shared_with_can_work_on_it_but_not_reshare_it()
    {
        var id = await CreateWithTarget(Alice, TargetStage.Identified);
        await service.ShareAsync(Alice, id, new OutreachSharing(null, null, ["bob"]));

        var contact = await service.RecordContactAsync(Bob, id, new NewContact("D042", "P1", "李雷", LeadRoute.Referral, "您好"));
        var reshare = await service.ShareAsync(Bob, id, new OutreachSharing(null, null, ["bob", "mallory"]));

        Assert.True(contact.IsSuccess);
        Assert.Equal("bob", contact.Value!.Outreach.Timeline[^1].Actor);
        Assert.IsType<OutreachForbidden>(reshare.Error);
    }

    [Fact]
    public async Task Team_sharing_opens_the_outreach_to_members_of_that_team_only()
    {
        var id = (await service.CreateAsync(Alice, new NewOutreach("支付风控 SaaS", null, "Asia/Shanghai", Sharing: new OutreachSharing("team-risk")))).Value!.Outreach.Id;

        Assert.True((await service.GetAsync(new Requester("carol", ["team-risk"]), id)).IsSuccess);
        Assert.IsType<OutreachNotFound>((await service.GetAsync(new Requester("carol", ["team-other"]), id)).Error);
    }

    [Fact]
    public async Task Targeting_a_department_another_PM_is_courting_warns_with_owner_stage_and_date()
    {
        await CreateWithTarget(Bob, TargetStage.Interested);
        var mine = (await service.CreateAsync(Alice, new NewOutreach("数据产品", null, "Asia/Shanghai"))).Value!.Outreach.Id;

        var added = await service.AddTargetAsync(Alice, mine, OutreachBuilder.Payments, LeadRoute.KeywordSearch);

        var warning = Assert.Single(added.Value!.Warnings);
        Assert.Equal((CollisionKind.BeingCourted, "bob", TargetStage.Interested), (warning.Kind, warning.OwnerKey, warning.Stage));
        Assert.Equal(("D042", "支付中台", "Payments Platform"), (warning.DepartmentId, warning.DepartmentName.Zh, warning.DepartmentName.En));
        Assert.Equal(time.GetUtcNow(), warning.Since);
    }

    [Fact]
    public async Task A_recent_refusal_warns_with_its_reason_and_an_old_one_does_not()
    {
        var bobs = await CreateWithTarget(Bob, TargetStage.Contacted);
        await service.RecordOutcomeAsync(Bob, bobs, "D042", ContactOutcome.Refused, RefusalReason.RevenueNotTheirKpi, "只考核稳定性");

        time.Advance(TimeSpan.FromDays(30));
        var recent = await service.CheckCollisionsAsync(Alice, "D042");
        time.Advance(TimeSpan.FromDays(61));
        var old = await service.CheckCollisionsAsync(Alice, "D042");

        var warning = Assert.Single(recent);
        Assert.Equal((CollisionKind.RefusedRecently, RefusalReason.RevenueNotTheirKpi), (warning.Kind, warning.RefusalReason));
        Assert.Equal(("bob", "只考核稳定性"), (warning.OwnerKey, warning.Note));
        Assert.Equal(time.GetUtcNow().AddDays(-91), warning.Since);
        Assert.Empty(old);
    }

    [Fact]
    public async Task My_own_outreaches_do_not_warn_me()
    {
        await CreateWithTarget(Alice, TargetStage.Interested);

        Assert.Empty(await service.CheckCollisionsAsync(Alice, "D042"));
    }

    [Fact]
    public async Task Refused_outcome_offers_alternatives_but_not_departments_that_refused_recently_or_are_already_targeted()
    {
        var bobs = await CreateWithTarget(Bob, TargetStage.Contacted, OutreachBuilder.Risk);
        await service.RecordOutcomeAsync(Bob, bobs, "D077", ContactOutcome.Refused, RefusalReason.NotTheirScope);
        alternatives.Results = [new("D042", "支付中台", "Payments Platform"), new("D077", "风控中心", "Risk Control Center"), new("D080", "数据智能部", "Data Intelligence")];
        var mine = await CreateWithTarget(Alice, TargetStage.Contacted);

        var recorded = await service.RecordOutcomeAsync(Alice, mine, "D042", ContactOutcome.Refused, RefusalReason.FocusedOnCore, "今年只做本业");

        Assert.Equal(["D080"], recorded.Value!.Playbook.Alternatives.Select(a => a.DepartmentId));
        Assert.Equal("D042", alternatives.LastQuery!.RefusingDepartmentId);
        Assert.True(recorded.Value.Playbook.Has(PlaybookAction.RespectTheirFocus));
        Assert.Equal(TargetStage.Refused, recorded.Value.Outreach.FindTarget("D042")!.Stage);
    }

    [Fact]
    public async Task No_capacity_outcome_keeps_the_proposed_follow_up_on_the_target()
    {
        var id = await CreateWithTarget(Alice, TargetStage.Contacted);

        var recorded = await service.RecordOutcomeAsync(Alice, id, "D042", ContactOutcome.NoCapacity);

        var slot = recorded.Value!.Playbook.ProposedSlot;
        Assert.NotNull(slot);
        Assert.Equal(slot, recorded.Value.Outreach.FindTarget("D042")!.FollowUpAt);
        Assert.Equal(slot, (await service.GetAsync(Alice, id)).Value!.FindTarget("D042")!.FollowUpAt);
        Assert.Equal(PitchVariant.CapabilityOnly, recorded.Value.Playbook.Message);
    }

    [Fact]
    public async Task An_illegal_outcome_returns_the_transition_error_and_no_playbook()
    {
        var id = await CreateWithTarget(Alice, TargetStage.Contacted);
        await service.RecordOutcomeAsync(Alice, id, "D042", ContactOutcome.Refused);

        var recorded = await service.RecordOutcomeAsync(Alice, id, "D042", ContactOutcome.Interested);

        var illegal = Assert.IsType<IllegalStageTransition>(recorded.Error);
        Assert.Equal((TargetStage.Refused, TargetStage.Interested), (illegal.From, illegal.To));
    }

    [Fact]
    public async Task An_outcome_before_any_contact_is_refused_with_the_outreach_and_department_and_changes_nothing()
    {
        var id = await CreateWithTarget(Alice, TargetStage.Identified);
        var before = (await service.GetAsync(Alice, id)).Value!.Version;

        var recorded = await service.RecordOutcomeAsync(Alice, id, "d042", ContactOutcome.Interested);

        var early = Assert.IsType<OutcomeBeforeContact>(recorded.Error);
        Assert.Equal((id, "D042", TargetStage.Interested), (early.OutreachId, early.Department.Id, early.To));
        Assert.Contains("支付中台", early.Message.Zh);
        Assert.Equal(before, (await service.GetAsync(Alice, id)).Value!.Version);
    }

    [Fact]
    public async Task Pitch_through_the_service_uses_the_referrer_from_the_recorded_chain()
    {
        var id = (await service.CreateAsync(Alice, new NewOutreach("支付风控 SaaS", "实时风控", "Asia/Shanghai"))).Value!.Outreach.Id;
        await service.UpdatePrepAsync(Alice, id, new StageOnePrep("中小银行客户愿意采购实时风控", "实时交易风控的接口能力", "带来新的收入，拓展银行业务"));
        await service.AddTargetAsync(Alice, id, OutreachBuilder.Payments, LeadRoute.Referral, [new ReferralStep("P9", "王强")]);

        var pitch = await service.DraftPitchAsync(
            Alice, id, "D042", PitchVariant.FirstContact, Language.Chinese, new PitchPeople(new PitchPerson("张三", "San Zhang"), null, new PitchPerson("李雷", "Lei Li")));

        var parts = pitch.Value!.Parts!;
        Assert.Equal((PitchOpening.Referral, "王强", "李雷"), (parts.Opening, parts.Introducer, parts.GreetingName));
    }

    [Fact]
    public async Task Each_department_can_be_asked_for_its_own_support_and_a_blank_goes_back_to_the_outreachs()
    {
        var id = await CreateWithTarget(Alice, TargetStage.Identified);
        await service.UpdatePrepAsync(Alice, id, new StageOnePrep("中小银行客户愿意采购实时风控", "实时交易风控的接口能力", "带来新的收入，拓展银行业务"));

        var changed = await service.ChangeTargetSupportAsync(Alice, id, "D042", "  开放实时风控评分接口  ");
        var tailored = (await service.GetAsync(Alice, id)).Value!;
        var reset = await service.ChangeTargetSupportAsync(Alice, id, "D042", " ");

        Assert.Equal("开放实时风控评分接口", changed.Value!.Target.SupportNeeded);
        Assert.Equal("开放实时风控评分接口", PitchSupport.For(tailored, tailored.FindTarget("D042")!));
        Assert.Null(reset.Value!.Target.SupportNeeded);
        Assert.Equal("实时交易风控的接口能力", PitchSupport.For(reset.Value.Outreach, reset.Value.Target));
        Assert.IsType<UnknownTarget>((await service.ChangeTargetSupportAsync(Alice, id, "D999", "开放接口")).Error);
        Assert.IsType<InvalidOutreachInput>((await service.ChangeTargetSupportAsync(Alice, id, "D042", new string('长', OutreachLimits.MaxPrepPointLength + 1))).Error);
    }

    private async Task<string> CreateWithTarget(Requester owner, TargetStage stage, DepartmentRef? department = null)
    {
        var dept = department ?? OutreachBuilder.Payments;
        var id = (await service.CreateAsync(owner, new NewOutreach("支付风控 SaaS", "实时风控", "Asia/Shanghai"))).Value!.Outreach.Id;
        await service.AddTargetAsync(owner, id, dept, LeadRoute.KeywordSearch);
        if (stage != TargetStage.Identified)
        {
            await service.RecordContactAsync(owner, id, new NewContact(dept.Id, "P1", "李雷", LeadRoute.KeywordSearch, "您好"));
        }

        if (stage is TargetStage.Interested)
        {
            await service.RecordOutcomeAsync(owner, id, dept.Id, ContactOutcome.Interested);
        }

        return id;
    }

    private sealed class FixedAlternatives : IAlternativeDepartments
    {
        public IReadOnlyList<AlternativeDepartment> Results { get; set; } = [];

        public AlternativeDepartmentQuery? LastQuery { get; private set; }

        public Task<IReadOnlyList<AlternativeDepartment>> FindAsync(AlternativeDepartmentQuery query, CancellationToken cancellationToken = default)
        {
            LastQuery = query;
            return Task.FromResult(Results);
        }
    }
}
