using OutreachBot.Chat.Cards;
using OutreachBot.Chat.Localization;
using OutreachBot.Domain.Text;
using OutreachBot.Features.Settings;
using OutreachBot.Tests.Chat;

namespace OutreachBot.Tests.Cards;

public sealed class CardModelTests
{
    private static CollectedCard Collected(string name, AdaptiveCard card) => new(name, CardJson.Serialize(card), CardJson.Serialize(card).Length);

    private static AdaptiveCard EveryElement() =>
        new(
            [
                new TextBlock("Title") { Size = TextSize.Large, Weight = TextWeight.Bolder, Color = TextColor.Accent },
                new RichTextBlock([new TextRun("bold ") { Weight = TextWeight.Bolder }, new TextRun("italic") { Italic = true }]),
                new FactSet([new Fact("部门", "支付中台")]),
                new Container([new TextBlock("inside")]) { Style = ContainerStyle.Emphasis },
                new ColumnSet([new Column([new TextBlock("left")]) { Width = "auto" }, new Column([new TextBlock("right")]) { Width = "stretch" }]),
                new Table([new TableColumnDefinition(1), new TableColumnDefinition(2)], [new TableRow([new TableCell([new TextBlock("a")]), new TableCell([new TextBlock("b")])])]),
                new Image("https://example.com/logo.png") { AltText = "logo" },
                new TextInput("idea") { Label = "Idea", Placeholder = "…", IsMultiline = true, MaxLength = 500, IsRequired = true, ErrorMessage = "required" },
                new NumberInput("customers") { Label = "Customers", Min = 0, Max = 1_000_000 },
                new DateInput("day") { Label = "Day", Value = "2026-12-01" },
                new TimeInput("time") { Label = "Time", Value = "15:00" },
                new ChoiceSetInput("outcome", [new Choice("拒绝", "refused"), new Choice("有兴趣", "interested")]) { Label = "Outcome", Style = ChoiceInputStyle.Expanded },
                new ToggleInput("share", "Share with my team") { Value = "true" },
                new ActionSet([CardActions.Command("Status", "status")]),
            ],
            [
                CardActions.Verb("Record", "recordOutcome", new Dictionary<string, string> { ["outreachId"] = "o-42" }),
                CardActions.OpenUrl("Docs", new Uri("https://example.com/docs")),
                CardActions.ShowCard("More", new AdaptiveCard([new TextBlock("more")], [CardActions.Command("Help", "help")])),
            ]);

    [Fact]
    public void Every_card_element_and_card_function_passes_the_official_renderer()
    {
        var cards = new List<CollectedCard> { Collected("every element", EveryElement()) };
        foreach (var culture in new[] { Language.English.Culture, Language.Chinese.Culture })
        {
            cards.Add(Collected("help " + culture, ChatCards.Help(new HelpView(ProductCommands.Catalog.All, ProductCommands.Catalog.Shortcuts(ShortcutOn.WelcomeAndHelp)), culture)));
            cards.Add(Collected("short help " + culture, ChatCards.ShortHelp(culture, OutreachCommandSet.Status, "payments", ProductCommands.Catalog.Shortcuts(ShortcutOn.NotUnderstood))));
            cards.Add(Collected("welcome " + culture, ChatCards.Welcome(culture, ProductCommands.Catalog.Shortcuts(ShortcutOn.WelcomeAndHelp))));
            cards.Add(Collected("language " + culture, SettingsCards.LanguageChoice(culture)));
        }

        cards.Add(Collected("notice", ChatCards.Notice(["one", "two"])));

        var problems = CardValidator.Problems(cards);

        Assert.Empty(problems);
    }

    [Fact]
    public void The_validator_reports_errors_and_warnings_from_the_official_renderer()
    {
        var broken = new CollectedCard("broken", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Carousel"},{"type":"Input.Text"}]}""", 100);

        var problems = CardValidator.Problems([broken]);

        Assert.Contains(problems, p => p.Contains("UnknownElementType", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unique Id", StringComparison.Ordinal));
    }

    [Fact]
    public void The_validator_refuses_a_message_of_40_KB_or_more()
    {
        var card = Collected("big", new AdaptiveCard([new TextBlock("x")])) with { MessageBytes = CardValidator.MaxMessageBytes };

        var problems = CardValidator.Problems([card]);

        Assert.Contains(problems, p => p.Contains("limit 40960", StringComparison.Ordinal));
    }

    [Fact]
    public void Execute_actions_carry_the_same_data_in_their_Submit_fallback()
    {
        var action = CardActions.Command("中文", "language", "zh");

        var json = System.Text.Json.JsonDocument.Parse(System.Text.Json.JsonSerializer.Serialize<CardAction>(action, CardJson.Options)).RootElement;

        Assert.Equal("Action.Execute", json.GetProperty("type").GetString());
        Assert.Equal("language", json.GetProperty("verb").GetString());
        Assert.Equal("Action.Submit", json.GetProperty("fallback").GetProperty("type").GetString());
        Assert.Equal(json.GetProperty("data").GetRawText(), json.GetProperty("fallback").GetProperty("data").GetRawText());
    }
}
