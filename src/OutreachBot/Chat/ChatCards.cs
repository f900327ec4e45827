using System.Globalization;

namespace OutreachBot.Chat;

/// <param name="Commands">Every registered command, in help order.</param>
/// <param name="Shortcuts">The commands the help card offers as buttons after "Help".</param>
public sealed record HelpView(IReadOnlyList<CommandDefinition> Commands, IReadOnlyList<CommandDefinition> Shortcuts);

/// <summary>The conversation layer's cards, one pure function each.</summary>
public static class ChatCards
{
    public static AdaptiveCard Help(HelpView view, CultureInfo culture)
    {
        var lines = view.Commands.Select(c => (CardElement)new TextBlock("• " + c.HelpText(culture)) { Spacing = Spacing.None });
        return new AdaptiveCard(
            [
                new TextBlock(T(culture, "Help.Title")) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
                new TextBlock(T(culture, "Help.Intro")),
                new Container([.. lines]),
            ],
            CommonActions(culture, view.Shortcuts));
    }

    /// <param name="suggestion">A command the first word nearly spells, offered first.</param>
    /// <param name="shortcuts">The commands offered as buttons after "Help".</param>
    public static AdaptiveCard ShortHelp(CultureInfo culture, CommandDefinition? suggestion, string arguments, IReadOnlyList<CommandDefinition> shortcuts)
    {
        var body = new List<CardElement> { new TextBlock(T(culture, "Unknown.Text")) };
        var actions = new List<CardAction>();
        if (suggestion is not null)
        {
            var shown = suggestion.Form(culture);
            body.Insert(0, new TextBlock(T(culture, "Unknown.DidYouMean", shown)) { Weight = TextWeight.Bolder });
            actions.Add(CardActions.Command(arguments.Length == 0 ? shown : $"{shown} {arguments}", suggestion.Name, arguments));
        }

        return new AdaptiveCard(body, [.. actions, .. CommonActions(culture, shortcuts)]);
    }

    /// <summary>The answer to "hi" / "你好" (or "thanks"): one friendly line and the next useful buttons.</summary>
    public static AdaptiveCard Greeting(CultureInfo culture, bool thanks, IReadOnlyList<CommandDefinition> shortcuts) =>
        new([new TextBlock(T(culture, thanks ? "Natural.Thanks" : "Natural.Greeting"))], CommonActions(culture, shortcuts));

    /// <summary>One short question when a sentence could mean more than one thing: each button runs one reading.</summary>
    public static AdaptiveCard DidYouMean(CultureInfo culture, IReadOnlyList<(string Label, CommandDefinition Command, string Arguments)> options) =>
        new(
            [new TextBlock(T(culture, options.Count == 1 ? "Natural.DidYouMeanOne" : "Natural.DidYouMeanSeveral"))],
            [.. options.Select(o => CardActions.Command(o.Label, o.Command.Name, o.Arguments))]);

    private static readonly int[] WelcomeSteps = [1, 2, 3];

    /// <summary>
    /// The steps are a FactSet (command → what it does) rather than "1. …" lines: a lone "1." TextBlock is parsed as an
    /// empty Markdown list in Web Chat, and placeholders avoid angle brackets, which Web Chat strips as HTML.
    /// </summary>
    /// <param name="shortcuts">The commands offered as buttons after "Help".</param>
    public static AdaptiveCard Welcome(CultureInfo culture, IReadOnlyList<CommandDefinition> shortcuts) =>
        new(
            [
                new TextBlock(T(culture, "Welcome.Title")) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
                new TextBlock(T(culture, "Welcome.Intro")),
                new FactSet([.. WelcomeSteps.Select(i => new Fact(T(culture, $"Welcome.Step{i}.Command"), T(culture, $"Welcome.Step{i}.Does")))]),
            ],
            CommonActions(culture, shortcuts));

    /// <summary>The answer to an Action.Execute whose handler replied only with text: the text as the updated card.</summary>
    public static AdaptiveCard Notice(IReadOnlyList<string> lines) =>
        new(lines.Select(l => (CardElement)new TextBlock(l)).ToList());

    private static List<CardAction> CommonActions(CultureInfo culture, IReadOnlyList<CommandDefinition> shortcuts) =>
    [
        CardActions.Command(T(culture, "Button.Help"), CoreCommandSet.Help.Name),
        .. shortcuts.Select(c => CardActions.Command(c.ButtonTitle(culture), c.Name, c.ButtonArguments(culture))),
    ];

    private static string T(CultureInfo culture, string key, params object?[] args) => Texts<ChatTexts>.Get(culture, key, args);
}
