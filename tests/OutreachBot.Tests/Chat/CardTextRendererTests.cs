using OutreachBot.Chat.Cards;
using OutreachBot.Chat.Output;

namespace OutreachBot.Tests.Chat;

public sealed class CardTextRendererTests
{
    private static AdaptiveCard Results() =>
        new(
            [
                new TextBlock("Departments") { Weight = TextWeight.Bolder },
                CardLayout.NumberedRow(1, [new TextBlock("Payments Platform")], [CardActions.Command("Target", "target", "pay-core"), CardActions.Command("Org chart", "org", "pay-core")]),
                CardLayout.NumberedRow(2, [new TextBlock("Risk Management Center")], [CardActions.Command("Target", "target", "risk"), CardActions.Command("Org chart", "org", "risk")]),
            ]);

    private static AdaptiveCard Reasons() =>
        new(
            [new TextBlock("What did they say?")],
            [
                CardActions.ShowCard("Refused", new AdaptiveCard(
                [
                    CardLayout.Picker("reason", "Why?", [new Choice("Not their scope", "not-their-scope"), new Choice("Revenue is not their KPI", "revenue-not-kpi")],
                        CardActions.Verb("Record the refusal", "recordOutcome", new Dictionary<string, string> { ["outcome"] = "refused" })),
                ])),
                CardActions.Verb("Interested", "recordOutcome", new Dictionary<string, string> { ["outcome"] = "interested" }),
            ]);

    [Theory]
    [InlineData("达成内容", "开放交易事件接口", "达成内容：开放交易事件接口")]
    [InlineData("Agreed", "Open the transaction events API", "Agreed: Open the transaction events API")]
    [InlineData("KPI", "营收", "KPI: 营收")]
    public void A_fact_reads_with_the_colon_its_label_language_writes(string title, string value, string expected)
    {
        var card = new AdaptiveCard([new FactSet([new Fact(title, value)])]);

        var text = CardTextRenderer.Render(card, [], markdown: false);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void A_row_number_stays_on_the_card_and_the_text_numbers_only_the_choices()
    {
        var choices = new List<NumberedChoice>();

        var text = CardTextRenderer.Render(Results(), choices);

        Assert.Equal("*Departments*\nPayments Platform\n1. Target\n2. Org chart\nRisk Management Center\n3. Target\n4. Org chart", text);
        Assert.Equal("risk", choices[2].Data[CardActions.ArgumentsKey]);
    }

    [Fact]
    public void The_card_still_shows_each_row_number()
    {
        var json = CardJson.Serialize(Results());

        Assert.Contains("\"text\":\"1.\"", json);
        Assert.Contains("\"text\":\"2.\"", json);
        Assert.DoesNotContain("cardOnly", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_picker_lists_each_choice_as_a_numbered_choice_that_sends_the_chosen_value()
    {
        var choices = new List<NumberedChoice>();

        var text = CardTextRenderer.Render(Reasons(), choices);

        Assert.Equal("What did they say?\nRefused:\nWhy?\n1. Not their scope\n2. Revenue is not their KPI\n3. Interested", text);
        Assert.Equal(("recordOutcome", "refused", "revenue-not-kpi"), (choices[1].Verb, choices[1].Data["outcome"], choices[1].Data["reason"]));
        Assert.False(choices[2].Data.ContainsKey("reason"));
    }

    [Fact]
    public void A_channel_without_Markdown_gets_no_emphasis_marks()
    {
        var text = CardTextRenderer.Render(Results(), [], markdown: false);

        Assert.StartsWith("Departments\n", text);
        Assert.DoesNotContain("*", text);
    }

    [Theory]
    [InlineData("slack", true)]
    [InlineData("telegram", true)]
    [InlineData("msteams", true)]
    [InlineData("sms", false)]
    [InlineData("facebook", false)]
    [InlineData(null, false)]
    public void Emphasis_is_sent_only_to_channels_that_render_Markdown(string? channel, bool markdown)
    {
        Assert.Equal(markdown, ChannelResponder.RendersMarkdown(channel));
    }
}
