using OutreachBot.Chat;
using OutreachBot.Chat.Cards;
using OutreachBot.Chat.Commands;

namespace OutreachBot.Features.StageTwo;

/// <summary>Pieces every stage-2 card shares.</summary>
public static class StageTwoCards
{
    /// <summary>Which outreach and partner the card is about, with "Switch outreach" when the user has several.</summary>
    public static IEnumerable<CardElement> Header(string title, StageTwoScope scope, ChatSession session)
    {
        yield return new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder };
        yield return new TextBlock(session.Text<StageTwoTexts>("Scope.Header", scope.Outreach.ProductIdea, scope.PartnerName(session))) { IsSubtle = true, Spacing = Spacing.None };
    }

    public static IEnumerable<CardAction> SwitchAction(StageTwoScope scope, ChatSession session) =>
        scope.OutreachCount > 1 ? [CardActions.Verb(session.Text<StageTwoTexts>("Button.Switch"), StageTwoWorkspace.SwitchVerb)] : [];

    public static ExecuteAction Command(ChatSession session, string titleKey, CommandDefinition command, string? arguments = null) =>
        CardActions.Command(session.Text<StageTwoTexts>(titleKey), command.Name, arguments);

    public static TableRow Row(params string[] cells) =>
        new([.. cells.Select(c => new TableCell([new TextBlock(c)]))]);

    public static TableRow HeaderRow(params string[] cells) =>
        new([.. cells.Select(c => new TableCell([new TextBlock(c) { Weight = TextWeight.Bolder }]))]);
}
