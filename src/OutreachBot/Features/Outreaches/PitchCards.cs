using System.Globalization;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Outreaches;

/// <summary>
/// A drafted message, ready to show.
/// </summary>
/// <param name="Draft">The message as plain text; null while the three points are not ready.</param>
/// <param name="PersonName">Who it is sent to, as the contact log will record it.</param>
/// <param name="To">"To: 王磊 (head of 支付中台)".</param>
/// <param name="Asks">What this department is asked for, when the message asks for it.</param>
/// <param name="SwitchTo">The other variant the PM may want instead (org-chart leads only).</param>
public sealed record PitchView(
    string OutreachId,
    string DepartmentId,
    string DepartmentName,
    string Route,
    PitchVariant Variant,
    string? Draft,
    string? PersonName,
    string To,
    string? Asks,
    IReadOnlyList<string> Hints,
    IReadOnlyList<string> Collisions,
    PitchVariant? SwitchTo);

/// <summary>
/// The pitch card: the message as a plain wrapped text block to copy, "I sent it" (records it as sent), "Edit" (the
/// same message in a box, saved as what was sent), and the way to change what this department is asked for. On
/// channels without cards the message travels as a plain message of its own, between the explanation and the choices.
/// </summary>
public static class PitchCards
{
    public static AdaptiveCard Card(PitchView view, CultureInfo culture)
    {
        var body = Header(view, culture, forText: false);
        if (view.Draft is not { } draft)
        {
            return new AdaptiveCard(body, Actions(view, culture, forText: false));
        }

        body.Add(new Container([new TextBlock(draft)]) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });
        if (view.Asks is { } asks)
        {
            body.Add(new TextBlock(asks) { IsSubtle = true, Size = TextSize.Small });
        }

        body.Add(new TextBlock(T(culture, "Card.Intro")) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        return new AdaptiveCard(body, Actions(view, culture, forText: false));
    }

    /// <summary>For channels without cards: the explanation, the message alone (to copy), then the numbered choices.</summary>
    public static IReadOnlyList<(string? Text, AdaptiveCard? Card)> ForText(PitchView view, CultureInfo culture)
    {
        var header = Header(view, culture, forText: true);
        if (view.Draft is not { } draft)
        {
            return [(null, new AdaptiveCard(header, Actions(view, culture, forText: true)))];
        }

        if (view.Asks is { } asks)
        {
            header.Add(new TextBlock(asks));
        }

        header.Add(new TextBlock(T(culture, "Text.Draft")));
        return
        [
            (null, new AdaptiveCard(header)),
            (draft, null),
            (null, new AdaptiveCard([], Actions(view, culture, forText: true))),
        ];
    }

    private static List<CardElement> Header(PitchView view, CultureInfo culture, bool forText)
    {
        var title = T(culture, view.Variant == PitchVariant.AskForPointer ? "Card.Title.AskForPointer" : "Card.Title.FirstContact", view.DepartmentName);
        var body = new List<CardElement> { OutreachCards.Title(title) };
        body.AddRange(OutreachCards.Warnings(view.Collisions, culture));
        if (view.Draft is null)
        {
            body.Add(new TextBlock(T(culture, "Card.NotReady")));
            body.AddRange(view.Hints.Select(h => (CardElement)new TextBlock("• " + h) { Spacing = Spacing.None }));
            return body;
        }

        body.Add(new TextBlock(view.To) { IsSubtle = !forText ? true : null, Spacing = Spacing.Small });
        body.AddRange(view.Hints.Select(h => (CardElement)new TextBlock("• " + h) { IsSubtle = true, Spacing = Spacing.None }));
        return body;
    }

    private static List<CardAction> Actions(PitchView view, CultureInfo culture, bool forText)
    {
        var actions = new List<CardAction>();
        if (view.Draft is { } draft)
        {
            actions.Add(CardActions.Verb(T(culture, "Button.ISentIt"), Contact(view) with { Message = draft }));
            actions.Add(forText
                ? CardActions.Verb(T(culture, "Button.Edit"), new EditPitch(view.OutreachId, view.DepartmentId, view.Route, view.PersonName))
                : CardActions.ShowCard(T(culture, "Button.Edit"), new AdaptiveCard(
                    [
                        new TextInput(CardActionCodec.FieldName(nameof(RecordContact.Message))) { Label = T(culture, "Card.MessageLabel"), IsMultiline = true, Value = draft, MaxLength = OutreachLimits.MaxMessageLength },
                        new TextInput(CardActionCodec.FieldName(nameof(RecordContact.Person))) { Label = T(culture, "Card.PersonLabel"), Value = view.PersonName, MaxLength = OutreachLimits.MaxNameLength },
                    ],
                    [CardActions.Verb(T(culture, "Button.SaveSent"), Contact(view))])));
        }

        if (view.Variant != PitchVariant.AskForPointer)
        {
            actions.Add(CardActions.Verb(T(culture, "Button.ChangeSupport"), new ChangePitchSupport(view.OutreachId, view.DepartmentId)));
        }

        actions.Add(CardActions.Verb(T(culture, "Button.EditPoints"), new EditPrep(view.OutreachId)));
        if (view.SwitchTo is { } other)
        {
            actions.Add(CardActions.Verb(
                T(culture, other == PitchVariant.AskForPointer ? "Button.AskPointer" : "Button.FullPitch"), ShowPitch.Of(view.OutreachId, view.DepartmentId, other)));
        }

        return actions;
    }

    private static RecordContact Contact(PitchView view) => new(view.OutreachId, view.DepartmentId, view.Route, DefaultPerson: view.PersonName);

    private static string T(CultureInfo culture, string key, params object?[] args) => Texts<PitchTexts>.Get(culture, key, args);
}
