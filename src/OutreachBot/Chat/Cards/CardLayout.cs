using System.Globalization;

namespace OutreachBot.Chat.Cards;

/// <summary>
/// The layouts that keep a card within one screen at Teams' width (see docs/cards/README.md): numbered compact rows
/// with their one primary action beside them, and a picker (a drop-down and one button) where a list of buttons would
/// stack up.
/// </summary>
public static class CardLayout
{
    /// <summary>
    /// A numbered row: the number (on cards only: text channels number the row's choices instead), the content, and
    /// the row's actions on the right (one primary action, at most one secondary).
    /// </summary>
    public static ColumnSet NumberedRow(int number, IReadOnlyList<CardElement> content, IReadOnlyList<CardAction>? actions = null)
    {
        // A RichTextBlock, not a TextBlock: "2." alone would be read by the host as the start of a Markdown list.
        var columns = new List<Column>
        {
            new([new RichTextBlock([new TextRun(number.ToString(CultureInfo.InvariantCulture) + ".") { Weight = TextWeight.Bolder }]) { CardOnly = true }])
            {
                Width = "auto",
            },
            new(content) { Width = "stretch" },
        };
        if (actions is { Count: > 0 })
        {
            columns.Add(new Column([new ActionSet(actions)]) { Width = "auto" });
        }

        return new ColumnSet(columns) { Spacing = Spacing.Small };
    }

    /// <summary>
    /// One of many, then one button: a compact drop-down (first choice preselected) and the button that sends the
    /// chosen value as <paramref name="inputId"/>. On text channels each choice becomes a numbered choice of its own.
    /// </summary>
    public static Container Picker(string inputId, string? label, IReadOnlyList<Choice> choices, CardAction action)
    {
        if (choices.Count == 0)
        {
            throw new ArgumentException("A picker needs at least one choice.", nameof(choices));
        }

        return new Container(
        [
            new ChoiceSetInput(inputId, choices) { Label = label, Style = ChoiceInputStyle.Compact, Value = choices[0].Value },
            new ActionSet([action]) { Spacing = Spacing.Small },
        ]);
    }
}
