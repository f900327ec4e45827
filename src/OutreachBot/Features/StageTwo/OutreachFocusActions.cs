namespace OutreachBot.Features.StageTwo;

/// <summary>"Switch outreach": the user's outreaches, each with a "Work on this" button.</summary>
public sealed class SwitchOutreachAction(StageTwoWorkspace workspace) : CardActionHandler<SwitchOutreach>
{
    private const int MaxListed = 10;

    public override async Task HandleAsync(SwitchOutreach action, ChatSession session, CancellationToken cancellationToken)
    {
        var outreaches = await workspace.ListAsync(session, cancellationToken);
        if (outreaches.Count == 0)
        {
            session.Reply(session.Text<StageTwoTexts>("Scope.NoOutreach"));
            return;
        }

        session.Reply(new AdaptiveCard(
            [
                new TextBlock(session.Text<StageTwoTexts>("Switch.Title")) { Weight = TextWeight.Bolder },
                .. outreaches.Take(MaxListed).Select(o => (CardElement)new ActionSet([CardActions.Verb(
                    o.ProductIdea.Length > 40 ? o.ProductIdea[..40] + "…" : o.ProductIdea,
                    new FocusOutreach(o.OutreachId))])),
            ]));
    }
}

/// <summary>"Work on this": remembers the outreach for the stage-2 commands, then shows its brief.</summary>
public sealed class FocusOutreachAction(StageTwoWorkspace workspace, BriefCommand brief) : ICardActionHandler
{
    public async Task HandleAsync(CardActionRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var focus = CardActionCodec.Read<FocusOutreach>(request.Data);
        var chosen = await workspace.Repository.SetFocusAsync(RequesterResolver.Resolve(session), focus.OutreachId, cancellationToken: cancellationToken);
        if (!chosen.Succeeded)
        {
            session.Reply(session.Say(chosen.Errors[0].Message));
            return;
        }

        await brief.HandleAsync(new CommandRequest(StageTwoCommandSet.Brief, "", request.Data, request.Source), session, cancellationToken);
    }
}

/// <summary>
/// A partner's stage-2 button (on its status card, the meeting card, or the "which partner?" question): remembers the
/// outreach and partner, then runs the stage-2 command it names (market, bids or brief) with its arguments.
/// </summary>
public sealed class PartnerChoiceAction(StageTwoWorkspace workspace, MarketCommand market, BidsCommand bids, BriefCommand brief) : ICardActionHandler
{
    public async Task HandleAsync(CardActionRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var partner = CardActionCodec.Read<ChoosePartner>(request.Data);
        var (definition, handler) = partner.Command switch
        {
            null => (StageTwoCommandSet.Brief, (ICommandHandler)brief),
            var name when name == StageTwoCommandSet.Brief.Name => (StageTwoCommandSet.Brief, brief),
            var name when name == StageTwoCommandSet.Market.Name => (StageTwoCommandSet.Market, market),
            var name when name == StageTwoCommandSet.Bids.Name => (StageTwoCommandSet.Bids, bids),
            var name => throw new MalformedCardActionException($"'{ChoosePartner.Verb}' cannot run '{name}'."),
        };

        var chosen = await workspace.Repository.SetFocusAsync(RequesterResolver.Resolve(session), partner.OutreachId, partner.DepartmentId, cancellationToken);
        if (!chosen.Succeeded)
        {
            session.Reply(session.Say(chosen.Errors[0].Message));
            return;
        }

        await handler.HandleAsync(new CommandRequest(definition, partner.Args ?? "", request.Data, request.Source), session, cancellationToken);
    }
}
