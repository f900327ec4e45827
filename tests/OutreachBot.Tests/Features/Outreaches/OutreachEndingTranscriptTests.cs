using OutreachBot.Domain.Outreaches;
using OutreachBot.Tests.Features.Directory;
using static OutreachBot.Tests.Features.Outreaches.OutreachChat;

namespace OutreachBot.Tests.Features.Outreaches;

/// <summary>The outreach reaches its goal: agreed and dropped by command and by button, the week's pace, closing and reopening.</summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class OutreachEndingTranscriptTests
{
    [Fact]
    public async Task Agreed_by_command_in_English_records_what_and_who_shows_the_week_and_closes_the_outreach()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(Owner, "Fraud checks at checkout", [DemoCompany.Payments]);
        await bot.MoveOnAsync(outreach.Id, DemoCompany.Payments, TargetStage.MeetingScheduled);
        var chat = bot.Host.Chat(locale: "en-US");
        await chat.SayAsync("iam " + DemoCompany.RiskModelerEmail);
        bot.Host.Clock.Advance(TimeSpan.FromDays(3));

        var asked = await chat.SayAsync("outcome payments platform agreed gateway events for checkout risk, revenue split 60/40");
        var agreed = await chat.PressAsync(asked.Cards().Single(), "Sihai Ouyang and Han Yu");

        Assert.Contains("Who decided? Usually the two leaders", asked.Seen());
        var card = agreed.Cards().Single();
        Assert.Contains("Agreed with Payments Platform", agreed.Seen());
        Assert.Contains("What was agreed: gateway events for checkout risk, revenue split 60/40", agreed.Seen());
        Assert.Contains("Decided by: Sihai Ouyang and Han Yu", agreed.Seen());
        Assert.Contains("The week: agreed in 3 days, within the deadline", agreed.Seen());
        Assert.Contains("Every partner of “Fraud checks at checkout” has an answer now, so the outreach is closed and its reminders have stopped.", agreed.Seen());
        Assert.Equal(["Reopen the outreach", "Pipeline"], card.ButtonTitles());
        var stored = await bot.StoredAsync(outreach.Id);
        Assert.Equal(
            ("gateway events for checkout risk, revenue split 60/40", "Sihai Ouyang and Han Yu"),
            (stored.FindTarget(DemoCompany.Payments)!.Agreement!.Terms, stored.FindTarget(DemoCompany.Payments)!.Agreement!.DecidedBy));
        Assert.False(stored.IsOpen);
        Assert.Empty(await AutomaticRemindersAsync(bot, outreach.Id));
    }

    [Fact]
    public async Task Agreed_by_the_status_card_button_in_Chinese_asks_what_and_who_then_keeps_the_other_partner_open()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(Owner, "收银台风控", [DemoCompany.Payments, "risk"]);
        await bot.MoveOnAsync(outreach.Id, DemoCompany.Payments, TargetStage.Interested);
        var chat = bot.Host.Chat(locale: "zh-CN");

        var status = await chat.SayAsync("进展");
        var askWhat = await chat.PressAsync(status.Cards().Single(), "与支付中台达成");
        var askWho = await chat.SayAsync("开放交易事件接口，收入六四分成");
        var agreed = await chat.SayAsync("余涵、王军");

        Assert.DoesNotContain("与风控中心达成", status.Cards().Single().ButtonTitles());
        Assert.Contains("恭喜！和「支付中台」达成了什么？", askWhat.Seen());
        Assert.Contains("最后是谁拍板的？", askWho.Seen());
        Assert.Equal(["余涵"], askWho.Cards().Single().ButtonTitles());
        Assert.Contains("已与「支付中台」达成合作", agreed.Seen());
        Assert.Contains("达成内容: 开放交易事件接口，收入六四分成", agreed.Seen());
        Assert.Contains("拍板人: 余涵、王军", agreed.Seen());
        Assert.Contains("时效: 当天达成，在截止时间内", agreed.Seen());
        Assert.DoesNotContain("这次合作对接已关闭", agreed.Seen());
        Assert.True((await bot.StoredAsync(outreach.Id)).IsOpen);
        Assert.NotEmpty(await AutomaticRemindersAsync(bot, outreach.Id));

        var after = await chat.SayAsync("进展");

        Assert.Contains("支付中台：已达成合作 · 当天达成，在截止时间内", after.Seen());
        Assert.Contains("已达成：开放交易事件接口，收入六四分成（余涵、王军 拍板）", after.Seen());
    }

    [Fact]
    public async Task Agreed_by_command_in_Chinese_takes_what_was_agreed_from_the_sentence_and_asks_only_who_decided()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(Owner, "收银台风控", [DemoCompany.Payments]);
        await bot.MoveOnAsync(outreach.Id, DemoCompany.Payments, TargetStage.MeetingScheduled);
        var chat = bot.Host.Chat(locale: "zh-CN");
        bot.Host.Clock.Advance(TimeSpan.FromDays(2));

        var asked = await chat.SayAsync("结果 支付中台 达成 开放交易事件接口并按六四分成");
        var agreed = await chat.SayAsync("余涵、王军");

        Assert.Contains("最后是谁拍板的？", asked.Seen());
        Assert.DoesNotContain("达成了什么", asked.Seen());
        Assert.Contains("已与「支付中台」达成合作", agreed.Seen());
        Assert.Contains("达成内容: 开放交易事件接口并按六四分成", agreed.Seen());
        Assert.Contains("时效: 用时 2 天达成，在截止时间内", agreed.Seen());
        Assert.Contains("这次合作对接已关闭，相关提醒也已停止", agreed.Seen());
        Assert.Equal(["重新打开这次合作对接", "看板"], agreed.Cards().Single().ButtonTitles());
        var stored = await bot.StoredAsync(outreach.Id);
        Assert.Equal((TargetStage.Agreed, "余涵、王军"), (stored.FindTarget(DemoCompany.Payments)!.Stage, stored.FindTarget(DemoCompany.Payments)!.Agreement!.DecidedBy));
        Assert.False(stored.IsOpen);
    }

    [Fact]
    public async Task Dropped_by_the_status_card_button_in_Chinese_leaves_the_other_partner_open()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(Owner, "收银台风控", [DemoCompany.Payments, "risk"]);
        await bot.MoveOnAsync(outreach.Id, "risk", TargetStage.Interested);
        var chat = bot.Host.Chat(locale: "zh-CN");

        var status = await chat.SayAsync("进展");
        var dropped = await chat.PressAsync(status.Cards().Single(), "放弃风控中心");

        Assert.Contains("已放弃「风控中心」", dropped.Seen());
        Assert.DoesNotContain("这次合作对接已关闭", dropped.Seen());
        var stored = await bot.StoredAsync(outreach.Id);
        Assert.Equal((TargetStage.Dropped, TargetStage.Contacted), (stored.FindTarget("risk")!.Stage, stored.FindTarget(DemoCompany.Payments)!.Stage));
        Assert.True(stored.IsOpen);
    }

    [Fact]
    public async Task Dropped_by_command_in_Chinese_keeps_the_reason_and_offers_to_undo()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(Owner, "收银台风控", [DemoCompany.Payments, "risk"]);
        var chat = bot.Host.Chat(locale: "zh-CN");

        var dropped = await chat.SayAsync("结果 风控中心 放弃 对方今年没有预算");

        Assert.Contains("已放弃「风控中心」", dropped.Seen());
        Assert.Contains("原因: 对方今年没有预算", dropped.Seen());
        Assert.Contains("可以另找合作部门", dropped.Seen());
        Assert.Equal(["撤销：重新打开", "找部门", "看板"], dropped.Cards().Single().ButtonTitles());
        var stored = await bot.StoredAsync(outreach.Id);
        Assert.Equal((TargetStage.Dropped, "对方今年没有预算"), (stored.FindTarget("risk")!.Stage, stored.FindTarget("risk")!.OutcomeNote));
        Assert.True(stored.IsOpen);
    }

    [Fact]
    public async Task Dropped_by_the_partner_card_button_in_English_and_undone_with_one_tap()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(Owner, "Checkout risk control", [DemoCompany.Payments, "risk"]);
        await bot.MoveOnAsync(outreach.Id, "risk", TargetStage.Interested);
        var chat = bot.Host.Chat(locale: "en-US");

        var partner = (await chat.SayAsync("status risk management center")).Cards().Single();
        var dropped = await chat.PressAsync(partner, "Drop");
        var undone = await chat.PressAsync(dropped.Cards().Single(), "Undo: reopen");

        Assert.Equal(["Agreed", "Drop", "Stage-2 material", "Status"], partner.ButtonTitles());
        Assert.Contains("Risk Management Center dropped", dropped.Seen());
        Assert.Contains("Risk Management Center is open again (Interested)", undone.Seen());
        Assert.Equal(TargetStage.Interested, (await bot.StoredAsync(outreach.Id)).FindTarget("risk")!.Stage);
    }

    [Fact]
    public async Task A_partner_that_never_answered_can_be_dropped_from_its_card_but_not_agreed_in_Chinese()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(Owner, "收银台风控", [DemoCompany.Payments, "risk"]);
        var chat = bot.Host.Chat(locale: "zh-CN");

        var partner = (await chat.SayAsync("进展 风控中心")).Cards().Single();
        var dropped = await chat.PressAsync(partner, "放弃");

        Assert.DoesNotContain("已达成", partner.ButtonTitles());
        Assert.Contains("已放弃「风控中心」", dropped.Seen());
        Assert.Equal(TargetStage.Dropped, (await bot.StoredAsync(outreach.Id)).FindTarget("risk")!.Stage);
    }

    [Fact]
    public async Task A_meeting_card_offers_agreed_and_drop_for_that_partner()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(Owner, "Checkout risk control", [DemoCompany.Payments]);
        await bot.MoveOnAsync(outreach.Id, DemoCompany.Payments, TargetStage.Interested);
        var chat = bot.Host.Chat(locale: "en-US");

        var interested = await chat.ExecuteAsync(OutreachChat.Invoke(OutreachBot.Features.Outreaches.OutreachVerbs.BookMeeting, new Dictionary<string, string> { ["outreachId"] = outreach.Id, ["departmentId"] = DemoCompany.Payments }));
        var booked = await chat.SayInTurnAsync("next Tuesday 3pm", "yes", "skip", "skip");
        var askWhat = await chat.PressAsync(booked.Cards().Single(), "Agreed");
        await chat.SayAsync("Gateway events for checkout risk");
        var agreed = await chat.SayAsync("Han Yu and Wang Jun");

        Assert.Contains("When is the next meeting?", interested.Seen());
        Assert.Equal(["Start stage 2", "Status", "Agreed", "Drop"], booked.Cards().Single().ButtonTitles());
        Assert.Contains("What did you agree with Payments Platform?", askWhat.Seen());
        Assert.Contains("Agreed with Payments Platform", agreed.Seen());
    }

    [Fact]
    public async Task A_closed_outreach_stops_its_reminders_and_reopening_it_brings_them_back_in_English()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(Owner, "Checkout risk control", [DemoCompany.Payments]);
        var chat = bot.Host.Chat(locale: "en-US");
        var before = await AutomaticRemindersAsync(bot, outreach.Id);

        var dropped = await chat.SayAsync("outcome payments platform dropped they chose another vendor");
        var closedReminders = await AutomaticRemindersAsync(bot, outreach.Id);
        var status = await chat.SayAsync("status");
        var pipeline = await chat.SayAsync("pipeline");
        var reopened = await chat.PressAsync(status.Cards().Single(), "Reopen the outreach");

        Assert.NotEmpty(before);
        Assert.Contains("so the outreach is closed and its reminders have stopped", dropped.Seen());
        Assert.Empty(closedReminders);
        Assert.Contains("closed · was due", status.Seen());
        Assert.Contains("1 outreach · 0 open · 0 overdue", pipeline.Seen());
        Assert.Contains("“Checkout risk control” is open again", reopened.Seen());
        Assert.Contains("Find departments", reopened.Cards().Single().ButtonTitles());
        Assert.True((await bot.StoredAsync(outreach.Id)).IsOpen);
        Assert.Contains(await AutomaticRemindersAsync(bot, outreach.Id), r => r.Kind == ReminderKind.DeadlineApproaching);
    }

    [Fact]
    public async Task A_closed_outreach_reopens_by_command_in_Chinese_and_a_partner_by_name()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(Owner, "收银台风控", [DemoCompany.Payments]);
        await bot.MoveOnAsync(outreach.Id, DemoCompany.Payments, TargetStage.MeetingScheduled);
        (await bot.Service.MarkAgreedAsync(Pm, outreach.Id, DemoCompany.Payments, "开放交易事件接口", "余涵、欧阳思海")).GetValueOrThrow();
        var chat = bot.Host.Chat(locale: "zh-CN");

        var status = await chat.SayAsync("进展");
        var partner = await chat.SayAsync("重新打开 支付");
        var again = await chat.SayAsync("重新打开");

        Assert.Contains("已结束 · 当天达成，在截止时间内", status.Seen());
        Assert.Contains("重新打开这次合作对接", status.Cards().Single().ButtonTitles());
        Assert.Contains("「支付中台」已重新打开（已约会议）", partner.Seen());
        Assert.Contains("合作对接“收银台风控”重新进行中", partner.Seen());
        Assert.Contains("你没有已关闭的合作对接", again.Seen());
        var stored = await bot.StoredAsync(outreach.Id);
        Assert.Equal(TargetStage.MeetingScheduled, stored.FindTarget(DemoCompany.Payments)!.Stage);
        Assert.Null(stored.FindTarget(DemoCompany.Payments)!.Agreement);
    }

    [Fact]
    public async Task The_pipeline_shows_days_from_start_to_agreement_and_the_deadline_in_both_languages()
    {
        using var bot = await OutreachChat.StartAsync();
        var fast = await bot.OutreachAsync(Owner, "Checkout risk control", [DemoCompany.Payments]);
        var slow = await bot.OutreachAsync(Owner, "Cross-border wallet", ["risk"]);
        await bot.MoveOnAsync(fast.Id, DemoCompany.Payments, TargetStage.Interested);
        await bot.MoveOnAsync(slow.Id, "risk", TargetStage.Interested);
        bot.Host.Clock.Advance(TimeSpan.FromDays(3));
        (await bot.Service.MarkAgreedAsync(Pm, fast.Id, DemoCompany.Payments, "Gateway events", "Han Yu")).GetValueOrThrow();
        bot.Host.Clock.Advance(TimeSpan.FromDays(6));
        (await bot.Service.MarkAgreedAsync(Pm, slow.Id, "risk", "Fraud scores", "Hai Cai")).GetValueOrThrow();

        var english = await bot.Host.Chat(locale: "en-US").SayAsync("pipeline");
        var chinese = await bot.Host.Chat(locale: "zh-CN", userId: "user-1").SayAsync("看板");

        Assert.Contains("Agreed: 2 · 6 days from start on average · 1 within the deadline", english.Seen());
        Assert.Contains("closed · agreed in 3 days, within the deadline", english.Seen());
        Assert.Contains("closed · agreed in 9 days, after the deadline", english.Seen());
        Assert.Contains("已达成 2 条 · 平均用时 6 天 · 1 条在截止时间内", chinese.Seen());
        Assert.Contains("已结束 · 用时 9 天达成，晚于截止时间", chinese.Seen());
    }

    /// <summary>The outreach's automatic reminders still to come (the dispatcher is off in tests, so past ones are left aside).</summary>
    private static async Task<IReadOnlyList<Reminder>> AutomaticRemindersAsync(OutreachChat bot, string outreachId) =>
        [.. (await bot.Host.Services.GetRequiredService<ReminderRepository>().ListForOwnerAsync(Owner))
            .Where(r => r.OutreachId == outreachId && r.Kind != ReminderKind.Manual && r.FireAt > bot.Host.Clock.GetUtcNow())];
}
