using OutreachBot.Domain.Outreaches;

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

    /// <summary>
    /// "For &lt;other partner&gt;" (the same command for another partner of the outreach in stage 2, at most two), and
    /// "Switch outreach" when the user has several.
    /// </summary>
    public static IEnumerable<CardAction> SwitchAction(StageTwoScope scope, ChatSession session, CommandDefinition command)
    {
        foreach (var other in scope.OtherPartners.Take(2))
        {
            yield return CardActions.Verb(
                session.Text<StageTwoTexts>("Button.ForPartner", Name(other, session)), new ChoosePartner(scope.Outreach.Id, other.Department.Id, command.Name));
        }

        if (scope.OutreachCount > 1)
        {
            yield return CardActions.Verb(session.Text<StageTwoTexts>("Button.Switch"), new SwitchOutreach());
        }
    }

    /// <summary>Several partners of the outreach are in stage 2: which one is this for? Each button runs the command for that partner.</summary>
    public static AdaptiveCard ChoosePartner(Outreach outreach, IReadOnlyList<OutreachTarget> candidates, StageTwoRerun command, ChatSession session) =>
        new(
            [
                new TextBlock(session.Text<StageTwoTexts>("Scope.WhichPartner", outreach.ProductIdea)),
                .. candidates.Select(c => (CardElement)new TextBlock("• " + Name(c, session) + " — " + session.Copy.Name(c.Stage)) { Spacing = Spacing.None }),
            ],
            [.. candidates.Take(5).Select(c => (CardAction)CardActions.Verb(
                Name(c, session), new ChoosePartner(outreach.Id, c.Department.Id, command.Command, Given(command.Arguments))))]);

    private static string Name(OutreachTarget target, ChatSession session) => target.Department.Name.In(session.Language);

    private static string? Given(string? arguments) => arguments is { Length: > 0 } ? arguments : null;

    public static ExecuteAction Command(ChatSession session, string titleKey, CommandDefinition command, string? arguments = null) =>
        CardActions.Command(session.Text<StageTwoTexts>(titleKey), command.Name, arguments);

    /// <summary>A command about the scope's partner (its work split, its ask): the button names the partner, so it stays right after a switch.</summary>
    public static ExecuteAction PartnerCommand(StageTwoScope scope, ChatSession session, string titleKey, CommandDefinition command, string? arguments = null) =>
        scope.Partner is { } partner
            ? CardActions.Verb(session.Text<StageTwoTexts>(titleKey), new ChoosePartner(scope.Outreach.Id, partner.Department.Id, command.Name, Given(arguments)))
            : Command(session, titleKey, command, arguments);

    public static TableRow Row(params string[] cells) =>
        new([.. cells.Select(c => new TableCell([new TextBlock(c)]))]);

    public static TableRow HeaderRow(params string[] cells) =>
        new([.. cells.Select(c => new TableCell([new TextBlock(c) { Weight = TextWeight.Bolder }]))]);
}
