using System.Globalization;
using OutreachBot.Domain.Directory.Search;

namespace OutreachBot.Chat.Output;

/// <summary>
/// The same content as a card, as readable text for channels without Adaptive Cards: buttons become numbered
/// choices the user can type back, numbered once per message (rows' own numbers are <see cref="CardElement.CardOnly"/>);
/// a picker (<see cref="CardLayout.Picker"/>) lists each of its choices as a numbered choice. Emphasis marks only where
/// the channel renders Markdown. On channels that render Markdown the text is the card's escaped
/// markup (<see cref="TextBlock.Markup"/>), never a user's raw text; elsewhere it is the plain text.
/// </summary>
public static class CardTextRenderer
{
    public static string Render(AdaptiveCard card, List<NumberedChoice> choices, bool markdown = true)
    {
        var lines = new List<string>();
        RenderCard(card, lines, choices, markdown);
        return string.Join('\n', lines.Where(l => l.Length > 0));
    }

    private static void RenderCard(AdaptiveCard card, List<string> lines, List<NumberedChoice> choices, bool markdown)
    {
        RenderElements(card.Body, lines, choices, markdown);
        RenderActions(card.Actions ?? [], lines, choices, markdown);
    }

    private static void RenderElements(IEnumerable<CardElement> elements, List<string> lines, List<NumberedChoice> choices, bool markdown)
    {
        foreach (var element in elements)
        {
            RenderElement(element, lines, choices, markdown);
        }
    }

    private static void RenderActions(IEnumerable<CardAction> actions, List<string> lines, List<NumberedChoice> choices, bool markdown)
    {
        foreach (var action in actions)
        {
            RenderAction(action, lines, choices, markdown);
        }
    }

    private static void RenderElement(CardElement element, List<string> lines, List<NumberedChoice> choices, bool markdown)
    {
        switch (element)
        {
            case { CardOnly: true }:
                break;
            case TextBlock text:
                lines.Add(!markdown ? text.Text : text.Weight == TextWeight.Bolder ? $"*{text.Markup}*" : text.Markup);
                break;
            case Container { Items: [ChoiceSetInput { IsMultiSelect: not true } picker, ActionSet { Actions: [var action] }] } when Sends(action) is { } sends:
                if (picker.Label is { } pickerLabel)
                {
                    lines.Add(pickerLabel);
                }

                foreach (var choice in picker.Choices)
                {
                    AddChoice(choice.Title, sends.Verb, new Dictionary<string, string>(sends.Data) { [picker.Id!] = choice.Value }, lines, choices, markdown);
                }

                break;
            case RichTextBlock rich:
                lines.Add(Escaped(string.Concat(rich.Inlines.Select(i => i.Text)), markdown));
                break;
            case FactSet facts:
                lines.AddRange(facts.Facts.Select(f => (markdown ? f.TitleMarkup : f.Title) + LabelEnd(f.Title) + (markdown ? f.ValueMarkup : f.Value)));
                break;
            case Container container:
                RenderElements(container.Items, lines, choices, markdown);
                break;
            case ColumnSet columns:
                RenderElements(columns.Columns.SelectMany(c => c.Items), lines, choices, markdown);
                break;
            case Table table:
                foreach (var row in table.Rows)
                {
                    lines.Add(string.Join(" | ", row.Cells.Select(cell =>
                    {
                        var cellLines = new List<string>();
                        RenderElements(cell.Items, cellLines, choices, markdown);
                        return string.Join(' ', cellLines);
                    })));
                }

                break;
            case Image image:
                if (image.AltText is { } alt)
                {
                    lines.Add(CardMarkdown.Escape($"[{alt}]"));
                }

                break;
            case ActionSet set:
                RenderActions(set.Actions, lines, choices, markdown);
                break;
            case ChoiceSetInput choiceSet:
                lines.Add(CardMarkdown.Escape($"{choiceSet.Label}{LabelEnd(choiceSet.Label)}{string.Join(" / ", choiceSet.Choices.Select(c => c.Title))}"));
                break;
            case TextInput { Label: { } label, Value: { Length: > 0 } value }:
                lines.Add(CardMarkdown.Escape(label) + LabelEnd(label).TrimEnd());
                lines.Add(CardMarkdown.Escape(value));
                break;
            case InputElement input when input.Label is { } label:
                lines.Add(CardMarkdown.Escape(label));
                break;
        }
    }

    /// <summary>A user's or a card's text as it may stand in the message: escaped where the channel renders Markdown.</summary>
    private static string Escaped(string text, bool markdown) => markdown ? CardMarkdown.Escape(text) : text;

    /// <summary>The colon after a label as its language writes it: full-width and no space after Chinese ("达成内容：…"), ": " otherwise.</summary>
    private static string LabelEnd(string? label) =>
        label is { Length: > 0 } && ChineseText.IsCjk(label[^1]) ? "：" : ": ";

    private static void RenderAction(CardAction action, List<string> lines, List<NumberedChoice> choices, bool markdown)
    {
        switch (action)
        {
            case ExecuteAction execute:
                AddChoice(execute.Title, execute.Verb, execute.Data, lines, choices, markdown);
                break;
            case SubmitAction submit when submit.Data.TryGetValue(CardActions.VerbKey, out var verb):
                AddChoice(submit.Title, verb, submit.Data, lines, choices, markdown);
                break;
            case OpenUrlAction open:
                lines.Add($"{Escaped(open.Title, markdown)}: {open.Url.AbsoluteUri}");
                break;
            case ShowCardAction show:
                lines.Add($"{Escaped(show.Title, markdown)}:");
                RenderCard(show.Card, lines, choices, markdown);
                break;
        }
    }

    /// <summary>The verb and data an action sends, when it sends any (not a link, not a card to show).</summary>
    private static (string Verb, IReadOnlyDictionary<string, string> Data)? Sends(CardAction action) => action switch
    {
        ExecuteAction execute => (execute.Verb, execute.Data),
        SubmitAction submit when submit.Data.TryGetValue(CardActions.VerbKey, out var verb) => (verb, submit.Data),
        _ => null,
    };

    private static void AddChoice(string title, string verb, IReadOnlyDictionary<string, string> data, List<string> lines, List<NumberedChoice> choices, bool markdown)
    {
        var number = choices.Count + 1;
        choices.Add(new NumberedChoice { Number = number, Verb = verb, Data = new(data) });
        lines.Add($"{number.ToString(CultureInfo.InvariantCulture)}. {Escaped(title, markdown)}");
    }
}
