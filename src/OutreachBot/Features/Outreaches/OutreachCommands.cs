using System.Globalization;
using OutreachBot.Chat.Flows;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.Understanding;
using LeadRoute = OutreachBot.Domain.Outreaches.LeadRoute;

namespace OutreachBot.Features.Outreaches;

/// <summary><c>new &lt;idea&gt;</c> / <c>新建 &lt;想法&gt;</c>: starts the flow that collects what the outreach still needs.</summary>
public sealed class NewOutreachCommand : ICommandHandler
{
    public Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        if (request.Arguments.Length > OutreachLimits.MaxIdeaLength)
        {
            session.Reply(session.Text<OutreachTexts>("New.IdeaTooLong", OutreachLimits.MaxIdeaLength));
            return Task.CompletedTask;
        }

        return request.Arguments.Length == 0
            ? session.StartFlowAsync(NewOutreachFlow.FlowName, cancellationToken)
            : session.StartFlowAsync(NewOutreachFlow.FlowName, cancellationToken, FlowAnswers.Given(NewOutreachFlow.Idea, request.Arguments));
    }
}

/// <summary>
/// <c>outcome &lt;department&gt; refused|no-capacity|interested|agreed|dropped [reason]</c> /
/// <c>结果 &lt;部门&gt; 拒绝|没人力|有兴趣|达成|放弃 [原因]</c>. For an agreement the rest is what was agreed, and the
/// agreement flow asks for what is still missing (who decided); for a drop it is why.
/// </summary>
public sealed class OutcomeCommand(OutreachService outreaches, OutreachRenderer renderer, PitchPresenter pitches) : ICommandHandler
{
    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        if (OutcomeWords.ParseCommand(request.Arguments) is not { } parsed)
        {
            session.Reply(session.Text<OutreachTexts>("Outcome.Usage"));
            return;
        }

        var requester = RequesterResolver.Resolve(session);
        var resolved = renderer.ResolveDepartment(parsed.Department);

        // The department is looked up by id once the directory has read the name ("big dta", "语音部门"); the words
        // as typed are matched against the user's targets only when the directory knows no such department.
        TargetRef target = resolved is DepartmentResolution.Found found
            ? new TargetRef.ByDepartment(found.Department.Id)
            : new TargetRef.Named(parsed.Department, renderer.FindDepartment(parsed.Department)?.Id);
        switch (parsed.Outcome)
        {
            case PartnerOutcome.Agreed:
                await AgreementFlow.StartAsync(outreaches, renderer, session, target, parsed.Reason, UnknownTarget, cancellationToken);
                return;
            case PartnerOutcome.Dropped:
                var dropped = await outreaches.DropPartnerAsync(requester, target, parsed.Reason, cancellationToken);
                if (dropped.Error is UnknownTarget)
                {
                    UnknownTarget();
                    return;
                }

                EndingReply.Show(session, renderer, dropped);
                return;
        }

        var outcome = OutcomeWords.AsContactOutcome(parsed.Outcome)!.Value;
        var (reason, note) = outcome == ContactOutcome.Refused ? OutcomeWords.ParseReason(parsed.Reason) : (null, parsed.Reason);

        var recorded = await outreaches.RecordOutcomeAsync(requester, new NewOutcome(target, outcome, reason, note), cancellationToken);

        if (recorded.Error is UnknownTarget)
        {
            switch (resolved)
            {
                case DepartmentResolution.Found { Department: var department }:
                    session.Reply(OutreachCards.AddTargetWithOutcome(
                        department.Id, department.Name(session.Language), OutcomeWords.Code(outcome), parsed.Reason, session.Culture));
                    break;
                case DepartmentResolution.Unsure { Candidates.Count: > 1 } unsure:
                    session.Reply(OutreachCards.WhichDepartment(
                        parsed.Department,
                        [.. unsure.Candidates.Take(3).Select(c => (c.Department.Name(session.Language), string.Join(' ', new[] { c.Department.Id, OutcomeWords.Code(outcome), parsed.Reason }.Where(p => !string.IsNullOrWhiteSpace(p)))))],
                        OutreachCommandSet.Outcome.Name,
                        session.Culture));
                    break;
                default:
                    session.Reply(session.Text<OutreachTexts>("Outcome.UnknownTarget", parsed.Department));
                    break;
            }

            return;
        }

        OutcomeReply.Show(session, renderer, pitches, recorded);

        void UnknownTarget() => session.Reply(session.Text<OutreachTexts>("Outcome.UnknownTarget", parsed.Department));
    }
}

/// <summary><c>status [department]</c> / <c>进展 [部门]</c>: every outreach I can see, or one partner's full picture.</summary>
public sealed class StatusCommand(OutreachService outreaches, OutreachRenderer renderer) : ICommandHandler
{
    public const int Shown = 8;
    private const int TimelineTail = 5;

    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var requester = RequesterResolver.Resolve(session);
        if (request.Arguments.Length == 0)
        {
            var views = await outreaches.StatusAsync(requester, cancellationToken);
            session.Reply(OutreachCards.Status(new StatusView([.. views.Take(Shown).Select(v => OutreachViews.Line(v, session))], Math.Max(0, views.Count - Shown)), session.Culture));
            return;
        }

        var visible = await outreaches.VisibleToAsync(requester, cancellationToken);
        var targeted = visible.Views.SelectMany(v => v.Targets.Select(t => t.DepartmentId)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var resolved = renderer.ResolveDepartment(request.Arguments, targeted);
        if (resolved is DepartmentResolution.Unsure { Candidates.Count: > 1 } unsure)
        {
            session.Reply(OutreachCards.WhichDepartment(
                request.Arguments,
                [.. unsure.Candidates.Take(3).Select(c => (c.Department.Name(session.Language), c.Department.Id))],
                OutreachCommandSet.Status.Name,
                session.Culture));
            return;
        }

        var department = resolved is DepartmentResolution.Found found ? found.Department : renderer.FindDepartment(request.Arguments);

        var picture = await outreaches.PartnerPictureAsync(requester, visible, request.Arguments, department is null ? null : OutreachRenderer.Ref(department), cancellationToken);

        if (picture is null)
        {
            session.Reply(session.Text<OutreachTexts>("Status.UnknownDepartment", request.Arguments));
            return;
        }

        var name = picture.Name is { } known ? known.In(session.Language) : department!.Name(session.Language);
        var mine = picture.Mine.Select(history =>
        {
            var target = history.Match.Target;
            return new PartnerOutreach(
                history.Match.Outreach.OutreachId,
                target.DepartmentId,
                history.Match.Outreach.ProductIdea,
                target.RefusalReason is { } reason
                    ? session.Text<OutreachTexts>("Partner.StageSinceBecause", target.Stage, target.StageChangedAt, reason)
                    : session.Text<OutreachTexts>("Partner.StageSince", target.Stage, target.StageChangedAt),
                target.Stage == TargetStage.Contacted,
                target.LastContactAt is { } at ? session.Text<OutreachTexts>("Partner.LastContact", at, target.LastContactPerson) : null,
                target.NextAction is { } next ? session.Say(next) : null,
                [.. history.Events.TakeLast(TimelineTail).Select(e => OutreachViews.Event(e, session))],
                OutreachViews.CanAgree(target.Stage),
                !StageMachine.IsOpen(target.Stage),
                StageMachine.IsStageTwo(target.Stage) || target.Stage == TargetStage.Agreed,
                OutreachViews.PartnerFacts(target, session));
        }).ToList();
        var others = await renderer.DescribeAsync(picture.Others, session, cancellationToken);
        session.Reply(OutreachCards.Partner(new PartnerView(name, picture.CanPitch ? name : null, mine, others), session.Culture));
    }
}

/// <summary>
/// <c>pipeline [page]</c> / <c>看板 [页码]</c>: everything at a glance, overdue first, a page at a time.
/// <c>pipeline team [page]</c> / <c>看板 团队 [页码]</c>: the same for a lead's team (everyone below them in the org chart).
/// </summary>
public sealed class PipelineCommand(OutreachService outreaches, LiveDirectory directory, TeamMembers teams) : ICommandHandler
{
    public const int PageSize = 20;
    private static readonly string[] TeamWords = ["team", "团队"];

    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var words = request.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var team = words.Length > 0 && TeamWords.Contains(words[0], StringComparer.OrdinalIgnoreCase);
        var pageText = team ? words.ElementAtOrDefault(1) : words.ElementAtOrDefault(0);
        var page = int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 1;
        var requester = RequesterResolver.Resolve(session);
        if (!team)
        {
            Show(session, await outreaches.PipelineAsync(requester, page, PageSize, cancellationToken), session.Text<OutreachTexts>("Pipeline.Title"), null, "");
            return;
        }

        // Another person's outreaches: only for a lead Teams has confirmed, never for a link somebody typed.
        if (TeamRefusal(session) is { } refusal)
        {
            session.Reply(OutreachCards.TeamUnknown(refusal, session.Culture));
            return;
        }

        var personId = session.Identity.PersonId!;
        if (directory.Current.Directory.FindPerson(personId) is not { } lead)
        {
            session.Reply(OutreachCards.TeamUnknown(session.Text<OutreachTexts>("Team.NotConfirmed", session.Identity.ChannelEmail), session.Culture));
            return;
        }

        var members = await teams.FindAsync(personId, cancellationToken);
        if (members.People == 0)
        {
            session.Reply(OutreachCards.TeamUnknown(session.Text<OutreachTexts>("Team.NoReports", lead.Name(session.Language)), session.Culture));
            return;
        }

        var result = await outreaches.TeamPipelineAsync(requester, members.MemberKeys, page, PageSize, cancellationToken);
        Show(
            session,
            result,
            session.Text<OutreachTexts>("Team.Title"),
            session.Text<OutreachTexts>("Team.Members", members.People, members.MemberKeys.Count),
            TeamWords[session.Language == Language.Chinese ? 1 : 0] + " ");
    }

    private static string? TeamRefusal(ChatSession session) => session.Identity switch
    {
        { IsVerified: true, PersonId: not null } => null,
        { ChannelVouches: false } identity => session.Text<OutreachTexts>("Team.NeedsTeams", identity.ChannelName),
        { ChannelEmail: null } => session.Text<OutreachTexts>("Team.RosterUnavailable"),
        var identity => session.Text<OutreachTexts>("Team.NotConfirmed", identity.ChannelEmail),
    };

    private static void Show(ChatSession session, PipelinePage result, string title, string? note, string pagePrefix)
    {
        var totals = result.Totals;
        var stages = string.Join(
            " · ",
            totals.TargetsByStage.Where(s => s.Value > 0).Select(s => session.Text<OutreachTexts>("Pipeline.StageCount", s.Key, s.Value)));
        var agreements = totals.AverageDaysToAgreement is { } average
            ? session.Text<OutreachTexts>("Pipeline.Agreements", totals.Agreed, average, totals.AgreedWithinDeadline)
            : null;
        session.Reply(OutreachCards.Pipeline(
            new PipelineView(
                title,
                note,
                session.Text<OutreachTexts>("Pipeline.Totals", totals.Outreaches, totals.Open, totals.Overdue),
                stages.Length > 0 ? stages : session.Text<OutreachTexts>("Value.NoTargetYet"),
                [.. result.Items.Select(v => OutreachViews.Line(v, session))],
                result.Page,
                result.PageCount,
                pagePrefix,
                agreements),
            session.Culture));
    }
}
