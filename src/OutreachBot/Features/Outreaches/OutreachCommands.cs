using System.Globalization;
using OutreachBot.Chat;
using OutreachBot.Chat.Commands;
using OutreachBot.Chat.Flows;
using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Features.Shared;
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
/// <c>pitch [department]</c> / <c>话术 [部门]</c>: the first-contact draft for the current outreach and department, editable,
/// with "I sent it". A department that is not a target yet is added first, and any collision is shown before the draft.
/// </summary>
public sealed class PitchCommand(OutreachService outreaches, OutreachRenderer renderer) : ICommandHandler
{
    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var named = request.Arguments;
        var department = renderer.FindDepartment(named) is { } found ? OutreachRenderer.Ref(found) : null;

        var chosen = await outreaches.ChoosePitchTargetAsync(RequesterResolver.Resolve(session), named, department, cancellationToken);

        if (chosen.Error is { } error)
        {
            renderer.ReplyError(session, error);
            return;
        }

        switch (chosen.Value)
        {
            case PitchChoice.NoOpenOutreach:
                session.Reply(session.Text<OutreachTexts>("Pitch.NoOutreach"));
                break;
            case PitchChoice.NoTargetYet none:
                session.Reply(session.Text<OutreachTexts>("Pitch.NoTarget", none.ProductIdea));
                break;
            case PitchChoice.UnknownDepartment:
                session.Reply(session.Text<OutreachTexts>("Pitch.UnknownDepartment", named));
                break;
            case PitchChoice.Ready ready:
                await ShowAsync(session, ready, cancellationToken);
                break;
        }
    }

    private async Task ShowAsync(ChatSession session, PitchChoice.Ready ready, CancellationToken cancellationToken)
    {
        var target = ready.Target;
        var person = renderer.HeadName(target.Department.Id, session);
        var (senderName, senderDepartment) = renderer.Sender(session);
        var pitch = ready.Draft(person, senderName, senderDepartment);
        session.Reply(OutreachCards.Pitch(
            new PitchView(
                ready.Outreach.Id,
                target.Department.Id,
                target.Department.Name.In(session.Language),
                (target.Route ?? LeadRoute.OrgChart).ToString(),
                pitch.Text?.In(session.Language),
                person,
                [.. pitch.Hints.Where(h => pitch.IsReady || h.Severity == HintSeverity.Missing).Select(h => h.Text.In(session.Language))],
                await renderer.DescribeAsync(ready.Warnings, session, cancellationToken)),
            session.Culture));
    }
}

/// <summary><c>outcome &lt;department&gt; refused|no-capacity|interested [reason]</c> / <c>结果 &lt;部门&gt; 拒绝|没人力|有兴趣 [原因]</c>.</summary>
public sealed class OutcomeCommand(OutreachService outreaches, OutreachRenderer renderer) : ICommandHandler
{
    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        if (OutcomeWords.ParseCommand(request.Arguments) is not { } parsed)
        {
            session.Reply(session.Text<OutreachTexts>("Outcome.Usage"));
            return;
        }

        var (reason, note) = parsed.Outcome == ContactOutcome.Refused ? OutcomeWords.ParseReason(parsed.Reason) : (null, parsed.Reason);

        var recorded = await outreaches.RecordOutcomeAsync(
            RequesterResolver.Resolve(session), new NewOutcome(new TargetRef.Named(parsed.Department), parsed.Outcome, reason, note), cancellationToken);

        if (recorded.Error is UnknownTarget)
        {
            session.Reply(session.Text<OutreachTexts>("Outcome.UnknownTarget", parsed.Department));
            return;
        }

        OutcomeReply.Show(session, renderer, recorded);
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

        var department = renderer.FindDepartment(request.Arguments);

        var picture = await outreaches.PartnerPictureAsync(requester, request.Arguments, department is null ? null : OutreachRenderer.Ref(department), cancellationToken);

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
                [.. history.Events.TakeLast(TimelineTail).Select(e => OutreachViews.Event(e, session))]);
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

        if (session.Profile.PersonId is not { } personId || directory.Current.Directory.FindPerson(personId) is not { } lead)
        {
            session.Reply(OutreachCards.TeamUnknown(session.Text<OutreachTexts>("Team.NotLinked"), session.Culture));
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

    private static void Show(ChatSession session, PipelinePage result, string title, string? note, string pagePrefix)
    {
        var totals = result.Totals;
        var stages = string.Join(
            " · ",
            totals.TargetsByStage.Where(s => s.Value > 0).Select(s => session.Text<OutreachTexts>("Pipeline.StageCount", s.Key, s.Value)));
        session.Reply(OutreachCards.Pipeline(
            new PipelineView(
                title,
                note,
                session.Text<OutreachTexts>("Pipeline.Totals", totals.Outreaches, totals.Open, totals.Overdue),
                stages.Length > 0 ? stages : session.Text<OutreachTexts>("Value.NoTargetYet"),
                [.. result.Items.Select(v => OutreachViews.Line(v, session))],
                result.Page,
                result.PageCount,
                pagePrefix),
            session.Culture));
    }
}
