using System.Globalization;
using System.Resources;

namespace OutreachBot.Chat.Commands;

/// <summary>
/// A chat command as the feature that handles it declares it: its English name (also the card verb), its Chinese form,
/// extra aliases, where help lists it, and the feature's resources that hold its help line (<c>Command.{name}</c>).
/// Declare one as a <see cref="CommandDefinition{TTexts}"/> in the feature's folder and register it with
/// <c>services.AddCommand&lt;THandler&gt;(definition)</c>; the parser, the router and help find it from there.
/// </summary>
public abstract class CommandDefinition
{
    private readonly ResourceManager resources;

    private protected CommandDefinition(string name, string chinese, int helpOrder, Type texts, IReadOnlyList<string> aliases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(chinese);
        if (!name.All(c => char.IsAsciiLetterLower(c) || c == '-'))
        {
            throw new ArgumentException($"A command name is lower-case ASCII (it is also a card verb): '{name}'.", nameof(name));
        }

        Name = name;
        Chinese = chinese;
        HelpOrder = helpOrder;
        Texts = texts;
        Aliases = aliases;
        resources = new ResourceManager(texts);
    }

    /// <summary>The English form, also the verb of the card buttons that run the command.</summary>
    public string Name { get; }

    public string Chinese { get; }

    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Help lists commands by this number, lowest first (see docs/architecture.md for the numbers in use).</summary>
    public int HelpOrder { get; }

    /// <summary>The feature's resource marker class: <c>Command.{Name}</c> is the help line in both languages.</summary>
    public Type Texts { get; }

    /// <summary>
    /// Where the chat core's own cards offer this command as a button. The label is <c>Command.{Name}.Button</c> and,
    /// when present, <c>Command.{Name}.ButtonArguments</c> is what the button passes as the command's arguments.
    /// </summary>
    public ShortcutOn Shortcut { get; init; }

    /// <summary>Only shows something (status, find…): typed mid-flow it is answered in place and the flow goes on.</summary>
    public bool AnswersInPlace { get; init; }

    /// <summary>Changes stored data: read from a sentence in the user's own words, it runs only when the reading is sure.</summary>
    public bool ChangesData { get; init; }

    /// <summary>Answers "what should I do next?" / "下一步做什么" (the next best action per partner).</summary>
    public bool AnswersWhatNext { get; init; }

    /// <summary>A single file of one of these types (file extension such as <c>.csv</c>, or media type), sent without text, runs this command.</summary>
    public IReadOnlyList<string> FileTypes { get; init; } = [];

    public IEnumerable<string> AllForms => [Name, Chinese, .. Aliases];

    /// <summary>How a user of this language types the command.</summary>
    public string Form(CultureInfo culture) => Language.Of(culture) == Language.Chinese ? Chinese : Name;

    /// <summary>The command's line in help, e.g. "status [department] — where things stand".</summary>
    public string HelpText(CultureInfo culture) => Text(culture, $"Command.{Name}");

    public string ButtonTitle(CultureInfo culture) => Text(culture, $"Command.{Name}.Button");

    public string? ButtonArguments(CultureInfo culture) => resources.GetString($"Command.{Name}.ButtonArguments", culture);

    public override string ToString() => Name;

    private string Text(CultureInfo culture, string key) =>
        resources.GetString(key, culture) ?? throw new MissingTextException(key, Texts.FullName);
}

/// <summary>A command whose help line and button texts live in <typeparamref name="TTexts"/>'s resources (zh-CN and en-US).</summary>
/// <example><code>
/// public static CommandDefinition Status { get; } =
///     new CommandDefinition&lt;OutreachTexts&gt;("status", "进展", helpOrder: 90, "进度") { Shortcut = ShortcutOn.NotUnderstood };
/// </code></example>
public sealed class CommandDefinition<TTexts>(string name, string chinese, int helpOrder, params string[] aliases)
    : CommandDefinition(name, chinese, helpOrder, typeof(TTexts), aliases);

/// <summary>The chat core's cards that can carry a feature's command as a button.</summary>
[Flags]
public enum ShortcutOn
{
    None = 0,

    /// <summary>The welcome card and the help card.</summary>
    WelcomeAndHelp = 1,

    /// <summary>The "I didn't understand" answer.</summary>
    NotUnderstood = 2,
}
