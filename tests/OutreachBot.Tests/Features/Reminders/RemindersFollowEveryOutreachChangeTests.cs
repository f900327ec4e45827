using System.Reflection;
using OutreachBot.Domain.Outreaches;
using static OutreachBot.Tests.Features.Outreaches.OutreachChat;

namespace OutreachBot.Tests.Features.Reminders;

/// <summary>
/// Every kind of outreach change re-plans the outreach's automatic reminders, because the use case itself publishes
/// the change: a stale reminder planted before the change is gone after it, and what is left is the plan for the
/// outreach as it now stands. No chat handler is involved.
/// </summary>
public sealed class RemindersFollowEveryOutreachChangeTests : IDisposable
{
    private static readonly DepartmentRef Payments = new("pay-core", "支付中台", "Payments Platform");
    private static readonly DepartmentRef Risk = new("risk", "风控中心", "Risk Management Center");
    private static readonly StageOnePrep Prep = new("Merchants ask for fraud checks at checkout.", "Their gateway's transaction events.", "More volume through their gateway.");

    /// <summary>The use cases that only read; every other public use case must have a row below.</summary>
    private static readonly string[] Queries =
    [
        nameof(OutreachService.GetAsync), nameof(OutreachService.GetTimelineAsync), nameof(OutreachService.CheckCollisionsAsync),
        nameof(OutreachService.DraftPitchAsync), nameof(OutreachService.StatusAsync),
        nameof(OutreachService.PipelineAsync), nameof(OutreachService.PartnerStatusAsync), nameof(OutreachService.PartnerPictureAsync), nameof(OutreachService.VisibleToAsync),
        nameof(OutreachService.HistoryAsync), nameof(OutreachService.TeamPipelineAsync),
        nameof(OutreachService.FindAgreementCandidateAsync), nameof(OutreachService.ChooseStageTwoPartnerAsync),
    ];

    private static readonly Dictionary<string, Change> Table = new()
    {
        ["a new outreach with its prep and first target"] = new(nameof(OutreachService.CreateAsync), typeof(OutreachCreated), null, async (s, _, _) =>
            (await s.CreateAsync(Pm, new NewOutreach("Checkout risk", "payment gateway", "Asia/Shanghai", Prep: Prep, FirstTarget: new NewTarget(Payments)))).GetValueOrThrow().Outreach.Id),
        ["the three points"] = new(nameof(OutreachService.UpdatePrepAsync), typeof(PrepUpdated), TargetStage.Identified, async (s, id, _) =>
            (await s.UpdatePrepAsync(Pm, id, Prep)).GetValueOrThrow().Outreach.Id),
        ["who it is shared with"] = new(nameof(OutreachService.ShareAsync), typeof(SharingChanged), TargetStage.Identified, async (s, id, _) =>
            (await s.ShareAsync(Pm, id, new OutreachSharing(Colleagues: ["test:colleague"]))).GetValueOrThrow().Id),
        ["the deadline"] = new(nameof(OutreachService.ChangeDeadlineAsync), typeof(DeadlineChanged), TargetStage.Contacted, async (s, id, now) =>
            (await s.ChangeDeadlineAsync(Pm, id, now.AddDays(12))).GetValueOrThrow().Id),
        ["a target added to a known outreach"] = new(nameof(OutreachService.AddTargetAsync), typeof(TargetAdded), TargetStage.Contacted, async (s, id, _) =>
            (await s.AddTargetAsync(Pm, id, Risk, LeadRoute.KeywordSearch)).GetValueOrThrow().Outreach.Id),
        ["a target placed from a finder card"] = new(nameof(OutreachService.PlaceTargetAsync), typeof(TargetAdded), TargetStage.Contacted, async (s, _, _) =>
            Assert.IsType<TargetPlacement.Added>((await s.PlaceTargetAsync(Pm, null, new NewTarget(Risk, LeadRoute.Referral, FromFinder: true))).GetValueOrThrow()).Result.Outreach.Id),
        ["a target named for a pitch"] = new(nameof(OutreachService.ChoosePitchTargetAsync), typeof(TargetAdded), TargetStage.Contacted, async (s, _, _) =>
            Assert.IsType<PitchChoice.Ready>((await s.ChoosePitchTargetAsync(Pm, "Risk Management Center", Risk)).GetValueOrThrow()).Outreach.Id),
        ["a contact"] = new(nameof(OutreachService.RecordContactAsync), typeof(ContactRecorded), TargetStage.Identified, async (s, id, _) =>
            (await s.RecordContactAsync(Pm, id, new NewContact(Payments.Id, null, "Han Yu", null, "Hello"))).GetValueOrThrow().Outreach.Id),
        ["an outcome from a button"] = new(nameof(OutreachService.RecordOutcomeAsync), typeof(OutcomeRecorded), TargetStage.Contacted, async (s, id, _) =>
            (await s.RecordOutcomeAsync(Pm, new NewOutcome(new TargetRef.Known(id, Payments.Id), ContactOutcome.NoCapacity))).GetValueOrThrow().Outreach.Id),
        ["an outcome typed by department name"] = new(nameof(OutreachService.RecordOutcomeAsync), typeof(OutcomeRecorded), TargetStage.Contacted, async (s, _, _) =>
            (await s.RecordOutcomeAsync(Pm, new NewOutcome(new TargetRef.Named("payments platform"), ContactOutcome.Interested))).GetValueOrThrow().Outreach.Id),
        ["a meeting with what was learned"] = new(nameof(OutreachService.ScheduleMeetingAsync), typeof(MeetingScheduled), TargetStage.Interested, async (s, id, now) =>
            (await s.ScheduleMeetingAsync(Pm, id, new NewMeeting(Payments.Id, now.AddDays(4), Kpis: "volume"))).GetValueOrThrow().Outreach.Id),
        ["an agreement"] = new(nameof(OutreachService.MarkAgreedAsync), typeof(PartnerAgreed), TargetStage.MeetingScheduled, async (s, id, _) =>
            (await s.MarkAgreedAsync(Pm, id, Payments.Id, "Gateway events for checkout risk", "Wang Jun and Han Yu")).GetValueOrThrow().Id),
        ["an agreement asked for in the chat"] = new(nameof(OutreachService.RecordAgreementAsync), typeof(PartnerAgreed), TargetStage.Interested, async (s, _, _) =>
            (await s.RecordAgreementAsync(Pm, new NewAgreement(new TargetRef.Named("payments"), "Gateway events", "both leaders"))).GetValueOrThrow().Outreach.Id),
        ["a dropped department"] = new(nameof(OutreachService.DropAsync), typeof(TargetDropped), TargetStage.Contacted, async (s, id, _) =>
            (await s.DropAsync(Pm, id, Payments.Id)).GetValueOrThrow().Id),
        ["a department dropped by name"] = new(nameof(OutreachService.DropPartnerAsync), typeof(TargetDropped), TargetStage.Interested, async (s, _, _) =>
            (await s.DropPartnerAsync(Pm, new TargetRef.Named("支付中台"), "no budget this year")).GetValueOrThrow().Outreach.Id),
        ["a dropped department reopened"] = new(nameof(OutreachService.ReopenAsync), typeof(OutreachReopened), TargetStage.Dropped, async (s, id, _) =>
            Assert.IsType<Reopening.Reopened>((await s.ReopenAsync(Pm, new ReopenRequest(new TargetRef.Known(id, Payments.Id)))).GetValueOrThrow()).Outreach.Id),
        ["a closed outreach reopened"] = new(nameof(OutreachService.ReopenAsync), typeof(OutreachReopened), TargetStage.Dropped, async (s, id, _) =>
            Assert.IsType<Reopening.Reopened>((await s.ReopenAsync(Pm, new ReopenRequest(OutreachId: id))).GetValueOrThrow()).Outreach.Id),
        ["what one department is asked for"] = new(nameof(OutreachService.ChangeTargetSupportAsync), typeof(PrepUpdated), TargetStage.Identified, async (s, id, _) =>
            (await s.ChangeTargetSupportAsync(Pm, id, Payments.Id, "Read access to the gateway's settlement files.")).GetValueOrThrow().Outreach.Id),
        ["a referral chain on a known target"] = new(nameof(OutreachService.RecordReferralAsync), typeof(ReferralRecorded), TargetStage.Identified, async (s, id, _) =>
            (await s.RecordReferralAsync(Pm, id, Payments.Id, [new ReferralStep("E1", "Li Lei")])).GetValueOrThrow().Id),
        ["an introduction recorded in the finder"] = new(nameof(OutreachService.AttachReferralAsync), typeof(ReferralRecorded), TargetStage.Identified, async (s, _, _) =>
            (await s.AttachReferralAsync(Pm, Payments.Id, [new ReferralStep("E1", "Li Lei")])).GetValueOrThrow().Outreach!.Id),
        ["what was learned about the partner"] = new(nameof(OutreachService.RecordInsightAsync), typeof(InsightRecorded), TargetStage.Interested, async (s, id, _) =>
            (await s.RecordInsightAsync(Pm, id, Payments.Id, "volume", "stability")).GetValueOrThrow().Id),
    };

    private readonly HeardEvents heard = new();
    private readonly BotTestHost host;

    public RemindersFollowEveryOutreachChangeTests() => host = new BotTestHost(services => services.AddSingleton<IOutreachEventSubscriber>(heard));

    public static TheoryData<string> Changes
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Table.Keys)
            {
                data.Add(name);
            }

            return data;
        }
    }

    private OutreachService Service => host.Services.GetRequiredService<OutreachService>();

    private ReminderRepository Reminders => host.Services.GetRequiredService<ReminderRepository>();

    private DateTimeOffset Now => host.Clock.GetUtcNow();

    public void Dispose() => host.Dispose();

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Reminders_are_re_planned_after_every_kind_of_outreach_change(string change)
    {
        var row = Table[change];
        var arranged = row.PaymentsAt is { } stage ? await OutreachAtAsync(stage) : null;
        var stale = arranged is null ? null : await PlantStaleReminderAsync(arranged);
        heard.Events.Clear();

        var changedId = await row.Act(Service, arranged ?? "", Now);

        var published = Assert.Single(heard.Events);
        Assert.Equal(row.Event, published.GetType());
        Assert.Equal((changedId, Owner), (published.Outreach.Id, published.Actor));
        var outreach = (await Service.GetAsync(Pm, changedId)).GetValueOrThrow();
        var expected = outreach.IsOpen
            ? host.Services.GetRequiredService<AutomaticReminderRules>().Plan(OutreachReminderFacts.Of(outreach, "user:" + Owner, "en-US"), Now).Select(r => r.Id).Order().ToList()
            : [];
        var pending = (await Reminders.ListForOwnerAsync(Owner)).Where(r => r.OutreachId == changedId && r.Kind != ReminderKind.Manual).Select(r => r.Id).Order().ToList();
        Assert.Equal(expected, pending);
        Assert.True(stale is null || !pending.Contains(stale), "The reminder planted before the change should have been re-planned away.");
        Assert.True(outreach.IsOpen ? pending.Count > 0 : pending.Count == 0);
    }

    [Fact]
    public void Every_kind_of_outreach_event_and_every_changing_use_case_has_a_row()
    {
        var kinds = typeof(OutreachEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(OutreachEvent)) && !t.IsAbstract).Select(t => t.Name).Order();
        var useCases = typeof(OutreachService).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => m.Name).Except(Queries).Distinct().Order();

        Assert.Equal(kinds, Table.Values.Select(c => c.Event.Name).Distinct().Order());
        Assert.Equal(useCases, Table.Values.Select(c => c.UseCase).Distinct().Order());
    }

    /// <summary>An outreach whose one target, Payments Platform, has reached <paramref name="stage"/> by legal steps.</summary>
    private async Task<string> OutreachAtAsync(TargetStage stage)
    {
        var id = (await Service.CreateAsync(Pm, new NewOutreach("Checkout risk", "payment gateway", "Asia/Shanghai", FirstTarget: new NewTarget(Payments, LeadRoute.OrgChart))))
            .GetValueOrThrow().Outreach.Id;
        if (stage != TargetStage.Identified)
        {
            (await Service.RecordContactAsync(Pm, id, new NewContact(Payments.Id, null, "Han Yu", null, "Hello"))).GetValueOrThrow();
        }

        if (stage is TargetStage.Interested or TargetStage.MeetingScheduled)
        {
            (await Service.RecordOutcomeAsync(Pm, id, Payments.Id, ContactOutcome.Interested)).GetValueOrThrow();
        }

        if (stage == TargetStage.MeetingScheduled)
        {
            (await Service.ScheduleMeetingAsync(Pm, id, new NewMeeting(Payments.Id, Now.AddDays(3)))).GetValueOrThrow();
        }

        if (stage == TargetStage.Dropped)
        {
            (await Service.DropAsync(Pm, id, Payments.Id)).GetValueOrThrow();
        }

        return id;
    }

    /// <summary>An automatic reminder no plan would make, as if left over from an older state of the outreach.</summary>
    private async Task<string> PlantStaleReminderAsync(string outreachId)
    {
        var stale = new Reminder
        {
            Id = "a-stale-" + outreachId,
            OwnerKey = Owner,
            ConversationKey = "user:" + Owner,
            Text = "A nudge for a state the outreach is no longer in",
            Kind = ReminderKind.NoReply,
            Due = Now.AddHours(5),
            FireAt = Now.AddHours(5),
            CreatedAt = Now,
            OutreachId = outreachId,
            DepartmentId = Payments.Id,
        };
        await Reminders.ScheduleAsync(stale);
        Assert.Contains(await Reminders.ListForOwnerAsync(Owner), r => r.Id == stale.Id);
        return stale.Id;
    }

    private sealed record Change(string UseCase, Type Event, TargetStage? PaymentsAt, Func<OutreachService, string, DateTimeOffset, Task<string>> Act);

    private sealed class HeardEvents : IOutreachEventSubscriber
    {
        public List<OutreachEvent> Events { get; } = [];

        public Task OnOutreachEventAsync(OutreachEvent change, CancellationToken cancellationToken)
        {
            Events.Add(change);
            return Task.CompletedTask;
        }
    }
}
