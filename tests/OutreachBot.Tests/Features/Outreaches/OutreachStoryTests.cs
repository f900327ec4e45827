using System.Text;
using Microsoft.Bot.Schema;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Features.Files;
using OutreachBot.Storage.Downloads;

namespace OutreachBot.Tests.Features.Outreaches;

/// <summary>The article's stage 1 end to end, as a PM would chat it, in each language.</summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class OutreachStoryTests
{
    [Fact]
    public async Task The_article_story_runs_end_to_end_in_English()
    {
        using var bot = await OutreachChat.StartAsync();
        var chat = bot.Host.Chat(locale: "en-US");

        var askCapability = await chat.SayAsync("new Fraud checks built into the merchant checkout");
        var askDepartment = await chat.SayAsync("payment gateway");
        var askDeadline = await chat.SayAsync("Payments Platform");
        var askBackground = await chat.SayAsync("next Friday");
        await chat.SayAsync("Merchants keep asking for fraud checks at checkout; three key customers said they would buy it.");
        await chat.SayAsync("Access to the gateway's transaction events and a sandbox.");
        var summary = await chat.SayAsync("More volume through their gateway: direct revenue for them.");

        Assert.Contains("Which capability do you need", askCapability.Seen());
        Assert.Contains("Which department do you have in mind?", askDepartment.Seen());
        Assert.Contains("When do you need an initial agreement?", askDeadline.Seen());
        Assert.Contains("Point 1 of 3", askBackground.Seen());
        var summaryCard = Assert.Single(summary.Cards());
        Assert.Contains("Outreach started: Fraud checks built into the merchant checkout", summary.Seen());
        Assert.Contains("Payments Platform (Not contacted yet)", summary.Seen());
        Assert.Contains("Fri, Dec 4, 6:00 PM", summary.Seen());
        Assert.Equal(["Draft the message", "Find departments", "Edit the three points", "Status"], summaryCard.ButtonTitles());

        var pointer = await chat.PressAsync(summaryCard, "Draft the message");
        var pointerCard = Assert.Single(pointer.Cards());
        Assert.Contains("Ask a long-timer at Payments Platform who to talk to", pointer.Seen());
        Assert.Contains("Could you point me to the right colleague?", OutreachChat.ButtonData(pointerCard, "I sent it")["message"]);
        var pitch = await chat.PressAsync(pointerCard, "Write to the head instead");
        var pitchCard = Assert.Single(pitch.Cards());
        var draft = OutreachChat.ButtonData(pitchCard, "I sent it")["message"];
        Assert.StartsWith("Hi Han,", draft);
        Assert.Contains("The org chart shows Payments Platform working in this area", draft);
        Assert.Contains("What we'd need from you: access to the gateway's transaction events and a sandbox.", draft);
        Assert.Contains("This means more volume through your gateway: direct revenue for you.", draft);
        PitchAssert.Sendable(draft, Language.English, OutreachChat.Prep.ProductBackground);
        Assert.Equal("Han Yu", OutreachChat.InputValue(pitchCard, "person"));

        var contact = await OutreachChat.PressWithInputsAsync(chat, pitchCard, "I sent it", new Dictionary<string, string>
        {
            ["message"] = "Hi Han Yu, could we have a quick chat about fraud checks at checkout?",
            ["person"] = "Han Yu",
        });
        var contactCard = Assert.Single(contact.Cards());
        Assert.Contains("Contact with Payments Platform recorded", contact.Seen());
        Assert.Equal(["Refused", "No capacity", "Interested", "Record the refusal"], contactCard.ButtonTitles());

        var interested = await chat.PressAsync(contactCard, "Interested");
        var interestedCard = Assert.Single(interested.Cards());
        Assert.Contains("Payments Platform is interested", interested.Seen());
        Assert.Contains("both leaders attend", interested.Seen());
        Assert.Contains("What is their department measured on", interested.Seen());
        Assert.Contains("Start stage 2", interestedCard.ButtonTitles());

        var askWhen = await chat.PressAsync(interestedCard, "Book the meeting");
        var booked = await chat.SayInTurnAsync("next Tuesday 3pm", "yes", "Transaction volume and availability", "Stability of the gateway during the sales peak");
        Assert.Contains("When is the next meeting?", askWhen.Seen());
        Assert.Contains("Meeting with Payments Platform booked", booked.Seen());
        Assert.Contains("Transaction volume and availability", booked.Seen());

        var outreach = Assert.Single(await bot.Service.StatusAsync(Requester.User("test:user-1")));
        var target = await bot.Service.GetAsync(Requester.User("test:user-1"), outreach.OutreachId);
        Assert.Equal(TargetStage.MeetingScheduled, target.Value!.FindTarget("pay-core")!.Stage);
        Assert.Equal("Stability of the gateway during the sales peak", target.Value.FindTarget("pay-core")!.Insight!.LeaderConcerns);
        Assert.Equal("Hi Han Yu, could we have a quick chat about fraud checks at checkout?", target.Value.Contacts.Single().MessageSent);

        var added = await chat.ExecuteAsync(OutreachChat.Invoke(OutreachVerbs.TargetDepartment, new Dictionary<string, string> { ["departmentId"] = "risk", ["route"] = "KeywordSearch" }));
        Assert.Contains("Risk Management Center added to", added.Seen());
        await chat.ExecuteAsync(OutreachChat.Invoke(OutreachVerbs.RecordContact, new Dictionary<string, string> { ["outreachId"] = outreach.OutreachId, ["departmentId"] = "risk", ["person"] = "Ming Li" }));
        var refused = await chat.SayAsync("outcome Risk Management Center refused revenue is not their KPI");
        Assert.Contains("Risk Management Center said no (Revenue is not their KPI)", refused.Seen());
        Assert.Contains("Consider buying “payment gateway” instead", refused.Seen());
        Assert.Contains("Next-best departments", refused.Seen());
        Assert.Contains("Find departments", Assert.Single(refused.Cards()).ButtonTitles());

        await chat.ExecuteAsync(OutreachChat.Invoke(OutreachVerbs.TargetDepartment, new Dictionary<string, string> { ["outreachId"] = outreach.OutreachId, ["departmentId"] = "pay-cross", ["route"] = "Referral" }));
        await chat.ExecuteAsync(OutreachChat.Invoke(OutreachVerbs.RecordContact, new Dictionary<string, string> { ["outreachId"] = outreach.OutreachId, ["departmentId"] = "pay-cross" }));
        var noCapacity = await chat.SayAsync("outcome Cross-border Payments no capacity");
        Assert.Contains("Cross-border Payments is keen but short of people", noCapacity.Seen());
        var capabilityOnly = OutreachChat.InputValue(Assert.Single(noCapacity.Cards()), "message");
        Assert.Contains("we only need your payment gateway, not your people", capabilityOnly);
        Assert.Contains("Would Fri, Nov 27, 10:00 work for a 15-minute follow-up?", capabilityOnly);
        PitchAssert.Sendable(capabilityOnly, Language.English);
        Assert.Contains("proposed slot Fri, Nov 27, 10:00", noCapacity.Seen());

        var status = await chat.SayAsync("status");
        Assert.Contains("Payments Platform: Meeting booked", status.Seen());
        Assert.Contains("Risk Management Center: Refused", status.Seen());
        Assert.Contains("Cross-border Payments: Keen, short of people", status.Seen());

        var partner = await chat.SayAsync("status payments platform");
        Assert.Contains("Meeting booked since", partner.Seen());
        Assert.Contains(" · Meeting booked", partner.Seen());

        var pipeline = await chat.SayAsync("pipeline");
        Assert.Contains("1 outreach · 1 open · 0 overdue", pipeline.Seen());

        var export = await chat.SayAsync("export");
        await AssertExportAsync(bot, export, "Fraud checks built into the merchant checkout", "Export of 1 outreach", "Pipeline (CSV)");
    }

    [Fact]
    public async Task The_article_story_runs_end_to_end_in_Chinese()
    {
        using var bot = await OutreachChat.StartAsync();
        var chat = bot.Host.Chat(locale: "zh-CN");

        var summary = await chat.SayInTurnAsync(
            "新建 商户收银台内置风控",
            "支付网关",
            "支付中台",
            "下周五",
            "商户一直希望收银台自带风控，已有三家重点客户表示愿意采购。",
            "开放支付网关的交易事件接口和测试环境。",
            "更多交易走他们的网关，直接增加收入。");

        var summaryCard = Assert.Single(summary.Cards());
        Assert.Contains("已创建合作对接：商户收银台内置风控", summary.Seen());
        Assert.Contains("支付中台（待联系）", summary.Seen());
        Assert.Contains("12月4日（周五）18:00", summary.Seen());
        Assert.Equal(["起草话术", "找部门", "修改三点要素", "查看进展"], summaryCard.ButtonTitles());

        var pointer = await chat.SayAsync("话术");
        Assert.Contains("先问问支付中台的老同事该找谁", pointer.Seen());
        var pitch = await chat.PressAsync(Assert.Single(pointer.Cards()), "直接写给负责人");
        var pitchCard = Assert.Single(pitch.Cards());
        var draft = OutreachChat.ButtonData(pitchCard, "我已发送")["message"];
        Assert.StartsWith("余涵老师，您好！", draft);
        Assert.Contains("想请贵部门开放支付网关的交易事件接口和测试环境。更多交易走你们的网关，直接增加收入。", draft);
        PitchAssert.Sendable(draft, Language.Chinese);

        var contact = await chat.PressAsync(pitchCard, "我已发送");
        var contactCard = Assert.Single(contact.Cards());
        Assert.Contains("已记录与「支付中台」的联系", contact.Seen());

        var interested = await chat.PressAsync(contactCard, "有兴趣");
        Assert.Contains("「支付中台」很感兴趣，趁热打铁", interested.Seen());
        Assert.Contains("建议请双方领导也一起参加", interested.Seen());

        await chat.PressAsync(Assert.Single(interested.Cards()), "约会议");
        var booked = await chat.SayInTurnAsync("下周二下午三点", "是", "交易量和可用性", "跳过");
        Assert.Contains("已约好与「支付中台」的会议", booked.Seen());

        var outreachId = Assert.Single(await bot.Service.StatusAsync(Requester.User("test:user-1"))).OutreachId;
        await chat.ExecuteAsync(OutreachChat.Invoke(OutreachVerbs.TargetDepartment, new Dictionary<string, string> { ["outreachId"] = outreachId, ["departmentId"] = "risk", ["route"] = "KeywordSearch" }));
        await chat.ExecuteAsync(OutreachChat.Invoke(OutreachVerbs.RecordContact, new Dictionary<string, string> { ["outreachId"] = outreachId, ["departmentId"] = "risk" }));
        var refused = await chat.SayAsync("结果 风控中心 拒绝 收入不是他们的考核指标");
        Assert.Contains("「风控中心」拒绝了（收入不是对方的考核指标）", refused.Seen());
        Assert.Contains("其他候选部门", refused.Seen());
        Assert.Contains("评估直接采购「支付网关」", refused.Seen());

        await chat.ExecuteAsync(OutreachChat.Invoke(OutreachVerbs.TargetDepartment, new Dictionary<string, string> { ["outreachId"] = outreachId, ["departmentId"] = "pay-cross", ["route"] = "Referral" }));
        await chat.ExecuteAsync(OutreachChat.Invoke(OutreachVerbs.RecordContact, new Dictionary<string, string> { ["outreachId"] = outreachId, ["departmentId"] = "pay-cross" }));
        var noCapacity = await chat.SayAsync("结果 跨境支付组 没有人力");
        Assert.Contains("「跨境支付组」有意向，但缺人力", noCapacity.Seen());
        var capabilityOnly = OutreachChat.InputValue(Assert.Single(noCapacity.Cards()), "message");
        Assert.Contains("这次我们只需要借助贵部门的支付网关，不需要贵部门出人", capabilityOnly);
        PitchAssert.Sendable(capabilityOnly, Language.Chinese);

        var status = await chat.SayAsync("进展");
        Assert.Contains("支付中台：已约会议", status.Seen());
        Assert.Contains("风控中心：已婉拒", status.Seen());

        var partner = await chat.SayAsync("进展 支付中台");
        Assert.Contains("约定会议", partner.Seen());

        var pipeline = await chat.SayAsync("看板");
        Assert.Contains("共 1 次合作对接 · 进行中 1 · 已逾期 0", pipeline.Seen());

        var export = await chat.SayAsync("导出");
        await AssertExportAsync(bot, export, "商户收银台内置风控", "已导出 1 次合作对接", "看板（CSV）");
    }

    private static async Task AssertExportAsync(OutreachChat bot, IReadOnlyList<Activity> export, string idea, string title, string pipelineButton)
    {
        var card = Assert.Single(export.Cards());
        Assert.Contains(title, export.Seen());
        var link = new Uri((string)Testing.Transcript.FindAction(card, pipelineButton)["url"]!);
        var segments = link.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("files", segments[0]);

        var file = await bot.Host.Services.GetRequiredService<DownloadStore>().FindAsync(segments[1], Uri.UnescapeDataString(segments[2]), CancellationToken.None);

        Assert.NotNull(file);
        Assert.Equal("text/csv", file.ContentType);
        Assert.Contains(idea, Encoding.UTF8.GetString(file.Content));
    }
}
