using System.Globalization;
using OutreachBot.Chat.Cards;
using OutreachBot.Chat.Commands;
using OutreachBot.Chat.Localization;

namespace OutreachBot.Chat;

public sealed record HelpView(IReadOnlyList<CommandDefinition> Commands, IReadOnlySet<string> Available);

/// <summary>The conversation layer's cards, one pure function each.</summary>
public static class ChatCards
{
    public static AdaptiveCard Help(HelpView view, CultureInfo culture)
    {
        var lines = view.Commands.Select(c => (CardElement)new TextBlock(
            "• " + T(culture, $"Command.{c.Name}") + (view.Available.Contains(c.Name) ? "" : " " + T(culture, "Help.Coming")))
        {
            Spacing = Spacing.None,
            IsSubtle = view.Available.Contains(c.Name) ? null : true,
        });
        return new AdaptiveCard(
            [
                new TextBlock(T(culture, "Help.Title")) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
                new TextBlock(T(culture, "Help.Intro")),
                new Container([.. lines]),
            ],
            CommonActions(culture));
    }

    public static AdaptiveCard ShortHelp(CultureInfo culture, CommandDefinition? suggestion, string arguments)
    {
        var body = new List<CardElement> { new TextBlock(T(culture, "Unknown.Text")) };
        var actions = new List<CardAction>();
        if (suggestion is not null)
        {
            var zh = culture.Name.StartsWith("zh", StringComparison.Ordinal);
            var shown = zh ? suggestion.Chinese : suggestion.Name;
            body.Insert(0, new TextBlock(T(culture, "Unknown.DidYouMean", shown)) { Weight = TextWeight.Bolder });
            actions.Add(CardActions.Command(arguments.Length == 0 ? shown : $"{shown} {arguments}", suggestion.Name, arguments));
        }

        actions.Add(CardActions.Command(T(culture, "Button.Help"), CommandCatalog.Help.Name));
        actions.Add(CardActions.Command(T(culture, "Button.Status"), CommandCatalog.Status.Name));
        return new AdaptiveCard(body, actions);
    }

    private static readonly int[] WelcomeSteps = [1, 2, 3];

    /// <summary>
    /// The steps are a FactSet (command → what it does) rather than "1. …" lines: a lone "1." TextBlock is parsed as an
    /// empty Markdown list in Web Chat, and placeholders avoid angle brackets, which Web Chat strips as HTML.
    /// </summary>
    public static AdaptiveCard Welcome(CultureInfo culture) =>
        new(
            [
                new TextBlock(T(culture, "Welcome.Title")) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
                new TextBlock(T(culture, "Welcome.Intro")),
                new FactSet([.. WelcomeSteps.Select(i => new Fact(T(culture, $"Welcome.Step{i}.Command"), T(culture, $"Welcome.Step{i}.Does")))]),
            ],
            CommonActions(culture));

    /// <summary>The answer to an Action.Execute whose handler replied only with text: the text as the updated card.</summary>
    public static AdaptiveCard Notice(IReadOnlyList<string> lines) =>
        new(lines.Select(l => (CardElement)new TextBlock(l)).ToList());

    private static List<CardAction> CommonActions(CultureInfo culture) =>
    [
        CardActions.Command(T(culture, "Button.Help"), CommandCatalog.Help.Name),
        CardActions.Command(T(culture, "Button.Settings"), CommandCatalog.Settings.Name),
        culture.Name.StartsWith("zh", StringComparison.Ordinal)
            ? CardActions.Command("English", CommandCatalog.Language.Name, "en")
            : CardActions.Command("中文", CommandCatalog.Language.Name, "zh"),
    ];

    private static string T(CultureInfo culture, string key, params object?[] args) => Texts<ChatTexts>.Get(culture, key, args);
}
