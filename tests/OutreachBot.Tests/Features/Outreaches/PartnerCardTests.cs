using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Tests.Features.Outreaches;

/// <summary>The partner status card (<c>status &lt;department&gt;</c>) offers the next step for where the target stands.</summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class PartnerCardTests
{
    [Fact]
    public async Task A_contacted_partner_offers_the_three_outcome_buttons_that_record_the_outcome()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync("test:user-1", "Checkout risk control", ["pay-core"]);
        var chat = bot.Host.Chat();

        var card = (await chat.SayAsync("status payments platform")).Cards().Single();
        var pressed = await chat.PressAsync(card, "Interested");

        Assert.Equal(["Refused", "No capacity", "Interested", "Record the refusal", "Drop", "Status"], card.ButtonTitles());
        Assert.DoesNotContain("Draft the message", card.ButtonTitles());
        Assert.Equal(TargetStage.Interested, (await bot.StoredAsync(outreach.Id)).FindTarget("pay-core")!.Stage);
        Assert.NotEmpty(pressed.Cards());
    }

    [Fact]
    public async Task An_identified_partner_offers_the_draft_but_no_outcome_buttons_in_Chinese()
    {
        using var bot = await OutreachChat.StartAsync();
        await bot.OutreachAsync("test:user-1", "收银台风控", ["pay-core"], contacted: false);

        var card = (await bot.Host.Chat(locale: "zh-CN").SayAsync("进展 支付中台")).Cards().Single();

        Assert.Contains("起草话术", card.ButtonTitles());
        Assert.DoesNotContain("有兴趣", card.ButtonTitles());
    }

    [Fact]
    public async Task Another_users_partner_card_shows_no_outcome_buttons_for_the_owners_outreach()
    {
        using var bot = await OutreachChat.StartAsync();
        await bot.OutreachAsync("test:alice", "Checkout risk control", ["pay-core"]);

        var card = (await bot.Host.Chat(userId: "mallory").SayAsync("status payments platform")).Cards().Single();

        Assert.DoesNotContain("Interested", card.ButtonTitles());
    }
}
