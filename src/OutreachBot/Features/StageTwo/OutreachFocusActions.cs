using OutreachBot.Chat;
using OutreachBot.Chat.Cards;
using OutreachBot.Chat.Commands;
using OutreachBot.Features.Shared;

namespace OutreachBot.Features.StageTwo;

/// <summary>"Switch outreach": the user's outreaches, each with a "Work on this" button.</summary>
public sealed class SwitchOutreachAction(StageTwoWorkspace workspace) : ICardActionHandler
{
    private const int MaxListed = 10;

    public async Task HandleAsync(CardActionRequest request, ChatSession session, CancellationToken cancellationToken)
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
                    StageTwoWorkspace.FocusVerb,
                    new Dictionary<string, string> { [StageTwoWorkspace.OutreachKey] = o.OutreachId })])),
            ]));
    }
}

/// <summary>"Work on this": remembers the outreach for the stage-2 commands, then shows its brief.</summary>
public sealed class FocusOutreachAction(StageTwoWorkspace workspace, BriefCommand brief) : ICardActionHandler
{
    public async Task HandleAsync(CardActionRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var chosen = await workspace.Repository.SetFocusAsync(RequesterResolver.Resolve(session), request.Required(StageTwoWorkspace.OutreachKey), cancellationToken);
        if (!chosen.Succeeded)
        {
            session.Reply(session.Say(chosen.Errors[0].Message));
            return;
        }

        await brief.HandleAsync(new CommandRequest(StageTwoCommandSet.Brief, "", request.Data, request.Source), session, cancellationToken);
    }
}
