using System.Globalization;
using OutreachBot.Chat;
using OutreachBot.Chat.Commands;
using OutreachBot.Chat.Flows;
using OutreachBot.Domain.Outreaches;
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
public sealed class PitchCommand(OutreachDesk desk) : ICommandHandler
{
    private const double SureMatch = 0.7;

    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var requester = OutreachDesk.RequesterOf(session);
        if (request.Arguments.Length > 0 && await desk.FindTargetAsync(session, request.Arguments, cancellationToken) is { Score: >= SureMatch } match)
        {
            await ShowAsync(session, match.Outreach.OutreachId, match.Target.DepartmentId, null, cancellationToken);
            return;
        }

        var open = await desk.OpenOutreachesAsync(session, cancellationToken);
        if (open.Count == 0)
        {
            session.Reply(session.Text<OutreachTexts>("Pitch.NoOutreach"));
            return;
        }

        var current = open[0];
        if (request.Arguments.Length == 0)
        {
            var target = current.Targets.FirstOrDefault(t => t.Stage == TargetStage.Identified) ?? current.Targets.FirstOrDefault(t => StageMachine.IsOpen(t.Stage));
            if (target is null)
            {
                session.Reply(session.Text<OutreachTexts>("Pitch.NoTarget", current.ProductIdea));
                return;
            }

            await ShowAsync(session, current.OutreachId, target.DepartmentId, null, cancellationToken);
            return;
        }

        if (desk.FindDepartment(request.Arguments) is not { } department)
        {
            session.Reply(session.Text<OutreachTexts>("Pitch.UnknownDepartment", request.Arguments));
            return;
        }

        var added = await desk.Service.AddTargetAsync(requester, current.OutreachId, new DepartmentRef(department.Id, department.NameZh, department.NameEn), LeadRoute.OrgChart, cancellationToken: cancellationToken);
        if (added.Error is { } error)
        {
            OutreachDesk.ReplyError(session, error);
            return;
        }

        await desk.NotifyAsync(added.Value!.Outreach, session, cancellationToken);
        await ShowAsync(session, current.OutreachId, department.Id, await desk.DescribeAsync(added.Value.Warnings, session, cancellationToken), cancellationToken);
    }

    private async Task ShowAsync(ChatSession session, string outreachId, string departmentId, IReadOnlyList<string>? collisions, CancellationToken cancellationToken)
    {
        var requester = OutreachDesk.RequesterOf(session);
        var found = await desk.Service.GetAsync(requester, outreachId, cancellationToken);
        if (found.Error is { } error || found.Value!.FindTarget(departmentId) is not { } target)
        {
            OutreachDesk.ReplyError(session, found.Error ?? new UnknownTarget(departmentId));
            return;
        }

        collisions ??= await desk.DescribeAsync(await desk.Service.CheckCollisionsAsync(requester, departmentId, outreachId, cancellationToken), session, cancellationToken);
        var person = desk.HeadName(departmentId, session);
        var (senderName, senderDepartment) = desk.Sender(session);
        var draft = await desk.Service.DraftPitchAsync(requester, outreachId, departmentId, person, senderName, senderDepartment, cancellationToken);
        if (draft.Error is { } draftError)
        {
            OutreachDesk.ReplyError(session, draftError);
            return;
        }

        var pitch = draft.Value!;
        session.Reply(OutreachCards.Pitch(
            new PitchView(
                outreachId,
                target.Department.Id,
                OutreachDesk.Say(session, target.Department.Name),
                (target.Route ?? LeadRoute.OrgChart).ToString(),
                pitch.Text is { } text ? OutreachDesk.Say(session, text) : null,
                person,
                [.. pitch.Hints.Where(h => pitch.IsReady || h.Severity == HintSeverity.Missing).Select(h => OutreachDesk.Say(session, h.Text))],
                collisions),
            session.Culture));
    }
}

/// <summary><c>outcome &lt;department&gt; refused|no-capacity|interested [reason]</c> / <c>结果 &lt;部门&gt; 拒绝|没人力|有兴趣 [原因]</c>.</summary>
public sealed class OutcomeCommand(OutreachDesk desk, OutcomeRecorder recorder) : ICommandHandler
{
    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        if (OutcomeWords.ParseCommand(request.Arguments) is not { } parsed)
        {
            session.Reply(session.Text<OutreachTexts>("Outcome.Usage"));
            return;
        }

        if (await desk.FindTargetAsync(session, parsed.Department, cancellationToken) is not { } match)
        {
            session.Reply(session.Text<OutreachTexts>("Outcome.UnknownTarget", parsed.Department));
            return;
        }

        var (reason, note) = parsed.Outcome == ContactOutcome.Refused ? OutcomeWords.ParseReason(parsed.Reason) : (null, parsed.Reason);
        await recorder.RecordAsync(session, match.Outreach.OutreachId, match.Target.DepartmentId, parsed.Outcome, reason, note, cancellationToken);
    }
}

/// <summary><c>status [department]</c> / <c>进展 [部门]</c>: every outreach I can see, or one partner's full picture.</summary>
public sealed class StatusCommand(OutreachDesk desk) : ICommandHandler
{
    public const int Shown = 8;
    private const int TimelineTail = 5;

    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var requester = OutreachDesk.RequesterOf(session);
        if (request.Arguments.Length == 0)
        {
            var views = await desk.Service.StatusAsync(requester, cancellationToken);
            session.Reply(OutreachCards.Status(new StatusView([.. views.Take(Shown).Select(v => OutreachViews.Line(v, session))], Math.Max(0, views.Count - Shown)), session.Culture));
            return;
        }

        var matches = await desk.Service.PartnerStatusAsync(requester, request.Arguments, cancellationToken);
        var best = matches.FirstOrDefault();
        var department = best is null ? desk.FindDepartment(request.Arguments) : null;
        if (best is null && department is null)
        {
            session.Reply(session.Text<OutreachTexts>("Status.UnknownDepartment", request.Arguments));
            return;
        }

        var departmentId = best?.Target.DepartmentId ?? department!.Id;
        var name = best is not null ? OutreachDesk.Say(session, best.Target.DepartmentName) : department!.Name(OutreachDesk.Language(session));
        var mine = new List<PartnerOutreach>();
        foreach (var match in matches.Where(m => string.Equals(m.Target.DepartmentId, departmentId, StringComparison.OrdinalIgnoreCase)))
        {
            var timeline = await desk.Service.GetTimelineAsync(requester, match.Outreach.OutreachId, cancellationToken);
            var target = match.Target;
            mine.Add(new PartnerOutreach(
                match.Outreach.OutreachId,
                target.DepartmentId,
                match.Outreach.ProductIdea,
                $"{OutreachDesk.Say(session, StageMachine.Name(target.Stage))} ({OutreachDesk.Date(session, target.StageChangedAt)})"
                    + (target.RefusalReason is { } reason ? " — " + OutreachViews.Reason(reason, session) : string.Empty),
                target.Stage == TargetStage.Contacted,
                target.LastContactAt is { } at ? $"{OutreachDesk.Date(session, at)} · {target.LastContactPerson}" : null,
                target.NextAction is { } next ? OutreachDesk.Say(session, next) : null,
                [.. (timeline.Value ?? []).Where(e => string.Equals(e.DepartmentId, departmentId, StringComparison.OrdinalIgnoreCase)).TakeLast(TimelineTail).Select(e => OutreachViews.Event(e, session))]));
        }

        var others = await desk.DescribeAsync(await desk.Service.CheckCollisionsAsync(requester, departmentId, cancellationToken: cancellationToken), session, cancellationToken);
        var canPitch = mine.Count == 0 || matches.Any(m => m.Target.DepartmentId == departmentId && m.Target.Stage == TargetStage.Identified);
        session.Reply(OutreachCards.Partner(new PartnerView(name, canPitch ? name : null, mine, others), session.Culture));
    }
}

/// <summary>
/// <c>pipeline [page]</c> / <c>看板 [页码]</c>: everything at a glance, overdue first, a page at a time.
/// <c>pipeline team [page]</c> / <c>看板 团队 [页码]</c>: the same for a lead's team (everyone below them in the org chart).
/// </summary>
public sealed class PipelineCommand(OutreachDesk desk, TeamMembers teams) : ICommandHandler
{
    public const int PageSize = 20;
    private static readonly string[] TeamWords = ["team", "团队"];

    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var words = request.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var team = words.Length > 0 && TeamWords.Contains(words[0], StringComparer.OrdinalIgnoreCase);
        var pageText = team ? words.ElementAtOrDefault(1) : words.ElementAtOrDefault(0);
        var page = int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 1;
        var requester = OutreachDesk.RequesterOf(session);
        if (!team)
        {
            Show(session, await desk.Service.PipelineAsync(requester, page, PageSize, cancellationToken), session.Text<OutreachTexts>("Pipeline.Title"), null, "");
            return;
        }

        if (session.Profile.PersonId is not { } personId || desk.Directory.Directory.FindPerson(personId) is not { } lead)
        {
            session.Reply(OutreachCards.TeamUnknown(session.Text<OutreachTexts>("Team.NotLinked"), session.Culture));
            return;
        }

        var members = await teams.FindAsync(personId, cancellationToken);
        if (members.People == 0)
        {
            session.Reply(OutreachCards.TeamUnknown(session.Text<OutreachTexts>("Team.NoReports", lead.Name(OutreachDesk.Language(session))), session.Culture));
            return;
        }

        var result = await desk.Service.TeamPipelineAsync(requester, members.MemberKeys, page, PageSize, cancellationToken);
        Show(
            session,
            result,
            session.Text<OutreachTexts>("Team.Title"),
            session.Text<OutreachTexts>("Team.Members", members.People, members.MemberKeys.Count),
            TeamWords[session.IsChinese ? 1 : 0] + " ");
    }

    private static void Show(ChatSession session, PipelinePage result, string title, string? note, string pagePrefix)
    {
        var totals = result.Totals;
        var stages = string.Join(
            " · ",
            totals.TargetsByStage.Where(s => s.Value > 0).Select(s => $"{OutreachDesk.Say(session, StageMachine.Name(s.Key))} {s.Value}"));
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
