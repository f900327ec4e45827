using System.Globalization;
using OutreachBot.Chat.Cards;

namespace OutreachBot.Chat.Output;

/// <summary>
/// The same content as a card, as readable text for channels without Adaptive Cards: buttons become numbered
/// choices the user can type back. Such channels render the text as Markdown too, so it carries the card's escaped
/// markup (<see cref="TextBlock.Markup"/>), never a user's raw text.
/// </summary>
public static class CardTextRenderer
{
    public static string Render(AdaptiveCard card, List<NumberedChoice> choices)
    {
        var lines = new List<string>();
        RenderCard(card, lines, choices);
        return string.Join('\n', lines.Where(l => l.Length > 0));
    }

    private static void RenderCard(AdaptiveCard card, List<string> lines, List<NumberedChoice> choices)
    {
        foreach (var element in card.Body)
        {
            RenderElement(element, lines, choices);
        }

        foreach (var action in card.Actions ?? [])
        {
            RenderAction(action, lines, choices);
        }
    }

    private static void RenderElement(CardElement element, List<string> lines, List<NumberedChoice> choices)
    {
        switch (element)
        {
            case TextBlock text:
                lines.Add(text.Weight == TextWeight.Bolder ? $"*{text.Markup}*" : text.Markup);
                break;
            case RichTextBlock rich:
                lines.Add(CardMarkdown.Escape(string.Concat(rich.Inlines.Select(i => i.Text))));
                break;
            case FactSet facts:
                lines.AddRange(facts.Facts.Select(f => $"{f.TitleMarkup}: {f.ValueMarkup}"));
                break;
            case Container container:
                foreach (var item in container.Items)
                {
                    RenderElement(item, lines, choices);
                }

                break;
            case ColumnSet columns:
                foreach (var item in columns.Columns.SelectMany(c => c.Items))
                {
                    RenderElement(item, lines, choices);
                }

                break;
            case Table table:
                foreach (var row in table.Rows)
                {
                    lines.Add(string.Join(" | ", row.Cells.Select(cell =>
                    {
                        var cellLines = new List<string>();
                        foreach (var item in cell.Items)
                        {
                            RenderElement(item, cellLines, choices);
                        }

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
                foreach (var action in set.Actions)
                {
                    RenderAction(action, lines, choices);
                }

                break;
            case ChoiceSetInput choiceSet:
                lines.Add(CardMarkdown.Escape($"{choiceSet.Label}: {string.Join(" / ", choiceSet.Choices.Select(c => c.Title))}"));
                break;
            case TextInput { Label: { } label, Value: { Length: > 0 } value }:
                lines.Add(CardMarkdown.Escape(label) + ":");
                lines.Add(CardMarkdown.Escape(value));
                break;
            case InputElement input when input.Label is { } label:
                lines.Add(CardMarkdown.Escape(label));
                break;
        }
    }

    private static void RenderAction(CardAction action, List<string> lines, List<NumberedChoice> choices)
    {
        switch (action)
        {
            case ExecuteAction execute:
                AddChoice(execute.Title, execute.Verb, execute.Data, lines, choices);
                break;
            case SubmitAction submit when submit.Data.TryGetValue(CardActions.VerbKey, out var verb):
                AddChoice(submit.Title, verb, submit.Data, lines, choices);
                break;
            case OpenUrlAction open:
                lines.Add($"{CardMarkdown.Escape(open.Title)}: {open.Url.AbsoluteUri}");
                break;
            case ShowCardAction show:
                lines.Add($"{CardMarkdown.Escape(show.Title)}:");
                RenderCard(show.Card, lines, choices);
                break;
        }
    }

    private static void AddChoice(string title, string verb, IReadOnlyDictionary<string, string> data, List<string> lines, List<NumberedChoice> choices)
    {
        var number = choices.Count + 1;
        choices.Add(new NumberedChoice { Number = number, Verb = verb, Data = new(data) });
        lines.Add($"{number.ToString(CultureInfo.InvariantCulture)}. {CardMarkdown.Escape(title)}");
    }
}
