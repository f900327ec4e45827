using OutreachBot.Domain.Storage.Reminders;

namespace OutreachBot.Domain.Tests.Reminders;

public sealed class AutomaticReminderRulesTests
{
    // Monday 23 November 2026, 10:00 in Shanghai.
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly BilingualText Payments = new("支付中台", "Payments Platform");
    private readonly AutomaticReminderRules rules = new(TestCopy.Resources);

    [Fact]
    public void A_deadline_gets_a_reminder_two_days_before_and_one_on_the_morning_of_the_day()
    {
        var facts = AnOutreach().WithDeadline(Now.AddDays(7)).Build();

        var planned = rules.Plan(facts, Now);

        var deadline = planned.Where(r => r.Kind == ReminderKind.DeadlineApproaching).Select(r => r.Due).Order();
        Assert.Equal([Now.AddDays(5), new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero)], deadline);
    }

    [Fact]
    public void A_contact_without_reply_gets_a_nudge_three_days_later()
    {
        var contacted = Now.AddDays(-1);
        var facts = AnOutreach().With(new DepartmentContactFacts("pay", Payments, LastContactAt: contacted)).Build();

        var planned = rules.Plan(facts, Now);

        var noReply = Assert.Single(planned, r => r.Kind == ReminderKind.NoReply);
        Assert.Equal(contacted.AddDays(3), noReply.Due);
        Assert.Equal("pay", noReply.DepartmentId);
        Assert.Equal("支付中台已经 3 天没有回复了，跟进一下吧。", noReply.Text);
    }

    [Fact]
    public void A_department_that_replied_gets_no_nudge()
    {
        var facts = AnOutreach().With(new DepartmentContactFacts("pay", Payments, LastContactAt: Now.AddDays(-1), Replied: true)).Build();

        var planned = rules.Plan(facts, Now);

        Assert.DoesNotContain(planned, r => r.Kind == ReminderKind.NoReply);
    }

    [Fact]
    public void No_manpower_gets_a_follow_up_that_repeats_we_need_only_their_capability()
    {
        var followUp = Now.AddDays(4);
        var facts = AnOutreach().InEnglish().With(new DepartmentContactFacts("risk", new BilingualText("风控平台", "Risk Platform"), NoCapacityFollowUpAt: followUp)).Build();

        var planned = rules.Plan(facts, Now);

        var reminder = Assert.Single(planned, r => r.Kind == ReminderKind.FollowUpAfterNoCapacity);
        Assert.Equal(followUp, reminder.Due);
        Assert.Contains("only their product capability", reminder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_booked_meeting_gets_preparation_a_day_before()
    {
        var meeting = Now.AddDays(3);
        var facts = AnOutreach().With(new DepartmentContactFacts("pay", Payments, MeetingAt: meeting)).Build();

        var planned = rules.Plan(facts, Now);

        var prep = Assert.Single(planned, r => r.Kind == ReminderKind.MeetingPrep);
        Assert.Equal(meeting.AddDays(-1), prep.Due);
        Assert.Contains("分工表", prep.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminders_whose_time_has_passed_are_not_planned()
    {
        var facts = AnOutreach().WithDeadline(Now.AddDays(1))
            .With(new DepartmentContactFacts("pay", Payments, LastContactAt: Now.AddDays(-5)))
            .Build();

        var planned = rules.Plan(facts, Now);

        Assert.All(planned, r => Assert.True(r.Due > Now));
        Assert.DoesNotContain(planned, r => r.Kind == ReminderKind.NoReply);
        Assert.Single(planned, r => r.Kind == ReminderKind.DeadlineApproaching);
    }

    [Fact]
    public async Task Planning_and_scheduling_again_does_not_duplicate_reminders()
    {
        var repository = new ReminderRepository(new InMemoryEntityStore(), new FakeTimeProvider(Now));
        var facts = AnOutreach()
            .With(new DepartmentContactFacts("pay", Payments, LastContactAt: Now, MeetingAt: Now.AddDays(3)))
            .Build();

        var first = rules.Plan(facts, Now);
        var second = rules.Plan(facts, Now.AddHours(1));
        foreach (var reminder in first.Concat(second))
        {
            await repository.ScheduleAsync(reminder);
        }

        Assert.Equal(first.Select(r => r.Id), second.Select(r => r.Id));
        Assert.Equal(first.Count, (await repository.ListForOwnerAsync(facts.OwnerKey)).Count);
    }

    [Fact]
    public async Task A_reply_cancels_the_pending_no_reply_nudge_but_keeps_the_others()
    {
        var repository = new ReminderRepository(new InMemoryEntityStore(), new FakeTimeProvider(Now));
        var waiting = AnOutreach().With(new DepartmentContactFacts("pay", Payments, LastContactAt: Now)).Build();
        var replied = AnOutreach().With(new DepartmentContactFacts("pay", Payments, LastContactAt: Now, Replied: true)).Build();
        await repository.SyncAutomaticAsync(waiting.OwnerKey, waiting.OutreachId, rules.Plan(waiting, Now));

        var remaining = await repository.SyncAutomaticAsync(replied.OwnerKey, replied.OutreachId, rules.Plan(replied, Now));

        Assert.DoesNotContain(remaining, r => r.Kind == ReminderKind.NoReply);
        Assert.Equal(2, remaining.Count(r => r.Kind == ReminderKind.DeadlineApproaching));
    }

    private static OutreachFactsBuilder AnOutreach() => new();

    private sealed class OutreachFactsBuilder
    {
        private readonly List<DepartmentContactFacts> departments = [];
        private DateTimeOffset deadline = Now.AddDays(7);
        private string culture = "zh-CN";

        public OutreachFactsBuilder WithDeadline(DateTimeOffset value)
        {
            deadline = value;
            return this;
        }

        public OutreachFactsBuilder InEnglish()
        {
            culture = "en-US";
            return this;
        }

        public OutreachFactsBuilder With(DepartmentContactFacts department)
        {
            departments.Add(department);
            return this;
        }

        public OutreachReminderFacts Build() =>
            new("o-1", "aad:alice", "conv-alice", "支付风控", deadline, "Asia/Shanghai", culture, departments);
    }
}
