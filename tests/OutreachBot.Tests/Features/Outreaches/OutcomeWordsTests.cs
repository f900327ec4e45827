using System.Globalization;
using System.Xml.Linq;
using OutreachBot.Chat.Localization;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Tests.Features.Outreaches;

public sealed class OutcomeWordsTests
{
    [Theory]
    [InlineData("支付中台 拒绝 不属于他们的业务", "支付中台", PartnerOutcome.Refused, "不属于他们的业务")]
    [InlineData("支付中台拒绝", "支付中台", PartnerOutcome.Refused, null)]
    [InlineData("支付中台 没人力", "支付中台", PartnerOutcome.NoCapacity, null)]
    [InlineData("支付中台 没有人力 下个季度再说", "支付中台", PartnerOutcome.NoCapacity, "下个季度再说")]
    [InlineData("支付中台 有兴趣", "支付中台", PartnerOutcome.Interested, null)]
    [InlineData("跨境支付组 感兴趣", "跨境支付组", PartnerOutcome.Interested, null)]
    [InlineData("Payments Platform refused revenue is not their KPI", "Payments Platform", PartnerOutcome.Refused, "revenue is not their KPI")]
    [InlineData("Payments Platform no capacity", "Payments Platform", PartnerOutcome.NoCapacity, null)]
    [InlineData("Payments Platform no-capacity", "Payments Platform", PartnerOutcome.NoCapacity, null)]
    [InlineData("payments no", "payments", PartnerOutcome.Refused, null)]
    [InlineData("Risk Management Center INTERESTED", "Risk Management Center", PartnerOutcome.Interested, null)]
    public void The_outcome_command_reads_department_outcome_and_reason_in_both_languages(string text, string department, PartnerOutcome outcome, string? reason)
    {
        var parsed = OutcomeWords.ParseCommand(text);

        Assert.Equal(new OutcomeCommandText(department, outcome, reason), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("支付中台")]
    [InlineData("refused")]
    [InlineData("Payments Platform maybe")]
    public void Text_without_a_department_and_an_outcome_is_not_an_outcome_command(string text)
    {
        Assert.Null(OutcomeWords.ParseCommand(text));
    }

    [Theory]
    [InlineData("不属于他们的业务范围", RefusalReason.NotTheirScope)]
    [InlineData("收入不是他们的考核指标", RefusalReason.RevenueNotTheirKpi)]
    [InlineData("revenue is not their KPI", RefusalReason.RevenueNotTheirKpi)]
    [InlineData("他们聚焦本业", RefusalReason.FocusedOnCore)]
    [InlineData("focused on core", RefusalReason.FocusedOnCore)]
    [InlineData("领导换了", RefusalReason.Other)]
    public void Refusal_reasons_are_recognized_and_the_words_kept_as_the_note(string text, RefusalReason reason)
    {
        Assert.Equal((reason, text), OutcomeWords.ParseReason(text));
    }

    [Fact]
    public void A_reason_button_value_is_the_reason_alone()
    {
        Assert.Equal((RefusalReason.RevenueNotTheirKpi, (string?)null), OutcomeWords.ParseReason("revenue-not-kpi"));
    }

    [Fact]
    public void Every_outreach_text_exists_in_both_languages()
    {
        var folder = Path.Combine(CardValidator.RepositoryRoot(), "src", "OutreachBot", "Features", "Outreaches");
        static HashSet<string> Keys(string file) =>
            [.. XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];

        var english = Keys(Path.Combine(folder, "OutreachTexts.resx"));
        var chinese = Keys(Path.Combine(folder, "OutreachTexts.zh-CN.resx"));

        Assert.Empty(english.Except(chinese));
        Assert.Empty(chinese.Except(english));
        Assert.All(Enum.GetNames<TimelineEventKind>(), kind => Assert.Contains("TimelineEventKind." + kind, english));
    }
}

[Collection(RenderedCardsCollection.Name)]
public sealed class OutreachTextChannelTests
{
    [Fact]
    public async Task On_a_channel_without_cards_the_pitch_draft_is_readable_and_I_sent_it_is_a_numbered_choice()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync("slack:user-1", "Checkout risk", ["pay-core"], contacted: false);
        var chat = bot.Host.Chat(channel: "slack");

        var pitch = await chat.SayAsync("pitch");
        var sent = await chat.SayAsync("1");

        Assert.Equal(3, pitch.Count);
        Assert.Contains("The next message is the draft, ready to copy.", pitch[0].Text);
        Assert.StartsWith("Hi ", pitch[1].Text);
        Assert.Contains("Could you point me to the right colleague?", pitch[1].Text);
        Assert.DoesNotContain("1.", pitch[1].Text);
        Assert.Contains("1. I sent it", pitch[2].Text);
        Assert.Contains("2. Edit", pitch[2].Text);
        Assert.Contains("Contact with Payments Platform recorded", Assert.Single(sent).Text);
        Assert.Equal(TargetStage.Contacted, (await bot.Service.GetAsync(Requester.User("slack:user-1"), outreach.Id)).Value!.FindTarget("pay-core")!.Stage);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task On_a_channel_without_cards_each_refusal_reason_is_a_numbered_choice(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);
        string Say(string key) => Texts<OutreachTexts>.Get(culture, key);
        var numbered = $"1. {Say("RefusalReason.NotTheirScope")}\n2. {Say("RefusalReason.RevenueNotTheirKpi")}\n3. {Say("RefusalReason.FocusedOnCore")}\n4. {Say("RefusalReason.Other")}\n"
            + $"5. {Say("Button.NoCapacity")}\n6. {Say("Button.Interested")}";
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync("slack:user-1", "Checkout risk", ["pay-core"], contacted: false);
        var chat = bot.Host.Chat(channel: "slack", locale: locale);
        await chat.SayAsync(locale == "zh-CN" ? "话术" : "pitch");

        var contact = Assert.Single(await chat.SayAsync("1")).Text;
        var refused = await chat.SayAsync("2");

        Assert.Contains(numbered, contact);
        TextChannelAssert.NumberedOnce(contact);
        Assert.DoesNotContain("**", contact);
        var target = (await bot.Service.GetAsync(Requester.User("slack:user-1"), outreach.Id)).Value!.FindTarget("pay-core")!;
        Assert.Equal((TargetStage.Refused, RefusalReason.RevenueNotTheirKpi), (target.Stage, target.RefusalReason));
        TextChannelAssert.NumberedOnce(Assert.Single(refused).Text);
    }
}
