using OutreachBot.Chat;
using OutreachBot.Chat.Cards;
using OutreachBot.Chat.Commands;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.StageTwo;
using OutreachBot.Features.Outreaches;
using OutreachBot.Features.Shared;
using OutreachBot.Domain.Storage.StageTwo;

namespace OutreachBot.Features.StageTwo;

/// <summary>What a stage-2 command works on: the outreach, its partner department (if any) and its material.</summary>
public sealed record StageTwoScope(Requester Requester, Outreach Outreach, OutreachTarget? Partner, StageTwoMaterial Material, int OutreachCount)
{
    public string PartnerName(ChatSession session) =>
        Partner is null ? session.Text<StageTwoTexts>("Scope.NoPartner") : Partner.Department.Name.In(session.Language);
}

/// <summary>
/// Finds the outreach the user works on in stage 2: the one they chose ("Work on this"), else their most recently
/// active open outreach. The requester is the one every feature uses (<see cref="RequesterResolver"/>), so stage 2
/// sees exactly the outreaches "status" shows; access always goes through <see cref="OutreachService"/>, so a stale
/// or forged choice falls back to the outreaches the user may see.
/// </summary>
public sealed class StageTwoWorkspace(OutreachService outreaches, StageTwoRepository repository)
{
    public const string SwitchVerb = "stage2.switch";
    public const string FocusVerb = "stage2.focus";
    public const string OutreachKey = "outreach";

    private static readonly TargetStage[] PartnerPreference =
        [TargetStage.Agreed, TargetStage.MeetingScheduled, TargetStage.Interested, TargetStage.NoCapacity, TargetStage.Contacted, TargetStage.Identified];

    public StageTwoRepository Repository => repository;

    /// <summary>The scope, or null after telling the user there is no outreach to work on yet.</summary>
    public async Task<StageTwoScope?> OpenAsync(ChatSession session, CancellationToken cancellationToken)
    {
        var requester = RequesterResolver.Resolve(session);
        var visible = await outreaches.StatusAsync(requester, cancellationToken);
        var outreach = await FocusedAsync(requester, cancellationToken);
        if (outreach is null)
        {
            var latest = visible.OrderByDescending(v => v.IsOpen).ThenByDescending(v => v.LastActivityAt).FirstOrDefault();
            outreach = latest is null ? null : (await outreaches.GetAsync(requester, latest.OutreachId, cancellationToken)).Value;
        }

        if (outreach is null)
        {
            session.Reply(new AdaptiveCard(
                [new TextBlock(session.Text<StageTwoTexts>("Scope.NoOutreach"))],
                [CardActions.Command(session.Text<StageTwoTexts>("Button.New"), OutreachCommandSet.New.Name), CardActions.Command(session.Text<StageTwoTexts>("Button.Help"), CoreCommandSet.Help.Name)]));
            return null;
        }

        var material = await repository.GetAsync(requester, outreach.Id, cancellationToken);
        if (!material.Succeeded)
        {
            session.Reply(session.Say(material.Errors[0].Message));
            return null;
        }

        return new StageTwoScope(requester, outreach, Partner(outreach), material.Value!, visible.Count);
    }

    /// <summary>Saves a change to the scope's material; on failure tells the user why (nothing was saved) and returns null.</summary>
    public async Task<StageTwoMaterial?> UpdateAsync(
        ChatSession session, StageTwoScope scope, Func<StageTwoMaterial, Validated<StageTwoMaterial>> change, CancellationToken cancellationToken)
    {
        var saved = await repository.UpdateAsync(scope.Requester, scope.Outreach.Id, change, cancellationToken);
        if (saved.Succeeded)
        {
            return saved.Value;
        }

        session.Reply(session.Text<StageTwoTexts>("Save.Failed", session.Copy.Clauses(saved.Errors.Select(e => e.Message))));
        return null;
    }

    public async Task<IReadOnlyList<OutreachStatusView>> ListAsync(ChatSession session, CancellationToken cancellationToken) =>
        [.. (await outreaches.StatusAsync(RequesterResolver.Resolve(session), cancellationToken)).OrderByDescending(v => v.IsOpen).ThenByDescending(v => v.LastActivityAt)];

    private async Task<Outreach?> FocusedAsync(Requester requester, CancellationToken cancellationToken) =>
        await repository.GetFocusAsync(requester.UserKey, cancellationToken) is { } id
            ? (await outreaches.GetAsync(requester, id, cancellationToken)).Value
            : null;

    private static OutreachTarget? Partner(Outreach outreach) =>
        outreach.Targets
            .Where(t => PartnerPreference.Contains(t.Stage))
            .OrderBy(t => Array.IndexOf(PartnerPreference, t.Stage))
            .ThenByDescending(t => t.StageChangedAt)
            .FirstOrDefault();
}
