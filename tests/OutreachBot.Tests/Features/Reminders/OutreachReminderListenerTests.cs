using OutreachBot.Domain.Outreaches;
using OutreachBot.Features.Reminders;
using static OutreachBot.Tests.Features.Outreaches.OutreachChat;

namespace OutreachBot.Tests.Features.Reminders;

public sealed class OutreachReminderListenerTests : IDisposable
{
    private static readonly DepartmentRef Payments = new("D042", "支付中台", "Payments Platform");

    private readonly BotTestHost host = new();

    public void Dispose() => host.Dispose();

    private DateTimeOffset Now => host.Clock.GetUtcNow();

    private OutreachReminderListener Listener =>
        host.Services.GetServices<IOutreachEventSubscriber>().OfType<OutreachReminderListener>().Single();

    private Task<IReadOnlyList<Reminder>> PendingAsync() =>
        host.Services.GetRequiredService<ReminderRepository>().ListForOwnerAsync(Owner);

    private Outreach AnOutreachContactingPayments()
    {
        var outreach = Outreach.Create("o1", Owner, "payment risk control", null, Now, Now.AddDays(7), "Asia/Shanghai").Value!;
        Assert.Null(outreach.AddTarget(Owner, Now, Payments, LeadRoute.KeywordSearch, null));
        Assert.Null(outreach.RecordContact(Owner, Now, new ContactEntry("c1", Payments.Id, null, "Wang Wei", LeadRoute.KeywordSearch, Now, null, Owner)));
        return outreach;
    }

    [Fact]
    public async Task A_contacted_department_gets_the_deadline_reminders_and_a_no_reply_nudge()
    {
        var outreach = AnOutreachContactingPayments();

        await Listener.ReplanAsync(outreach, CancellationToken.None);

        var pending = await PendingAsync();
        Assert.Equal(2, pending.Count(r => r.Kind == ReminderKind.DeadlineApproaching));
        var noReply = Assert.Single(pending, r => r.Kind == ReminderKind.NoReply);
        Assert.Equal(Now.AddDays(3), noReply.Due);
        Assert.Equal("D042", noReply.DepartmentId);
        Assert.Equal("o1", noReply.OutreachId);
        Assert.Contains("Payments Platform", noReply.Text);
    }

    [Fact]
    public async Task No_manpower_with_a_follow_up_date_replaces_the_no_reply_nudge_and_planning_again_adds_nothing()
    {
        var outreach = AnOutreachContactingPayments();
        await Listener.ReplanAsync(outreach, CancellationToken.None);
        Assert.Null(outreach.RecordOutcome(Owner, Now, Payments.Id, ContactOutcome.NoCapacity, null, null));
        Assert.Null(outreach.ProposeFollowUp(Owner, Now, Payments.Id, Now.AddDays(2)));

        await Listener.ReplanAsync(outreach, CancellationToken.None);
        await Listener.ReplanAsync(outreach, CancellationToken.None);

        var pending = await PendingAsync();
        Assert.DoesNotContain(pending, r => r.Kind == ReminderKind.NoReply);
        Assert.Equal(Now.AddDays(2), Assert.Single(pending, r => r.Kind == ReminderKind.FollowUpAfterNoCapacity).Due);
        Assert.Equal(3, pending.Count);
    }

    [Fact]
    public async Task A_booked_meeting_plans_preparation_the_day_before()
    {
        var outreach = AnOutreachContactingPayments();
        Assert.Null(outreach.RecordOutcome(Owner, Now, Payments.Id, ContactOutcome.Interested, null, null));
        Assert.Null(outreach.ScheduleMeeting(Owner, Now, Payments.Id, Now.AddDays(4), bothLeadersInvited: true, null));

        await Listener.ReplanAsync(outreach, CancellationToken.None);

        Assert.Equal(Now.AddDays(3), Assert.Single(await PendingAsync(), r => r.Kind == ReminderKind.MeetingPrep).Due);
    }

    [Fact]
    public async Task A_finished_outreach_keeps_no_automatic_reminders()
    {
        var outreach = AnOutreachContactingPayments();
        await Listener.ReplanAsync(outreach, CancellationToken.None);
        Assert.Null(outreach.RecordOutcome(Owner, Now, Payments.Id, ContactOutcome.Refused, RefusalReason.NotTheirScope, null));

        await Listener.ReplanAsync(outreach, CancellationToken.None);

        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task Texts_follow_the_owners_language()
    {
        await host.Chat(userId: "user-1", locale: "zh-CN").SayAsync("语言 zh");
        var outreach = AnOutreachContactingPayments();

        await Listener.ReplanAsync(outreach, CancellationToken.None);

        Assert.Contains("支付中台已经 3 天没有回复了", Assert.Single(await PendingAsync(), r => r.Kind == ReminderKind.NoReply).Text);
    }
}
