using OutreachBot.Chat.Flows;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Outreaches;

/// <summary>
/// The win, asked for before it is recorded: what was agreed (one line, unless the command already said it) and who
/// decided, with the two leaders the directory knows as a one-tap answer. Started by <c>outcome X agreed</c> and by the
/// "Agreed" buttons, after the partner was checked (<see cref="OutreachService.FindAgreementCandidateAsync"/>).
/// </summary>
public sealed class AgreementFlow(OutreachService outreaches, OutreachRenderer renderer) : ChatFlow
{
    public const string FlowName = "partnerAgreement";

    // Agreement flows started before the partner's name was one of the TargetAnswers kept it under this key.
    private static readonly AnswerKey<string> StartedBeforeTargetAnswers = new("partner");

    public static readonly AnswerKey<string> Terms = new("terms");
    public static readonly AnswerKey<string> DecidedBy = new("decidedBy");

    public override string Name => FlowName;

    public override IReadOnlyList<FlowStep> Steps =>
    [
        FlowStep.Ask(
            Terms,
            new TextPrompt(s => s.Text<OutreachTexts>("Agreement.AskTerms", FlowAnswers.Current(s).GetOrDefault(TargetAnswers.DepartmentName) ?? FlowAnswers.Current(s).GetOrDefault(StartedBeforeTargetAnswers)), maxLength: OutreachLimits.MaxAgreementLength),
            a => !a.Has(Terms)),
        FlowStep.Ask(DecidedBy, new SuggestingTextPrompt(
            s => s.Text<OutreachTexts>("Agreement.AskDecidedBy"),
            s => FlowAnswers.Current(s).GetOrDefault(TargetAnswers.DepartmentId) is { } department && renderer.LeaderNames(department, s) is { Count: > 0 } leaders
                ? [string.Join(s.Text<OutreachTexts>("Agreement.LeadersJoin"), leaders)]
                : [],
            OutreachLimits.MaxNameLength)),
    ];

    /// <summary>Checks the partner may agree now, then asks what is missing; an unknown name goes to <paramref name="unknown"/> when given.</summary>
    public static async Task StartAsync(
        OutreachService outreaches, OutreachRenderer renderer, ChatSession session, TargetRef target, string? terms, Action? unknown, CancellationToken cancellationToken)
    {
        var found = await outreaches.FindAgreementCandidateAsync(RequesterResolver.Resolve(session), target, cancellationToken);

        if (found.Error is UnknownTarget && unknown is not null)
        {
            unknown();
            return;
        }

        if (renderer.ValueOrReplyError(session, found) is not { } candidate)
        {
            return;
        }

        var (outreach, partner) = (candidate.Outreach, candidate.Target);
        KeyValuePair<string, string>[] given = terms?.Trim() is { Length: > 0 and <= OutreachLimits.MaxAgreementLength } what ? [FlowAnswers.Given(Terms, what)] : [];

        await session.StartFlowAsync(FlowName, cancellationToken, TargetAnswers.Of(outreach, partner, session, given));
    }

    public override string Title(ChatSession session) => session.Text<OutreachTexts>("Agreement.Title");

    public override async Task CompleteAsync(FlowAnswers answers, ChatSession session, CancellationToken cancellationToken)
    {
        var agreement = new NewAgreement(new TargetRef.Known(answers.Get(TargetAnswers.OutreachId), answers.Get(TargetAnswers.DepartmentId)), answers.Get(Terms), answers.Get(DecidedBy));

        var agreed = await outreaches.RecordAgreementAsync(RequesterResolver.Resolve(session), agreement, cancellationToken);

        EndingReply.Show(session, renderer, agreed);
    }
}

/// <summary>The card after a partner ended (agreed or dropped): what was recorded, the week's pace, and whether the outreach closed.</summary>
public static class EndingReply
{
    public static void Show(ChatSession session, OutreachRenderer renderer, OutreachResult<EndedPartner> ended)
    {
        if (renderer.ValueOrReplyError(session, ended) is not { } end)
        {
            return;
        }

        var (outreach, target) = (end.Outreach, end.Target);
        session.Reply(OutreachCards.Ended(
            new EndedView(
                outreach.Id,
                target.Department.Id,
                target.Department.Name.In(session.Language),
                outreach.ProductIdea,
                target.Agreement,
                end.Pace is { } pace ? OutreachViews.Pace(pace, session) : null,
                target.Stage == TargetStage.Dropped ? target.OutcomeNote : null,
                end.ClosedOutreach,
                OutreachViews.FindQuery(outreach)),
            session.Culture));
    }
}

/// <summary>
/// <c>reopen [department]</c> / <c>重新打开 [部门]</c>: undoes an end. A partner that was dropped, refused or agreed goes
/// back to where it stood; without a department my closed outreach reopens (with several, I choose). The buttons send
/// the ids (outreachId, and departmentId for a partner).
/// </summary>
public sealed class ReopenCommand(OutreachService outreaches, OutreachRenderer renderer) : ICommandHandler
{
    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var (outreachId, departmentId, _) = CardActionCodec.Read<OutreachButton>(request.Data);
        var named = request.Arguments.Trim();
        TargetRef? target = outreachId is not null && departmentId is not null
            ? new TargetRef.Known(outreachId, departmentId)
            : outreachId is null && named.Length > 0 ? new TargetRef.Named(named, renderer.FindDepartment(named)?.Id) : null;

        var reopened = await outreaches.ReopenAsync(RequesterResolver.Resolve(session), new ReopenRequest(target, outreachId), cancellationToken);

        if (reopened.Error is UnknownTarget && target is TargetRef.Named)
        {
            session.Reply(session.Text<OutreachTexts>("Reopen.UnknownTarget", named));
            return;
        }

        if (renderer.ValueOrReplyError(session, reopened) is not { } reopening)
        {
            return;
        }

        switch (reopening)
        {
            case Reopening.NothingClosed:
                session.Reply(session.Text<OutreachTexts>("Reopen.NothingClosed"));
                break;
            case Reopening.ChooseOutreach choose:
                session.Reply(OutreachCards.ChooseReopen([.. choose.Closed.Select(o => new OutreachChoice(o.OutreachId, o.ProductIdea))], session.Culture));
                break;
            case Reopening.Reopened { Outreach: var outreach, Target: var partner }:
                session.Reply(OutreachCards.Reopened(
                    new ReopenedView(
                        outreach.ProductIdea,
                        partner is null ? null : partner.Department.Name.In(session.Language),
                        partner is null ? null : session.Copy.Name(partner.Stage),
                        OutreachViews.FindQuery(outreach)),
                    session.Culture));
                break;
        }
    }
}
