using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.Storage.StageTwo;
using OutreachBot.Tests.Features.Directory;
using static OutreachBot.Tests.Features.Outreaches.OutreachChat;

namespace OutreachBot.Tests.Features.StageTwo;

/// <summary>
/// Stage 2 is for the partner you are meeting: with several partners in stage 2 the bot asks which, a department named
/// after the command chooses it, a partner's card button opens its material, and its KPIs, leader's concerns and work
/// split belong to it alone.
/// </summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class StageTwoPerPartnerTests
{
    [Fact]
    public async Task With_two_partners_in_stage_two_the_brief_asks_which_and_then_follows_the_choice_in_English()
    {
        using var bot = await OutreachChat.StartAsync();
        await PaymentsAndRiskInStageTwoAsync(bot);
        var chat = bot.Host.Chat(locale: "en-US");

        var asked = await chat.SayAsync("brief");
        var payments = await chat.PressAsync(asked.Cards().Single(), "Payments Platform");
        var remembered = await chat.SayAsync("brief");
        var risk = await chat.SayAsync("brief risk");

        Assert.Contains("Several partners of “Checkout risk control” are in stage 2. Which one is this for?", asked.AllText());
        Assert.Equal(["Risk Management Center", "Payments Platform"], asked.Cards().Single().ButtonTitles());
        Assert.Contains("Collaboration brief: Checkout risk control × Payments Platform", payments.AllText());
        Assert.Contains("Speaks to your focus on “revenue growth”", payments.AllText());
        Assert.DoesNotContain("headcount", payments.AllText());
        Assert.Contains("× Payments Platform", remembered.AllText());
        Assert.Contains("For Risk Management Center", remembered.Cards().Single().ButtonTitles());
        Assert.Contains("Collaboration brief: Checkout risk control × Risk Management Center", risk.AllText());
        Assert.Contains("Speaks to your focus on “headcount”", risk.AllText());
        Assert.DoesNotContain("revenue growth", risk.AllText());
        Assert.Equal("risk", (await Repository(bot).GetFocusedPartnerAsync(Owner))!.DepartmentId);
    }

    [Fact]
    public async Task With_two_partners_in_stage_two_the_brief_asks_which_and_a_keyword_names_one_in_Chinese()
    {
        using var bot = await OutreachChat.StartAsync();
        await TwoPartnersAsync(bot, "收银台风控", ("data-platform", "数据资产变现", "数据安全"), ("risk", "欺诈损失率", "人力紧张"));
        var chat = bot.Host.Chat(locale: "zh-CN");

        var asked = await chat.SayAsync("简报");
        var risk = await chat.PressAsync(asked.Cards().Single(), "风控中心");
        var data = await chat.SayAsync("简报 大数据");
        var market = await chat.SayAsync("市场");

        Assert.Contains("“收银台风控”有几个部门都进入了第二阶段，这份材料是给哪个部门的？", asked.AllText());
        Assert.Contains("合作简报：收银台风控 × 风控中心", risk.AllText());
        Assert.Contains("对应贵部门关注的「人力紧张」", risk.AllText());
        Assert.Contains("合作简报：收银台风控 × 数据平台部", data.AllText());
        Assert.DoesNotContain("人力紧张", data.AllText());
        Assert.Contains("合作对接：收银台风控 → 数据平台部", market.AllText());
        Assert.Contains("换成风控中心", market.Cards().Single().ButtonTitles());
    }

    [Fact]
    public async Task Market_and_bids_with_a_department_name_that_partner_and_remember_it()
    {
        using var bot = await OutreachChat.StartAsync();
        await PaymentsAndRiskInStageTwoAsync(bot);
        var chat = bot.Host.Chat(locale: "en-US");

        var bids = await chat.SayAsync("bids risk 6");
        var market = await chat.SayAsync("market payments platform");
        var brief = await chat.SayAsync("brief");

        Assert.Contains("Outreach: Checkout risk control → Risk Management Center", bids.AllText());
        Assert.Contains("Outreach: Checkout risk control → Payments Platform", market.AllText());
        Assert.Contains("Collaboration brief: Checkout risk control × Payments Platform", brief.AllText());
        Assert.Equal(DemoCompany.Payments, (await Repository(bot).GetFocusedPartnerAsync(Owner))!.DepartmentId);
    }

    [Fact]
    public async Task The_work_split_belongs_to_the_partner_it_was_written_for()
    {
        using var bot = await OutreachChat.StartAsync();
        var id = await PaymentsAndRiskInStageTwoAsync(bot);
        var chat = bot.Host.Chat(locale: "en-US");

        var risk = await chat.SayInTurnAsync("brief risk work", "fraud model API partner; delivery us", "revenue share", "us 60%, partner 40%");
        var payments = await chat.SayAsync("brief payments platform");

        Assert.Contains("× Risk Management Center", risk.AllText());
        Assert.Contains("Revenue split: us 60%, partner 40%", risk.AllText());
        Assert.Contains("To do: Fill in the division of labour", payments.AllText());
        var material = (await Repository(bot).GetAsync(Pm, id)).Value!;
        Assert.Equal(2, material.WorkFor("risk")!.DivisionOfLabour.Count);
        Assert.Null(material.WorkFor(DemoCompany.Payments));
    }

    [Fact]
    public async Task Start_stage_two_on_an_interested_partner_opens_that_partners_brief()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(Owner, "Checkout risk control", [DemoCompany.Payments, "risk"]);
        await bot.MoveOnAsync(outreach.Id, DemoCompany.Payments, TargetStage.Interested);
        var chat = bot.Host.Chat(locale: "en-US");

        var interested = await chat.SayAsync("outcome risk management center interested");
        var brief = await chat.PressAsync(interested.Cards().Single(), "Start stage 2");

        Assert.Contains("Collaboration brief: Checkout risk control × Risk Management Center", brief.AllText());
        Assert.Equal("risk", (await Repository(bot).GetFocusedPartnerAsync(Owner))!.DepartmentId);
    }

    [Fact]
    public async Task A_partner_not_in_my_outreaches_is_named_back_and_nothing_is_remembered()
    {
        using var bot = await OutreachChat.StartAsync();
        await bot.OutreachAsync(Owner, "Checkout risk control", [DemoCompany.Payments]);
        var chat = bot.Host.Chat(locale: "en-US");

        var replies = await chat.SayAsync("brief cloud storage");

        Assert.Contains("I can't find a partner like “cloud storage” in your outreaches.", replies.AllText());
        Assert.Null(await Repository(bot).GetFocusedPartnerAsync(Owner));
    }

    [Fact]
    public async Task A_forged_partner_button_for_someone_elses_outreach_changes_nothing()
    {
        using var bot = await OutreachChat.StartAsync();
        var theirs = await bot.OutreachAsync("test:someone-else", "Their outreach", [DemoCompany.Payments]);
        var chat = bot.Host.Chat(locale: "en-US");

        var replies = await chat.ExecuteAsync(OutreachChat.Invoke("stage2.partner", new Dictionary<string, string>
        {
            ["verb"] = "stage2.partner",
            ["outreach"] = theirs.Id,
            ["department"] = DemoCompany.Payments,
            ["command"] = "brief",
        }));

        Assert.Contains("That outreach does not exist, or it is not shared with you.", replies.AllText());
        Assert.Null(await Repository(bot).GetFocusedPartnerAsync(Owner));
    }

    private static StageTwoRepository Repository(OutreachChat bot) => bot.Host.Services.GetRequiredService<StageTwoRepository>();

    /// <summary>“Checkout risk control” with Payments Platform (revenue growth; stability) and Risk Management Center (fraud loss rate; headcount) in stage 2.</summary>
    private static Task<string> PaymentsAndRiskInStageTwoAsync(OutreachChat bot) =>
        TwoPartnersAsync(bot, "Checkout risk control", (DemoCompany.Payments, "revenue growth", "stability"), ("risk", "fraud loss rate", "headcount"));

    private static async Task<string> TwoPartnersAsync(OutreachChat bot, string idea, params (string Department, string Kpis, string Concerns)[] partners)
    {
        var outreach = await bot.OutreachAsync(Owner, idea, [.. partners.Select(p => p.Department)]);
        foreach (var (department, kpis, concerns) in partners)
        {
            (await bot.Service.RecordOutcomeAsync(Pm, outreach.Id, department, ContactOutcome.Interested)).GetValueOrThrow();
            (await bot.Service.RecordInsightAsync(Pm, outreach.Id, department, kpis, concerns)).GetValueOrThrow();
        }

        (await bot.Service.ScheduleMeetingAsync(Pm, outreach.Id, new NewMeeting(partners[^1].Department, bot.Host.Clock.GetUtcNow().AddDays(2)))).GetValueOrThrow();
        return outreach.Id;
    }
}
