using System.Text.Json.Serialization;

namespace OutreachBot.Chat.Cards;

/// <summary>An Adaptive Card, schema 1.5 (the highest Teams renders). Built by pure card functions, never by string concatenation.</summary>
public sealed record AdaptiveCard(IReadOnlyList<CardElement> Body, IReadOnlyList<CardAction>? Actions = null)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyOrder(-2)]
    public string Version => "1.5";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-1)]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Table), "Table")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(TimeInput), "Input.Time")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
public abstract record CardElement
{
    public string? Id { get; init; }

    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }

    /// <summary>
    /// Shown on card hosts only, left out of the text fallback: e.g. a row's number, where text channels number the
    /// choices instead (one numbering per message).
    /// </summary>
    [JsonIgnore]
    public bool CardOnly { get; init; }
}

public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge }

public enum TextSize { Small, Default, Medium, Large, ExtraLarge }

public enum TextWeight { Lighter, Default, Bolder }

public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

/// <summary>
/// A block of text. <see cref="Text"/> is plain text, whoever wrote it: it reaches the card escaped for the host's
/// Markdown (<see cref="CardMarkdown.Escape"/>), so a user's <c>[x](https://…)</c> or <c>**x**</c> shows as typed.
/// Markdown the bot makes itself goes through <see cref="FromMarkdown"/>.
/// </summary>
public sealed record TextBlock(string Text) : CardElement
{
    [JsonIgnore]
    public string Text { get; init; } = Text;

    /// <summary>Set only by <see cref="FromMarkdown"/>: Markdown the bot built, sent as is.</summary>
    [JsonIgnore]
    public CardMarkdown? BotMarkdown { get; init; }

    /// <summary>The text as the card carries it.</summary>
    [JsonPropertyName("text")]
    [JsonPropertyOrder(-1)]
    public string Markup => BotMarkdown?.Markup ?? CardMarkdown.Escape(Text);

    public bool Wrap { get; init; } = true;

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    /// <summary>A TextBlock whose Markdown the bot built (e.g. a link it made); user text inside it is <see cref="CardMarkdown.Text"/>.</summary>
    public static TextBlock FromMarkdown(CardMarkdown markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return new TextBlock(markdown.Plain) { BotMarkdown = markdown };
    }
}

/// <summary>A run of a RichTextBlock: plain text in every host (no Markdown), so it is not escaped.</summary>
public sealed record TextRun(string Text)
{
    [JsonPropertyOrder(-1)]
    public string Type => "TextRun";

    public TextWeight? Weight { get; init; }

    public bool? Italic { get; init; }

    public TextColor? Color { get; init; }
}

public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement;

/// <summary>A title and a value, both plain text (hosts render them as Markdown TextBlocks, so both are escaped).</summary>
public sealed record Fact(string Title, string Value)
{
    [JsonIgnore]
    public string Title { get; init; } = Title;

    [JsonIgnore]
    public string Value { get; init; } = Value;

    [JsonPropertyName("title")]
    public string TitleMarkup => CardMarkdown.Escape(Title);

    [JsonPropertyName("value")]
    public string ValueMarkup => CardMarkdown.Escape(Value);
}

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public ContainerStyle? Style { get; init; }
}

public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    /// <summary>"auto", "stretch", or a weight such as "2".</summary>
    public string? Width { get; init; }
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

public sealed record TableColumnDefinition(int Width);

public sealed record TableCell(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyOrder(-1)]
    public string Type => "TableCell";
}

public sealed record TableRow(IReadOnlyList<TableCell> Cells)
{
    [JsonPropertyOrder(-1)]
    public string Type => "TableRow";
}

public sealed record Table(IReadOnlyList<TableColumnDefinition> Columns, IReadOnlyList<TableRow> Rows) : CardElement
{
    public bool FirstRowAsHeader { get; init; } = true;
}

public sealed record Image(string Url) : CardElement
{
    public string? AltText { get; init; }
}

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

public abstract record InputElement : CardElement
{
    protected InputElement(string inputId) => Id = inputId;

    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

public sealed record TextInput([property: JsonIgnore] string InputId) : InputElement(InputId)
{
    public string? Placeholder { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public string? Value { get; init; }
}

public sealed record NumberInput([property: JsonIgnore] string InputId) : InputElement(InputId)
{
    public double? Min { get; init; }

    public double? Max { get; init; }

    public double? Value { get; init; }
}

public sealed record DateInput([property: JsonIgnore] string InputId) : InputElement(InputId)
{
    /// <summary>yyyy-MM-dd.</summary>
    public string? Value { get; init; }
}

public sealed record TimeInput([property: JsonIgnore] string InputId) : InputElement(InputId)
{
    /// <summary>HH:mm.</summary>
    public string? Value { get; init; }
}

public sealed record Choice(string Title, string Value);

public enum ChoiceInputStyle { Compact, Expanded }

/// <summary>
/// Choice titles are plain text. Expanded or multi-select (radio buttons, checkboxes) they are rendered as Markdown TextBlocks and are
/// escaped; in the compact drop-down they are shown as they are.
/// </summary>
public sealed record ChoiceSetInput([property: JsonIgnore] string InputId, IReadOnlyList<Choice> Choices) : InputElement(InputId)
{
    [JsonIgnore]
    public IReadOnlyList<Choice> Choices { get; init; } = Choices;

    [JsonPropertyName("choices")]
    public IReadOnlyList<Choice> ChoicesMarkup =>
        Style == ChoiceInputStyle.Expanded || IsMultiSelect == true ? [.. Choices.Select(c => c with { Title = CardMarkdown.Escape(c.Title) })] : Choices;

    public ChoiceInputStyle? Style { get; init; }

    public bool? IsMultiSelect { get; init; }

    public string? Value { get; init; }
}

/// <summary>The title is plain text (rendered as a Markdown TextBlock by hosts, so it is escaped).</summary>
public sealed record ToggleInput([property: JsonIgnore] string InputId, string Title) : InputElement(InputId)
{
    [JsonIgnore]
    public string Title { get; init; } = Title;

    [JsonPropertyName("title")]
    public string TitleMarkup => CardMarkdown.Escape(Title);

    public string? Value { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction(string Title);

/// <summary>Universal Action (Teams answers with an invoke); the Submit fallback serves hosts without it.</summary>
public sealed record ExecuteAction(string Title, string Verb, IReadOnlyDictionary<string, string> Data, CardAction Fallback) : CardAction(Title);

public sealed record SubmitAction(string Title, IReadOnlyDictionary<string, string> Data) : CardAction(Title);

public sealed record OpenUrlAction(string Title, Uri Url) : CardAction(Title);

public sealed record ShowCardAction(string Title, AdaptiveCard Card) : CardAction(Title);
