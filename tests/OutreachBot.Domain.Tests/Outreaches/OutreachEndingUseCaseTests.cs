using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Domain.Tests.Outreaches;

/// <summary>The end-state use cases (agreement, drop, reopen) and the choice of the stage-2 partner.</summary>
public sealed class OutreachEndingUseCaseTests
{
    private static readonly Requester Alice = Requester.User("alice");
    private static readonly Requester Bob = Requester.User("bob");

    private readonly FakeTimeProvider time = new(OutreachBuilder.Start);
    private readonly RecordingOutreachEvents events = new();
    private readonly OutreachService service;
    private int ids;

    public OutreachEndingUseCaseTests() =>
        service = new OutreachService(
            new OutreachRepository(new InMemoryEntityStore()), new NoAlternativeDepartments(), new NextActionPlaybook(), time, newId: () => $"outreach-{++ids:D4}", events: events);

    [Fact]
    public async Task An_agreement_by_department_name_closes_the_outreach_and_publishes_it_with_the_agreement()
    {
        var id = await OutreachAsync(Alice, (OutreachBuilder.Payments, TargetStage.MeetingScheduled));
        time.Advance(TimeSpan.FromDays(3));
        events.Published.Clear();

        var agreed = await service.RecordAgreementAsync(Alice, new NewAgreement(new TargetRef.Named("支付"), "开放网关接口", "王总、李总"));

        var ended = agreed.GetValueOrThrow();
        Assert.True(ended.ClosedOutreach);
        Assert.Equal(new AgreementPace(3, true), ended.Pace);
        var change = Assert.IsType<PartnerAgreed>(Assert.Single(events.Published));
        Assert.Equal(("D042", "开放网关接口", "王总、李总"), (change.DepartmentId, change.Agreement.Terms, change.Agreement.DecidedBy));
        Assert.False(change.Outreach.IsOpen);
        Assert.Equal(id, change.Outreach.Id);
    }

    [Fact]
    public async Task An_agreement_before_any_contact_or_any_answer_is_refused_and_publishes_nothing()
    {
        var identified = await OutreachAsync(Alice, (OutreachBuilder.Payments, TargetStage.Identified));
        var contacted = await OutreachAsync(Alice, (OutreachBuilder.Risk, TargetStage.Contacted));
        events.Published.Clear();

        var early = await service.FindAgreementCandidateAsync(Alice, new TargetRef.Known(identified, "D042"));
        var unanswered = await service.RecordAgreementAsync(Alice, new NewAgreement(new TargetRef.Known(contacted, "D077"), "开放接口", "双方领导"));
        var someoneElses = await service.RecordAgreementAsync(Bob, new NewAgreement(new TargetRef.Known(contacted, "D077"), "开放接口", "双方领导"));

        Assert.Equal(TargetStage.Agreed, Assert.IsType<OutcomeBeforeContact>(early.Error).To);
        Assert.Equal((TargetStage.Contacted, TargetStage.Agreed), (Assert.IsType<IllegalStageTransition>(unanswered.Error).From, ((IllegalStageTransition)unanswered.Error!).To));
        Assert.IsType<OutreachNotFound>(someoneElses.Error);
        Assert.Empty(events.Published);
    }

    [Fact]
    public async Task Dropping_one_of_two_partners_keeps_the_outreach_open()
    {
        await OutreachAsync(Alice, (OutreachBuilder.Payments, TargetStage.Interested), (OutreachBuilder.Risk, TargetStage.Contacted));

        var dropped = await service.DropPartnerAsync(Alice, new TargetRef.Named("risk control"), "预算冻结");

        Assert.False(dropped.GetValueOrThrow().ClosedOutreach);
        Assert.Equal(TargetStage.Dropped, dropped.Value!.Target.Stage);
        Assert.IsType<TargetDropped>(Assert.Single(events.Published.TakeLast(1)));
    }

    [Fact]
    public async Task Reopen_by_name_prefers_the_partner_that_ended()
    {
        var first = await OutreachAsync(Alice, (OutreachBuilder.Payments, TargetStage.Interested));
        (await service.DropAsync(Alice, first, "D042")).GetValueOrThrow();
        time.Advance(TimeSpan.FromHours(1));
        await OutreachAsync(Alice, (OutreachBuilder.Payments, TargetStage.Contacted));

        var reopened = await service.ReopenAsync(Alice, new ReopenRequest(new TargetRef.Named("支付中台")));

        var result = Assert.IsType<Reopening.Reopened>(reopened.GetValueOrThrow());
        Assert.Equal((first, TargetStage.Interested), (result.Outreach.Id, result.Target!.Stage));
        Assert.True(result.Outreach.IsOpen);
        Assert.Equal("D042", Assert.IsType<OutreachReopened>(events.Published[^1]).DepartmentId);
    }

    [Fact]
    public async Task Reopen_without_a_department_reopens_my_one_closed_outreach_and_asks_when_there_are_several()
    {
        var nothing = await service.ReopenAsync(Alice, new ReopenRequest());
        var first = await ClosedAsync();
        var one = await service.ReopenAsync(Alice, new ReopenRequest());
        await ClosedAsync();
        await ClosedAsync();

        var several = await service.ReopenAsync(Alice, new ReopenRequest());

        Assert.IsType<Reopening.NothingClosed>(nothing.GetValueOrThrow());
        Assert.Equal(first, Assert.IsType<Reopening.Reopened>(one.GetValueOrThrow()).Outreach.Id);
        Assert.Equal(2, Assert.IsType<Reopening.ChooseOutreach>(several.GetValueOrThrow()).Closed.Count);
    }

    [Fact]
    public async Task Someone_elses_outreach_cannot_be_reopened()
    {
        var theirs = await ClosedAsync(Bob);

        var reopened = await service.ReopenAsync(Alice, new ReopenRequest(OutreachId: theirs));

        Assert.IsType<OutreachNotFound>(reopened.Error);
    }

    [Fact]
    public async Task With_two_partners_in_stage_two_the_user_chooses_unless_one_is_named()
    {
        var id = await OutreachAsync(Alice, (OutreachBuilder.Payments, TargetStage.Interested), (OutreachBuilder.Risk, TargetStage.MeetingScheduled));

        var unnamed = await service.ChooseStageTwoPartnerAsync(Alice, new StageTwoPartnerRequest());
        var named = await service.ChooseStageTwoPartnerAsync(Alice, new StageTwoPartnerRequest(Named: "支付"));
        var byButton = await service.ChooseStageTwoPartnerAsync(Alice, new StageTwoPartnerRequest(OutreachId: id, DepartmentId: "D077"));

        var choose = Assert.IsType<StageTwoPartnerChoice.ChoosePartner>(unnamed.GetValueOrThrow());
        Assert.Equal(["D077", "D042"], choose.Candidates.Select(c => c.Department.Id));
        var ready = Assert.IsType<StageTwoPartnerChoice.Ready>(named.GetValueOrThrow());
        Assert.Equal("D042", ready.Partner!.Department.Id);
        Assert.Equal(["D077"], ready.Others.Select(o => o.Department.Id));
        Assert.Equal("D077", Assert.IsType<StageTwoPartnerChoice.Ready>(byButton.GetValueOrThrow()).Partner!.Department.Id);
    }

    [Fact]
    public async Task A_department_the_directory_reads_in_the_text_is_meant_when_no_partner_name_matches()
    {
        var id = await OutreachAsync(Alice, (OutreachBuilder.Payments, TargetStage.Interested), (OutreachBuilder.Risk, TargetStage.MeetingScheduled));

        var byKeyword = await service.ChooseStageTwoPartnerAsync(Alice, new StageTwoPartnerRequest(Named: "反欺诈", NamedDirectoryId: "D077"));
        var unread = await service.ChooseStageTwoPartnerAsync(Alice, new StageTwoPartnerRequest(Named: "反欺诈"));
        var notMine = await service.ChooseStageTwoPartnerAsync(Alice, new StageTwoPartnerRequest(Named: "反欺诈", NamedDirectoryId: "D500"));
        var dropped = await service.DropPartnerAsync(Alice, new TargetRef.Named("反欺诈", "D077"), "预算冻结");

        Assert.Equal("D077", Assert.IsType<StageTwoPartnerChoice.Ready>(byKeyword.GetValueOrThrow()).Partner!.Department.Id);
        Assert.IsType<StageTwoPartnerChoice.UnknownPartner>(unread.GetValueOrThrow());
        Assert.IsType<StageTwoPartnerChoice.UnknownPartner>(notMine.GetValueOrThrow());
        Assert.Equal((id, "D077"), (dropped.GetValueOrThrow().Outreach.Id, dropped.Value!.Target.Department.Id));
    }

    [Fact]
    public async Task One_partner_in_stage_two_is_chosen_without_asking_and_a_stale_remembered_choice_falls_back()
    {
        var id = await OutreachAsync(Alice, (OutreachBuilder.Payments, TargetStage.Contacted), (OutreachBuilder.Risk, TargetStage.Interested));

        var obvious = await service.ChooseStageTwoPartnerAsync(Alice, new StageTwoPartnerRequest());
        var remembered = await service.ChooseStageTwoPartnerAsync(Alice, new StageTwoPartnerRequest(OutreachId: id, DepartmentId: "D999", Remembered: true));
        var forged = await service.ChooseStageTwoPartnerAsync(Alice, new StageTwoPartnerRequest(OutreachId: id, DepartmentId: "D999"));
        var unknown = await service.ChooseStageTwoPartnerAsync(Alice, new StageTwoPartnerRequest(Named: "人力资源部"));

        Assert.Equal("D077", Assert.IsType<StageTwoPartnerChoice.Ready>(obvious.GetValueOrThrow()).Partner!.Department.Id);
        Assert.Equal("D077", Assert.IsType<StageTwoPartnerChoice.Ready>(remembered.GetValueOrThrow()).Partner!.Department.Id);
        Assert.IsType<UnknownTarget>(forged.Error);
        Assert.Equal("人力资源部", Assert.IsType<StageTwoPartnerChoice.UnknownPartner>(unknown.GetValueOrThrow()).Text);
    }

    [Fact]
    public async Task Without_an_outreach_there_is_no_stage_two_partner()
    {
        var choice = await service.ChooseStageTwoPartnerAsync(Alice, new StageTwoPartnerRequest());

        Assert.IsType<StageTwoPartnerChoice.NoOutreach>(choice.GetValueOrThrow());
    }

    private async Task<string> ClosedAsync(Requester? owner = null)
    {
        var id = await OutreachAsync(owner ?? Alice, (OutreachBuilder.Payments, TargetStage.Contacted));
        (await service.DropAsync(owner ?? Alice, id, "D042")).GetValueOrThrow();
        return id;
    }

    private async Task<string> OutreachAsync(Requester owner, params (DepartmentRef Department, TargetStage Stage)[] targets)
    {
        var id = (await service.CreateAsync(owner, new NewOutreach("支付风控 SaaS", "实时风控", "Asia/Shanghai"))).GetValueOrThrow().Outreach.Id;
        foreach (var (department, stage) in targets)
        {
            (await service.AddTargetAsync(owner, id, department, LeadRoute.KeywordSearch)).GetValueOrThrow();
            if (stage == TargetStage.Identified)
            {
                continue;
            }

            (await service.RecordContactAsync(owner, id, new NewContact(department.Id, "P1", "李雷", null, "您好"))).GetValueOrThrow();
            if (stage is TargetStage.Interested or TargetStage.MeetingScheduled)
            {
                (await service.RecordOutcomeAsync(owner, id, department.Id, ContactOutcome.Interested)).GetValueOrThrow();
            }

            if (stage == TargetStage.MeetingScheduled)
            {
                (await service.ScheduleMeetingAsync(owner, id, new NewMeeting(department.Id, time.GetUtcNow().AddDays(2)))).GetValueOrThrow();
            }
        }

        return id;
    }
}
