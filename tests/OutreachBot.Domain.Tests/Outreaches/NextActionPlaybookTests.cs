using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Domain.Tests.Outreaches;

public sealed class NextActionPlaybookTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // Monday 2025-03-03 10:00 in Shanghai.
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);

    private readonly NextActionPlaybook playbook = new();

    [Theory]
    [InlineData(RefusalReason.NotTheirScope, null)]
    [InlineData(RefusalReason.RevenueNotTheirKpi, PlaybookAction.LeadWithBusinessScope)]
    [InlineData(RefusalReason.FocusedOnCore, PlaybookAction.RespectTheirFocus)]
    [InlineData(RefusalReason.Other, PlaybookAction.AskWhoOwnsIt)]
    public void Refused_outcome_suggests_other_departments_and_procurement(RefusalReason reason, PlaybookAction? reasonSpecific)
    {
        var input = Input(ContactOutcome.Refused, reason) with { Alternatives = [new("D077", "风控中心", "Risk Control Center"), new("D080", "数据智能部", "Data Intelligence")] };

        var result = playbook.Decide(input);

        Assert.Equal(reason, result.Reason);
        Assert.True(result.Has(PlaybookAction.DropDepartment));
        Assert.True(result.Has(PlaybookAction.ShareRefusal));
        Assert.True(result.Has(PlaybookAction.ConsiderProcurement));
        Assert.Equal(["D077", "D080"], result.Alternatives.Select(a => a.DepartmentId));
        Assert.Contains("风控中心", result.Actions.Single(a => a.Kind == PlaybookAction.LookForAlternativeDepartments).Text.Zh);
        Assert.Contains("Risk Control Center", result.Actions.Single(a => a.Kind == PlaybookAction.LookForAlternativeDepartments).Text.En);
        if (reasonSpecific is { } specific)
        {
            Assert.True(result.Has(specific));
        }

        Assert.Null(result.ProposedSlot);
        Assert.Null(result.Message);
        Assert.False(result.StartStageTwo);
    }

    [Fact]
    public void Refusal_without_a_reason_is_treated_as_other()
    {
        var result = playbook.Decide(Input(ContactOutcome.Refused, null));

        Assert.Equal(RefusalReason.Other, result.Reason);
        Assert.True(result.Has(PlaybookAction.AskWhoOwnsIt));
    }

    [Fact]
    public void Refusal_with_no_alternatives_suggests_searching_again_or_a_referral()
    {
        var result = playbook.Decide(Input(ContactOutcome.Refused, RefusalReason.NotTheirScope));

        var text = result.Actions.Single(a => a.Kind == PlaybookAction.LookForAlternativeDepartments).Text;
        Assert.Contains("引荐", text.Zh);
        Assert.Contains("referral", text.En);
    }

    [Fact]
    public void No_capacity_asks_for_the_capability_only_message_and_proposes_a_follow_up_slot()
    {
        var result = playbook.Decide(Input(ContactOutcome.NoCapacity, null));

        Assert.True(result.Has(PlaybookAction.SendCapabilityOnlyMessage));
        Assert.True(result.Has(PlaybookAction.ProposeFollowUpSlot));
        Assert.Equal(PitchVariant.CapabilityOnly, result.Message);
        var expectedSlot = new DateTimeOffset(2025, 3, 6, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(expectedSlot, result.ProposedSlot);
        var slot = result.Actions.Single(a => a.Kind == PlaybookAction.ProposeFollowUpSlot).Text;
        Assert.Contains("3月6日（周四）10:00", TestCopy.For(Language.Chinese, Shanghai).Render(slot));
        Assert.Contains("Thu, Mar 6, 10:00 AM", TestCopy.For(Language.English, Shanghai).Render(slot));
        Assert.Empty(result.Alternatives);
    }

    [Fact]
    public void No_capacity_follow_up_skips_the_weekend()
    {
        var thursday = new DateTimeOffset(2025, 3, 6, 9, 0, 0, TimeSpan.FromHours(8));

        var result = playbook.Decide(Input(ContactOutcome.NoCapacity, null) with { Now = thursday, Deadline = thursday.AddDays(14) });

        Assert.Equal(new DateTimeOffset(2025, 3, 11, 10, 0, 0, TimeSpan.FromHours(8)), result.ProposedSlot);
    }

    [Fact]
    public void No_capacity_follow_up_is_pulled_before_the_deadline_when_possible()
    {
        var deadline = new DateTimeOffset(2025, 3, 4, 23, 59, 0, TimeSpan.FromHours(8));

        var result = playbook.Decide(Input(ContactOutcome.NoCapacity, null) with { Deadline = deadline });

        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.FromHours(8)), result.ProposedSlot);
    }

    [Fact]
    public void Interested_books_a_meeting_with_both_leaders_asks_for_kpis_and_starts_stage_two()
    {
        var result = playbook.Decide(Input(ContactOutcome.Interested, null));

        Assert.Equal(
            [PlaybookAction.BookMeetingWithBothLeaders, PlaybookAction.LearnPartnerKpis, PlaybookAction.LearnLeaderConcerns, PlaybookAction.StartStageTwo],
            result.Actions.Select(a => a.Kind));
        Assert.True(result.StartStageTwo);
        Assert.Contains(result.Checklist, q => q.Key == "kpis");
        Assert.Contains(result.Checklist, q => q.Key == "leader-concerns");
        Assert.Equal(PitchVariant.MeetingInvitation, result.Message);
        Assert.Null(result.ProposedSlot);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void Every_outcome_and_reason_has_a_rule_with_texts_in_both_languages()
    {
        var cases = Enum.GetValues<RefusalReason>().Select(r => (ContactOutcome.Refused, (RefusalReason?)r))
            .Append((ContactOutcome.NoCapacity, null)).Append((ContactOutcome.Interested, null));

        foreach (var (outcome, reason) in cases)
        {
            var result = playbook.Decide(Input(outcome, reason));

            Assert.NotEmpty(result.Actions);
            Assert.All(result.Actions, a => Assert.False(string.IsNullOrWhiteSpace(a.Text.Zh) || string.IsNullOrWhiteSpace(a.Text.En)));
        }
    }

    [Fact]
    public void A_custom_table_changes_the_answer_without_code_changes()
    {
        var custom = new NextActionPlaybook([new PlaybookRule(ContactOutcome.Interested, null, [PlaybookAction.StartStageTwo])]);

        var result = custom.Decide(Input(ContactOutcome.Interested, null));

        Assert.Equal([PlaybookAction.StartStageTwo], result.Actions.Select(a => a.Kind));
        Assert.Null(result.ProposedSlot);
    }

    private static PlaybookInput Input(ContactOutcome outcome, RefusalReason? reason) => new(
        OutreachBuilder.Payments, outcome, reason, "实时交易风控", "李雷", Monday, Monday.AddDays(7), Shanghai, []);
}
