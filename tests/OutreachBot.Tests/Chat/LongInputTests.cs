using System.Text;
using Newtonsoft.Json;
using OutreachBot.Chat.Cards;
using Xunit.Abstractions;

namespace OutreachBot.Tests.Chat;

/// <summary>
/// Long input is cut at the router before any work, and every card stays under Teams' size budget whatever the input:
/// the review's 10–20k-character arguments to <c>status</c>, <c>pitch</c> and <c>org</c>.
/// </summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class LongInputTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task Every_command_with_a_20000_character_argument_answers_with_cards_under_the_budget_and_says_it_cut_the_input(string locale)
    {
        using var bot = await OutreachChat.StartAsync();
        await bot.OutreachAsync("test:owner", "Checkout risk control", ["pay-core", "risk"]);
        var argument = Hostile(20_000);
        var catalog = bot.Host.Services.GetRequiredService<CommandCatalog>();
        var cutNotice = locale == "zh-CN" ? "内容太长，我只读取了前 2,000 个字符。" : "That was long, so I read only its first 2,000 characters.";

        var answers = new List<(string Command, int LargestCard, string Text)>();
        foreach (var command in catalog.All)
        {
            var chat = bot.Host.Chat(locale: locale, userId: "owner");
            var started = TimeProvider.System.GetTimestamp();
            var replies = await chat.SayAsync($"{command.Form(System.Globalization.CultureInfo.GetCultureInfo(locale))} {argument}");
            output.WriteLine($"{command.Name}: {TimeProvider.System.GetElapsedTime(started).TotalMilliseconds:F0} ms");
            answers.Add((command.Name, replies.Cards().Select(c => Encoding.UTF8.GetByteCount(c.ToString(Formatting.None))).DefaultIfEmpty(0).Max(), replies.AllText()));
            await chat.SayAsync(locale == "zh-CN" ? "取消" : "cancel");
        }

        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.True(a.LargestCard <= CardBudget.MaxBytes, $"{a.Command}: a card of {a.LargestCard} bytes"));
        Assert.All(answers, a => Assert.Contains(cutNotice, a.Text));
    }

    [Fact]
    public void A_card_over_the_budget_keeps_its_buttons_and_as_much_of_its_body_as_fits_then_says_there_is_more()
    {
        var items = Enumerable.Range(0, 40).Select(i => (CardElement)new TextBlock($"{i} " + Hostile(1_000))).ToList();
        var card = new AdaptiveCard(items, [CardActions.Command("Status", "status")]);

        var fitted = CardBudget.Fit(card, "This is too long to show in full here.");

        Assert.True(CardBudget.Size(card) > CardBudget.MaxBytes);
        Assert.InRange(CardBudget.Size(fitted), 1, CardBudget.MaxBytes);
        Assert.Equal(card.Actions, fitted.Actions);
        Assert.Equal(items[..10], fitted.Body.Take(10));
        Assert.Equal("This is too long to show in full here.", Assert.IsType<TextBlock>(fitted.Body[^1]).Text);
    }

    [Fact]
    public void A_card_within_the_budget_is_left_as_it_is()
    {
        var card = new AdaptiveCard([new TextBlock(Hostile(2_000))]);

        Assert.Same(card, CardBudget.Fit(card, "cut"));
    }

    [Fact]
    public void Cutting_never_splits_a_character_outside_the_basic_plane()
    {
        var text = new string('a', 9) + "😀" + "tail";

        var cut = InputLimits.Cut(text, 10);

        Assert.Equal(new string('a', 9), cut);
    }

    /// <summary>Words that make search, parsing and Markdown work hard: both scripts, links, emphasis, list markers.</summary>
    private static string Hostile(int length)
    {
        const string words = "payment gateway 支付网关 风控 risk control [refusal](https://evil.example/x) **bold** # heading - item 1. first 数据平台 ";
        var text = new StringBuilder(length + words.Length);
        while (text.Length < length)
        {
            text.Append(words);
        }

        return text.ToString(0, length);
    }
}
