using System.Globalization;
using System.Text.RegularExpressions;
using OutreachBot.Chat.Cards;

namespace OutreachBot.Tests.Chat;

/// <summary>The welcome card must read the same in Teams and in Web Chat, whose Markdown eats "1." lines and &lt;tags&gt;.</summary>
public sealed partial class WelcomeCardTests
{
    [Theory]
    [InlineData("en-US", "new", "find", "status")]
    [InlineData("zh-CN", "new", "find", "status")]
    public void The_three_steps_are_facts_whose_titles_are_the_commands_to_type(string locale, string first, string second, string third)
    {
        var card = ChatCards.Welcome(CultureInfo.GetCultureInfo(locale), ProductCommands.Catalog.Shortcuts(ShortcutOn.WelcomeAndHelp));

        var steps = card.Body.OfType<FactSet>().Single().Facts;

        Assert.Equal([first, second, third], steps.Select(s => Assert.IsType<ParsedText.Command>(ProductCommands.Parser.Parse(s.Title)).Definition.Name));
        Assert.All(steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Value)));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public void No_text_of_the_welcome_card_holds_angle_brackets_or_starts_like_a_Markdown_list(string locale)
    {
        var json = CardJson.Serialize(ChatCards.Welcome(CultureInfo.GetCultureInfo(locale), ProductCommands.Catalog.Shortcuts(ShortcutOn.WelcomeAndHelp)));

        var texts = Regex.Matches(json, "\"(?:text|title|value)\":\"((?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.None, TimeSpan.FromSeconds(1)).Select(m => Regex.Unescape(m.Groups[1].Value)).ToList();

        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.DoesNotMatch("[<>‹›＜＞]", t));
        Assert.All(texts, t => Assert.DoesNotMatch(MarkdownListStart(), t));
    }

    [GeneratedRegex(@"^\s*(\d+[.)]|[-*+])\s", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MarkdownListStart();
}
