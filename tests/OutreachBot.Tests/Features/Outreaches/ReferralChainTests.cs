using Microsoft.Bot.Schema;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Tests.Features.Directory;
using static OutreachBot.Tests.Features.Outreaches.OutreachChat;

namespace OutreachBot.Tests.Features.Outreaches;

/// <summary>"I was introduced" from the department finder also stores the chain on my open outreach for that department.</summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class ReferralChainTests
{
    /// <summary>The user confirms every introduction of the three-hop path the finder offers first.</summary>
    private static readonly Dictionary<string, string> AllTicked = new() { ["intro1"] = "true", ["intro2"] = "true", ["intro3"] = "true" };

    [Fact]
    public async Task I_was_introduced_stores_the_chain_on_my_outreach_and_the_pitch_names_the_last_introducer()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(Owner, "Checkout risk control", [DemoCompany.Payments], contacted: false);
        var chat = bot.Host.Chat();

        var recorded = await IntroducedToPaymentsAsync(chat, AllTicked);
        var pitch = await chat.SayAsync("pitch Payments Platform");

        var target = (await bot.StoredAsync(outreach.Id)).FindTarget(DemoCompany.Payments)!;
        Assert.Equal(LeadRoute.Referral, target.Route);
        Assert.Equal(["Sihai Ouyang", "Hai Cai", "Yanyu Cai"], target.ReferralChain.Select(s => s.PersonName));
        Assert.Contains("Saved on your outreach “Checkout risk control”: Payments Platform was reached through this referral", recorded.Seen());
        Assert.Contains("Yanyu Cai", OutreachChat.InputValue(pitch.Cards().Single(), "message"));
    }

    [Fact]
    public async Task Without_an_outreach_for_the_department_only_the_introductions_are_recorded_in_Chinese()
    {
        using var bot = await OutreachChat.StartAsync();
        var other = await bot.OutreachAsync(Owner, "收银台风控", ["risk"], contacted: false);
        var chat = bot.Host.Chat(locale: "zh-CN");

        var recorded = await IntroducedToPaymentsAsync(chat, AllTicked);

        Assert.DoesNotContain("已记到拓展", recorded.Seen());
        Assert.Null((await bot.StoredAsync(other.Id)).FindTarget(DemoCompany.Payments));
    }

    [Fact]
    public async Task Only_the_introductions_the_user_confirmed_are_told_on_the_partner_card_and_in_the_brief()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(Owner, "Checkout risk control", [DemoCompany.Payments], contacted: false);
        var chat = bot.Host.Chat();

        await IntroducedToPaymentsAsync(chat, new Dictionary<string, string> { ["intro1"] = "true", ["intro2"] = "true", ["intro3"] = "false" });
        var partner = await chat.SayAsync("status payments platform");
        var brief = await chat.SayAsync("brief payments platform");

        var target = (await bot.StoredAsync(outreach.Id)).FindTarget(DemoCompany.Payments)!;
        Assert.Equal(["Sihai Ouyang", "Hai Cai"], target.ReferralChain.Select(s => s.PersonName));
        var told = "Sihai Ouyang introduced us to Hai Cai, then Hai Cai introduced us to Yanyu Cai";
        Assert.Contains("Introduction: " + told, partner.Seen());
        Assert.Contains("Introduction: " + told, brief.AllText());
        Assert.DoesNotContain("Yanyu Cai introduced us", partner.Seen() + brief.AllText());
    }

    [Fact]
    public async Task The_chain_on_the_outreach_appears_on_the_timeline_in_Chinese()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(Owner, "收银台风控", [DemoCompany.Payments], contacted: false);
        var chat = bot.Host.Chat(locale: "zh-CN");

        var recorded = await IntroducedToPaymentsAsync(chat, AllTicked);

        Assert.Contains("已记到合作对接“收银台风控”上：支付中台是经这条引荐联系上的", recorded.Seen());
        var timeline = (await bot.Service.GetTimelineAsync(Pm, outreach.Id)).Value!;
        Assert.Equal(TimelineEventKind.ReferralRecorded, timeline[^1].Kind);
    }

    /// <summary>
    /// The risk modeler (the user, as they say who they are) asks the finder for referrals to Payments Platform, answers
    /// "I was introduced" on the first path and records the introductions ticked, in the chat's language.
    /// </summary>
    private static async Task<IReadOnlyList<Activity>> IntroducedToPaymentsAsync(ChatTester chat, IReadOnlyDictionary<string, string> ticked)
    {
        var chinese = chat.Locale == "zh-CN";
        await chat.SayAsync((chinese ? "我是 " : "iam ") + DemoCompany.RiskModelerEmail);
        var referrals = await chat.SayAsync(chinese ? "引荐 支付中台" : "referrals Payments Platform");
        var asked = await chat.PressAsync(referrals.Cards()[0], chinese ? "我已被引荐" : "I was introduced");
        return await OutreachChat.PressWithInputsAsync(chat, asked.Cards()[0], chinese ? "记录勾选的引荐" : "Record these", ticked);
    }
}
