using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Domain.Tests.Outreaches;

/// <summary>The week's result on the aggregate: an agreement (what and who), drops, closing when every partner ended, reopening.</summary>
public sealed class OutreachEndingTests
{
    private static readonly DateTimeOffset Later = OutreachBuilder.Start.AddDays(2);

    [Fact]
    public void An_agreement_keeps_what_was_agreed_on_one_line_and_who_decided()
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.MeetingScheduled).Build();

        var error = outreach.MarkAgreed("alice", Later, "D042", "  开放实时风控接口\n收入六四分成  ", "王总、李总");

        Assert.Null(error);
        var target = outreach.FindTarget("D042")!;
        Assert.Equal(TargetStage.Agreed, target.Stage);
        Assert.Equal(new Agreement("开放实时风控接口 收入六四分成", "王总、李总", Later, "alice"), target.Agreement);
        Assert.Equal(TargetStage.MeetingScheduled, target.EndedFrom);
    }

    [Theory]
    [InlineData("", "王总", "达成的内容")]
    [InlineData("开放接口", "   ", "拍板的人")]
    public void An_agreement_without_what_or_who_is_refused_and_changes_nothing(string terms, string decidedBy, string missing)
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.MeetingScheduled).Build();
        var before = System.Text.Json.JsonSerializer.Serialize(outreach.ToSnapshot());

        var error = outreach.MarkAgreed("alice", Later, "D042", terms, decidedBy);

        Assert.Contains(missing, Assert.IsType<InvalidOutreachInput>(error).Message.Zh);
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(outreach.ToSnapshot()));
    }

    [Fact]
    public void An_interested_partner_may_agree_without_a_meeting_booked_here_but_not_before_answering()
    {
        var interested = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.Interested).Build();
        var contacted = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.Contacted).Build();

        Assert.Null(interested.MarkAgreed("alice", Later, "D042", "开放接口", "双方领导"));
        Assert.IsType<IllegalStageTransition>(contacted.MarkAgreed("alice", Later, "D042", "开放接口", "双方领导"));
    }

    [Fact]
    public void The_outreach_closes_only_when_its_last_open_partner_ends()
    {
        var outreach = new OutreachBuilder()
            .Targeting(OutreachBuilder.Payments, TargetStage.MeetingScheduled)
            .Targeting(OutreachBuilder.Risk, TargetStage.Contacted)
            .Build();

        outreach.MarkAgreed("alice", Later, "D042", "开放接口", "双方领导");
        var openAfterAgreement = outreach.IsOpen;
        outreach.Drop("alice", Later.AddHours(1), "D077", "对方今年没有预算");

        Assert.True(openAfterAgreement);
        Assert.False(outreach.IsOpen);
        Assert.Equal(Later.AddHours(1), outreach.ClosedAt);
        Assert.Equal([TimelineEventKind.Agreed, TimelineEventKind.Dropped, TimelineEventKind.Closed], outreach.Timeline.TakeLast(3).Select(e => e.Kind));
        Assert.Equal("对方今年没有预算", outreach.FindTarget("D077")!.OutcomeNote);
    }

    [Fact]
    public void Reopening_a_dropped_partner_puts_it_back_where_it_stood_and_reopens_the_outreach()
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.Interested).Build();
        outreach.Drop("alice", Later, "D042", null);

        var error = outreach.Reopen("alice", Later.AddHours(1), "D042");

        Assert.Null(error);
        Assert.True(outreach.IsOpen);
        var target = outreach.FindTarget("D042")!;
        Assert.Equal((TargetStage.Interested, (TargetStage?)null), (target.Stage, target.EndedFrom));
        Assert.Equal((TimelineEventKind.Reopened, "D042"), (outreach.Timeline[^1].Kind, outreach.Timeline[^1].DepartmentId));
    }

    [Fact]
    public void Reopening_an_agreed_partner_forgets_the_agreement()
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.Agreed).Build();

        outreach.Reopen("alice", Later, "D042");

        var target = outreach.FindTarget("D042")!;
        Assert.Equal(TargetStage.MeetingScheduled, target.Stage);
        Assert.Null(target.Agreement);
        Assert.Null(outreach.FirstAgreed);
    }

    [Fact]
    public void A_reopened_outreach_stays_open_until_another_partner_ends()
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.Refused).Build();

        var error = outreach.Reopen("alice", Later, null);
        var openWithEveryPartnerEnded = outreach.IsOpen;
        outreach.AddTarget("alice", Later, OutreachBuilder.Risk, LeadRoute.KeywordSearch, null);
        outreach.Drop("alice", Later.AddHours(1), "D077", null);

        Assert.Null(error);
        Assert.True(openWithEveryPartnerEnded);
        Assert.Equal(Later, outreach.ReopenedAt);
        Assert.False(outreach.IsOpen);
        Assert.Equal(TargetStage.Refused, outreach.FindTarget("D042")!.Stage);
    }

    [Fact]
    public void Reopening_what_is_still_open_is_refused_in_both_languages()
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.Interested).Build();

        var partner = Assert.IsType<NothingToReopen>(outreach.Reopen("alice", Later, "D042"));
        var whole = Assert.IsType<NothingToReopen>(outreach.Reopen("alice", Later, null));

        Assert.Contains("支付中台", partner.Message.Zh);
        Assert.Contains("Payments Platform is still open", partner.Message.En);
        Assert.Contains("still open", whole.Message.En);
    }

    [Fact]
    public void A_record_stored_before_closing_was_kept_is_closed_when_every_partner_had_ended()
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.Dropped).Build();
        var stored = outreach.ToSnapshot() with { ClosedAt = null, ReopenedAt = null };

        var read = Outreach.FromSnapshot(stored);

        Assert.False(read.IsOpen);
        Assert.Equal(outreach.FindTarget("D042")!.StageChangedAt, read.ClosedAt);
    }

    [Theory]
    [InlineData(0, 10, 0, true)]
    [InlineData(4, 10, 4, true)]
    [InlineData(6, 15, 6, true)]
    [InlineData(8, 10, 8, false)]
    public void The_pace_counts_calendar_days_in_the_outreach_time_zone_and_checks_the_deadline(int daysLater, int localHour, int expectedDays, bool within)
    {
        // Monday 2025-03-03 10:00 in Shanghai; the default deadline is the end of the seventh day.
        var started = new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.FromHours(8));
        var deadline = new DateTimeOffset(2025, 3, 10, 23, 59, 59, TimeSpan.FromHours(8));
        var agreed = new DateTimeOffset(2025, 3, 3 + daysLater, localHour, 0, 0, TimeSpan.FromHours(8));

        var pace = AgreementPace.Of(started, agreed, deadline, LocalTime.ZoneOrUtc("Asia/Shanghai"));

        Assert.Equal(new AgreementPace(expectedDays, within), pace);
    }

    [Fact]
    public void Just_after_midnight_in_Shanghai_is_the_next_day_although_it_is_the_same_day_in_UTC()
    {
        var started = new DateTimeOffset(2025, 3, 3, 1, 0, 0, TimeSpan.Zero);
        var agreed = new DateTimeOffset(2025, 3, 3, 16, 30, 0, TimeSpan.Zero);

        var pace = AgreementPace.Of(started, agreed, agreed.AddDays(1), LocalTime.ZoneOrUtc("Asia/Shanghai"));

        Assert.Equal(1, pace.Days);
    }

    [Fact]
    public void The_pipeline_totals_count_agreements_their_average_days_and_those_within_the_deadline()
    {
        var fast = Agreed("o1", daysAfterStart: 3);
        var late = Agreed("o2", daysAfterStart: 9);
        var open = new OutreachBuilder().WithId("o3").Targeting(OutreachBuilder.Payments, TargetStage.Interested).Build();
        var now = OutreachBuilder.Start.AddDays(10);

        var totals = OutreachStatus.Paginate([.. new[] { fast, late, open }.Select(o => OutreachStatus.View(o, "alice", now))], 1, 20).Totals;

        Assert.Equal((2, 1, 6.0), (totals.Agreed, totals.AgreedWithinDeadline, totals.AverageDaysToAgreement));
        Assert.Equal(1, totals.Open);
    }

    [Fact]
    public void The_status_of_an_agreed_partner_carries_the_agreement_and_its_pace()
    {
        var outreach = Agreed("o1", daysAfterStart: 3);

        var view = OutreachStatus.View(outreach, "alice", OutreachBuilder.Start.AddDays(4));

        var target = view.Targets.Single();
        Assert.Equal("开放接口", target.Agreement!.Terms);
        Assert.Equal(new AgreementPace(3, true), target.Pace);
        Assert.Equal(target.Pace, view.Pace);
        Assert.False(view.IsOpen);
    }

    [Fact]
    public void A_referral_chain_is_told_as_it_happened_in_both_languages()
    {
        var story = ReferralStory.Describe([new ReferralStep("E1", "张伟", ToPersonId: "E2", ToPersonName: "李娜"), new ReferralStep("E2", "李娜", ToPersonId: "E3", ToPersonName: "王强")]);
        var old = ReferralStory.Describe([new ReferralStep("E1", "Zhang Wei")]);

        Assert.NotNull(story);
        Assert.NotNull(old);
        Assert.Equal("经张伟引荐认识李娜，再经李娜引荐认识王强", story.Zh);
        Assert.Equal("张伟 introduced us to 李娜, then 李娜 introduced us to 王强", story.En);
        Assert.Equal("Zhang Wei introduced us", old.En);
        Assert.Null(ReferralStory.Describe([]));
    }

    private static Outreach Agreed(string id, int daysAfterStart)
    {
        var outreach = new OutreachBuilder().WithId(id).Targeting(OutreachBuilder.Payments, TargetStage.MeetingScheduled).Build();
        Assert.Null(outreach.MarkAgreed("alice", OutreachBuilder.Start.AddDays(daysAfterStart), "D042", "开放接口", "双方领导"));
        return outreach;
    }
}
