using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Domain.Tests.Outreaches;

public sealed class StageMachineTests
{
    public static TheoryData<TargetStage, TargetStage> LegalTransitions => new()
    {
        { TargetStage.Identified, TargetStage.Contacted },
        { TargetStage.Identified, TargetStage.Dropped },
        { TargetStage.Contacted, TargetStage.Refused },
        { TargetStage.Contacted, TargetStage.NoCapacity },
        { TargetStage.Contacted, TargetStage.Interested },
        { TargetStage.Contacted, TargetStage.Dropped },
        { TargetStage.NoCapacity, TargetStage.Interested },
        { TargetStage.NoCapacity, TargetStage.MeetingScheduled },
        { TargetStage.NoCapacity, TargetStage.Agreed },
        { TargetStage.NoCapacity, TargetStage.Refused },
        { TargetStage.NoCapacity, TargetStage.Dropped },
        { TargetStage.Interested, TargetStage.MeetingScheduled },
        { TargetStage.Interested, TargetStage.Agreed },
        { TargetStage.Interested, TargetStage.Refused },
        { TargetStage.Interested, TargetStage.Dropped },
        { TargetStage.MeetingScheduled, TargetStage.Agreed },
        { TargetStage.MeetingScheduled, TargetStage.Refused },
        { TargetStage.MeetingScheduled, TargetStage.Dropped },
    };

    public static TheoryData<TargetStage, TargetStage> IllegalTransitions
    {
        get
        {
            var legal = LegalTransitions.Select(row => ((TargetStage)row[0], (TargetStage)row[1])).ToHashSet();
            var data = new TheoryData<TargetStage, TargetStage>();
            foreach (var from in Enum.GetValues<TargetStage>())
            {
                foreach (var to in Enum.GetValues<TargetStage>().Where(t => t != TargetStage.Identified))
                {
                    var isFollowUpContact = to == TargetStage.Contacted && StageMachine.IsOpen(from);
                    var isReschedule = from == to && to == TargetStage.MeetingScheduled;
                    if (!legal.Contains((from, to)) && !isFollowUpContact && !isReschedule)
                    {
                        data.Add(from, to);
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Legal_transition_moves_the_target_and_lands_on_the_timeline(TargetStage from, TargetStage to)
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, from).Build();
        var eventsBefore = outreach.Timeline.Count;

        var error = OutreachBuilder.Apply(outreach, "alice", OutreachBuilder.Start.AddHours(1), "D042", to);

        Assert.Null(error);
        Assert.Equal(to, outreach.FindTarget("D042")!.Stage);
        var added = outreach.Timeline.Skip(eventsBefore).ToList();
        Assert.Equal("D042", added[0].DepartmentId);
        Assert.Equal(
            StageMachine.IsOpen(to) ? [] : [TimelineEventKind.Closed],
            added.Skip(1).Select(e => e.Kind));
        Assert.Equal(StageMachine.IsOpen(to), outreach.IsOpen);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Illegal_transition_is_refused_with_a_bilingual_message_and_changes_nothing(TargetStage from, TargetStage to)
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, from).Build();
        var before = System.Text.Json.JsonSerializer.Serialize(outreach.ToSnapshot());

        var error = OutreachBuilder.Apply(outreach, "alice", OutreachBuilder.Start.AddHours(1), "D042", to);

        var illegal = Assert.IsType<IllegalStageTransition>(error);
        Assert.Equal((from, to), (illegal.From, illegal.To));
        Assert.Contains("支付中台", illegal.Message.Zh);
        Assert.Contains(TestCopy.Chinese.Name(from), illegal.Message.Zh);
        Assert.Contains("Payments Platform", illegal.Message.En);
        Assert.Contains(TestCopy.English.Name(to), illegal.Message.En);
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(outreach.ToSnapshot()));
    }

    [Fact]
    public void A_second_contact_is_a_follow_up_that_keeps_the_stage()
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.NoCapacity).Build();

        var error = outreach.RecordContact("alice", OutreachBuilder.Start.AddDays(2), OutreachBuilder.Contact("D042", OutreachBuilder.Start.AddDays(2), "韩梅梅"));

        Assert.Null(error);
        Assert.Equal(TargetStage.NoCapacity, outreach.FindTarget("D042")!.Stage);
        Assert.Equal(["李雷", "韩梅梅"], outreach.Contacts.Select(c => c.PersonName));
    }

    [Fact]
    public void Rescheduling_a_meeting_keeps_the_stage_and_moves_the_time()
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.MeetingScheduled).Build();
        var newTime = OutreachBuilder.Start.AddDays(3);

        var error = outreach.ScheduleMeeting("alice", OutreachBuilder.Start.AddHours(5), "D042", newTime, true, "改到周四");

        Assert.Null(error);
        Assert.Equal(TargetStage.MeetingScheduled, outreach.FindTarget("D042")!.Stage);
        Assert.Equal(newTime, outreach.FindTarget("D042")!.Meeting!.At);
    }

    [Fact]
    public void Outcome_for_a_department_that_is_not_a_target_is_unknown_target()
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.Contacted).Build();

        var error = outreach.RecordOutcome("alice", OutreachBuilder.Start, "D999", ContactOutcome.Interested, null, null);

        Assert.Equal("D999", Assert.IsType<UnknownTarget>(error).DepartmentId);
    }

    [Fact]
    public void Refusal_keeps_its_reason_and_note_on_the_target()
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.Contacted).Build();

        outreach.RecordOutcome("alice", OutreachBuilder.Start.AddHours(2), "D042", ContactOutcome.Refused, RefusalReason.RevenueNotTheirKpi, "考核只看稳定性");

        var target = outreach.FindTarget("D042")!;
        Assert.Equal((TargetStage.Refused, RefusalReason.RevenueNotTheirKpi, "考核只看稳定性"), (target.Stage, target.RefusalReason, target.OutcomeNote));
    }

    [Fact]
    public void Adding_the_same_department_twice_is_a_duplicate()
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments).Build();

        var error = outreach.AddTarget("alice", OutreachBuilder.Start, OutreachBuilder.Payments with { NameEn = "Other" }, null, null);

        Assert.IsType<DuplicateTarget>(error);
        Assert.Single(outreach.Targets);
    }

    [Fact]
    public void Creating_with_an_empty_idea_is_a_clear_input_error()
    {
        var result = Outreach.Create("o1", "alice", "  ", null, OutreachBuilder.Start, OutreachBuilder.Start.AddDays(7), "UTC");

        var error = Assert.IsType<InvalidOutreachInput>(result.Error);
        Assert.Contains("产品想法", error.Message.Zh);
    }

    [Fact]
    public void Insight_answers_are_kept_and_later_answers_fill_in_the_rest()
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.Interested).Build();

        outreach.RecordInsight("alice", OutreachBuilder.Start.AddHours(3), "D042", "交易量、接入商户数", null, null);
        outreach.RecordInsight("alice", OutreachBuilder.Start.AddHours(4), "D042", null, "担心稳定性被拖累", null);

        var insight = outreach.FindTarget("D042")!.Insight!;
        Assert.Equal(("交易量、接入商户数", "担心稳定性被拖累"), (insight.Kpis, insight.LeaderConcerns));
    }
}
