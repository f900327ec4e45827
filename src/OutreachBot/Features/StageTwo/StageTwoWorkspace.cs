using OutreachBot.Chat.Flows;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.StageTwo;
using OutreachBot.Domain.Storage.StageTwo;
using OutreachBot.Features.Outreaches;

namespace OutreachBot.Features.StageTwo;

/// <summary>
/// What a stage-2 command works on: the outreach, the partner department the material is for (if any), the material,
/// and the outreach's other partners in stage 2 (to switch to).
/// </summary>
public sealed record StageTwoScope(
    Requester Requester, Outreach Outreach, OutreachTarget? Partner, StageTwoMaterial Material, int OutreachCount, IReadOnlyList<OutreachTarget> OtherPartners)
{
    public string? PartnerId => Partner?.Department.Id;

    /// <summary>The division of labour, charging and split negotiated with this partner (else the outreach-wide draft).</summary>
    public WorkBoundary? Work => Material.WorkFor(PartnerId);

    public string? Ask => Material.AskFor(PartnerId);

    public string PartnerName(ChatSession session) =>
        Partner is null ? session.Text<StageTwoTexts>("Scope.NoPartner") : Partner.Department.Name.In(session.Language);

    /// <summary>The answers a stage-2 flow starts with, so it completes on exactly this outreach and partner.</summary>
    public KeyValuePair<string, string>[] FlowGiven() =>
        Partner is null
            ? [FlowAnswers.Given(StageTwoWorkspace.FlowOutreach, Outreach.Id)]
            : [FlowAnswers.Given(StageTwoWorkspace.FlowOutreach, Outreach.Id), FlowAnswers.Given(StageTwoWorkspace.FlowPartner, Partner.Department.Id)];
}

/// <summary>
/// Which outreach and partner a stage-2 command is for: a department the user named ("brief speech", "简报 语音"), the
/// ids a button or a running flow carries, else the user's last choice, else the partner in stage 2 of the latest
/// outreach. The rules are the domain's (<see cref="OutreachService.ChooseStageTwoPartnerAsync"/>); this class asks the
/// user when several partners are in stage 2, and remembers the partner chosen by name or button. The requester is the
/// one every feature uses (<see cref="RequesterResolver"/>), and access always goes through <see cref="OutreachService"/>,
/// so a stale or forged choice falls back to what the user may see.
/// </summary>
public sealed class StageTwoWorkspace(OutreachService outreaches, StageTwoRepository repository, LiveDirectory directory)
{
    public static readonly AnswerKey<string> FlowOutreach = new("stage2.outreach");
    public static readonly AnswerKey<string> FlowPartner = new("stage2.partner");

    public StageTwoRepository Repository => repository;

    /// <summary>The scope of a command without a partner named, or null after telling the user why there is none.</summary>
    public Task<StageTwoScope?> OpenAsync(ChatSession session, CancellationToken cancellationToken) =>
        OpenAsync(session, null, null, cancellationToken);

    /// <summary>
    /// The scope for <paramref name="partner"/> (a department name the user typed; none: the remembered or obvious one),
    /// or null after answering: no outreach, no such partner, or a card asking which partner when several are in stage 2
    /// (its buttons run <paramref name="command"/> again for the chosen partner, with the same arguments).
    /// </summary>
    public async Task<StageTwoScope?> OpenAsync(ChatSession session, string? partner, StageTwoRerun? command, CancellationToken cancellationToken)
    {
        var requester = RequesterResolver.Resolve(session);
        StageTwoPartnerRequest request;
        if (!string.IsNullOrWhiteSpace(partner))
        {
            var snapshot = directory.Current;
            var department = snapshot.OrgChart.FindDepartment(partner) ?? snapshot.Search.Search(partner, 1).FirstOrDefault()?.Department;
            request = new StageTwoPartnerRequest(Named: partner, NamedDirectoryId: department?.Id);
        }
        else
        {
            var focus = await repository.GetFocusedPartnerAsync(requester.UserKey, cancellationToken);
            request = new StageTwoPartnerRequest(OutreachId: focus?.OutreachId, DepartmentId: focus?.DepartmentId, Remembered: true);
        }

        var scope = await ChooseAsync(session, requester, request, command, cancellationToken);
        if (scope is not null && request.Named is not null && scope.Partner is { } named)
        {
            await repository.SetFocusAsync(requester, scope.Outreach.Id, named.Department.Id, cancellationToken);
        }

        return scope;
    }

    /// <summary>The scope a flow started with (its given answers), re-checked: it completes on the same outreach and partner.</summary>
    public Task<StageTwoScope?> OpenAsync(ChatSession session, FlowAnswers answers, CancellationToken cancellationToken) =>
        answers.Has(FlowOutreach)
            ? ChooseAsync(
                session,
                RequesterResolver.Resolve(session),
                new StageTwoPartnerRequest(OutreachId: answers.Get(FlowOutreach), DepartmentId: answers.GetOrDefault(FlowPartner)),
                null,
                cancellationToken)
            : OpenAsync(session, cancellationToken);

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

    private async Task<StageTwoScope?> ChooseAsync(
        ChatSession session, Requester requester, StageTwoPartnerRequest request, StageTwoRerun? command, CancellationToken cancellationToken)
    {
        var chosen = await outreaches.ChooseStageTwoPartnerAsync(requester, request, cancellationToken);
        if (chosen.Error is { } error)
        {
            session.Reply(session.Say(error.Message));
            return null;
        }

        switch (chosen.Value)
        {
            case StageTwoPartnerChoice.NoOutreach:
                session.Reply(new AdaptiveCard(
                    [new TextBlock(session.Text<StageTwoTexts>("Scope.NoOutreach"))],
                    [CardActions.Command(session.Text<StageTwoTexts>("Button.New"), OutreachCommandSet.New.Name), CardActions.Command(session.Text<StageTwoTexts>("Button.Help"), CoreCommandSet.Help.Name)]));
                return null;
            case StageTwoPartnerChoice.UnknownPartner unknown:
                session.Reply(new AdaptiveCard(
                    [new TextBlock(session.Text<StageTwoTexts>("Scope.UnknownPartner", unknown.Text))],
                    [CardActions.Command(session.Text<StageTwoTexts>("Button.Status"), OutreachCommandSet.Status.Name)]));
                return null;
            case StageTwoPartnerChoice.ChoosePartner choose:
                session.Reply(StageTwoCards.ChoosePartner(choose.Outreach, choose.Candidates, command ?? StageTwoRerun.Brief, session));
                return null;
            case StageTwoPartnerChoice.Ready ready:
                var material = await repository.GetAsync(requester, ready.Outreach.Id, cancellationToken);
                if (!material.Succeeded)
                {
                    session.Reply(session.Say(material.Errors[0].Message));
                    return null;
                }

                return new StageTwoScope(requester, ready.Outreach, ready.Partner, material.Value!, ready.OutreachCount, ready.Others);
            default:
                throw new InvalidOperationException($"Unknown stage-2 partner choice {chosen.Value}.");
        }
    }
}

/// <summary>A stage-2 command to run again once the user has chosen the partner: its name and arguments (without the partner).</summary>
public sealed record StageTwoRerun(string Command, string? Arguments = null)
{
    public static StageTwoRerun Brief { get; } = new(StageTwoCommandSet.Brief.Name);
}
