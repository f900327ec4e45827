using OutreachBot.Chat;
using OutreachBot.Chat.Commands;
using OutreachBot.Chat.Flows;
using OutreachBot.Domain.Directory.Leads;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.Storage.Leads;
using LeadRoute = OutreachBot.Domain.Outreaches.LeadRoute;

namespace OutreachBot.Features.Outreaches;

/// <summary>Records one of the three outcomes (typed or pressed) and answers with the playbook's next actions.</summary>
public sealed class OutcomeRecorder(OutreachDesk desk)
{
    public async Task RecordAsync(
        ChatSession session, string outreachId, string departmentId, ContactOutcome outcome, RefusalReason? reason, string? note, CancellationToken cancellationToken)
    {
        var requester = OutreachDesk.RequesterOf(session);
        var found = await desk.Service.GetAsync(requester, outreachId, cancellationToken);
        if (found.Error is { } error || found.Value!.FindTarget(departmentId) is not { } target)
        {
            OutreachDesk.ReplyError(session, found.Error ?? new UnknownTarget(departmentId));
            return;
        }

        if (target.Stage == TargetStage.Identified)
        {
            session.Reply(OutreachCards.NotContactedYet(
                new NotContactedView(outreachId, target.Department.Id, OutreachDesk.Say(session, target.Department.Name), desk.HeadName(target.Department.Id, session)),
                session.Culture));
            return;
        }

        var recorded = await desk.Service.RecordOutcomeAsync(requester, outreachId, target.Department.Id, outcome, reason, note, cancellationToken);
        if (recorded.Error is { } recordError)
        {
            OutreachDesk.ReplyError(session, recordError);
            return;
        }

        var (outreach, playbook) = (recorded.Value!.Outreach, recorded.Value.Playbook);
        await desk.NotifyAsync(outreach, session, cancellationToken);
        var zone = LocalTime.ZoneOrUtc(outreach.TimeZoneId);
        session.Reply(OutreachCards.Outcome(
            new OutcomeView(
                outreach.Id,
                target.Department.Id,
                OutreachDesk.Say(session, target.Department.Name),
                OutcomeWords.Code(outcome),
                playbook.Reason is { } refusal ? OutreachViews.Reason(refusal, session) : null,
                [.. playbook.Actions
                    .Where(a => desk.SuggestsAlternatives || a.Kind != PlaybookAction.LookForAlternativeDepartments)
                    .Select(a => OutreachDesk.Say(session, a.Text))],
                desk.SuggestsAlternatives
                    ? [.. playbook.Alternatives.Select(a => new AlternativeView(a.DepartmentId, OutreachDesk.Say(session, a.Name), a.Why is { } why ? OutreachDesk.Say(session, why) : null))]
                    : null,
                playbook.DraftMessage is { } draft ? OutreachDesk.Say(session, draft) : null,
                playbook.ProposedSlot is { } slot ? LocalTime.Format(slot, zone, session.Culture.Name) : null,
                [.. playbook.Checklist.Select(q => OutreachDesk.Say(session, q.Question))],
                OutreachViews.FindQuery(outreach)),
            session.Culture));
    }
}

/// <summary>The outcome buttons: <c>recordOutcome</c> with outreachId, departmentId, outcome (and, for a refusal, an optional reason).</summary>
public sealed class RecordOutcomeAction(OutcomeRecorder recorder) : ICardActionHandler
{
    public async Task HandleAsync(CardActionRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var outreachId = request.Required(OutreachVerbs.OutreachId);
        var departmentId = request.Required(OutreachVerbs.DepartmentId);
        var word = request.Required(OutreachVerbs.Outcome);
        if (OutcomeWords.ParseOutcome(word) is not { } outcome)
        {
            session.Reply(session.Text<OutreachTexts>("Outcome.UnknownWord", word));
            return;
        }

        var note = request.Data.GetValueOrDefault(OutreachVerbs.Note) is { Length: > 0 } given ? given.Trim() : null;
        var (reason, reasonNote) = outcome == ContactOutcome.Refused ? OutcomeWords.ParseReason(request.Data.GetValueOrDefault(OutreachVerbs.Reason)) : (null, null);
        await recorder.RecordAsync(session, outreachId, departmentId, outcome, reason, note ?? reasonNote, cancellationToken);
    }
}

/// <summary>"I sent it": records the contact (route, person, the message as sent) and shows the three outcome buttons.</summary>
public sealed class RecordContactAction(OutreachDesk desk) : ICardActionHandler
{
    public async Task HandleAsync(CardActionRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var outreachId = request.Required(OutreachVerbs.OutreachId);
        var departmentId = request.Required(OutreachVerbs.DepartmentId);
        var route = Routes.Parse(request.Data.GetValueOrDefault(OutreachVerbs.Route));
        var requester = OutreachDesk.RequesterOf(session);
        var found = await desk.Service.GetAsync(requester, outreachId, cancellationToken);
        if (found.Error is { } error || found.Value!.FindTarget(departmentId) is not { } target)
        {
            OutreachDesk.ReplyError(session, found.Error ?? new UnknownTarget(departmentId));
            return;
        }

        var person = Given(request, OutreachVerbs.Person) ?? Given(request, OutreachVerbs.DefaultPerson)
            ?? desk.HeadName(target.Department.Id, session) ?? session.Text<OutreachTexts>("Contact.UnknownPerson");
        var usedRoute = route ?? target.Route ?? LeadRoute.OrgChart;
        var recorded = await desk.Service.RecordContactAsync(
            requester, outreachId, new NewContact(target.Department.Id, null, person, usedRoute, Given(request, OutreachVerbs.Message)), cancellationToken);
        if (recorded.Error is { } recordError)
        {
            OutreachDesk.ReplyError(session, recordError);
            return;
        }

        await desk.NotifyAsync(recorded.Value!, session, cancellationToken);
        var contact = recorded.Value!.Contacts[^1];
        session.Reply(OutreachCards.Contact(
            new ContactView(
                outreachId,
                target.Department.Id,
                OutreachDesk.Say(session, target.Department.Name),
                contact.PersonName,
                OutreachDesk.Say(session, StageMachine.Name(contact.Route)),
                session.FormatDateTime(contact.At),
                contact.MessageSent),
            session.Culture));
    }

    private static string? Given(CardActionRequest request, string key) =>
        request.Data.GetValueOrDefault(key) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>
/// <c>targetDepartment</c> (departmentId, route, optional outreachId), sent by the finder's result cards: adds the
/// department to the outreach, records the lead route, and warns when another PM is courting it or was refused by it.
/// </summary>
public sealed class TargetDepartmentAction(OutreachDesk desk, LeadLog leads) : ICardActionHandler
{
    public async Task HandleAsync(CardActionRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var departmentId = request.Required(OutreachVerbs.DepartmentId);
        var route = Routes.Parse(request.Data.GetValueOrDefault(OutreachVerbs.Route));
        if (desk.Directory.Directory.FindDepartment(departmentId) is not { } department)
        {
            session.Reply(session.Text<OutreachTexts>("Target.UnknownDepartment"));
            return;
        }

        var outreachId = request.Data.GetValueOrDefault(OutreachVerbs.OutreachId);
        if (string.IsNullOrWhiteSpace(outreachId))
        {
            var open = await desk.OpenOutreachesAsync(session, cancellationToken);
            if (open.Count != 1)
            {
                if (open.Count == 0)
                {
                    session.Reply(session.Text<OutreachTexts>("Target.NoOutreach"));
                    return;
                }

                session.Reply(OutreachCards.ChooseOutreach(department.Id, (route ?? LeadRoute.OrgChart).ToString(), [.. open.Select(o => new OutreachChoice(o.OutreachId, o.ProductIdea))], session.Culture));
                return;
            }

            outreachId = open[0].OutreachId;
        }

        var requester = OutreachDesk.RequesterOf(session);
        var added = await desk.Service.AddTargetAsync(requester, outreachId, new DepartmentRef(department.Id, department.NameZh, department.NameEn), route, cancellationToken: cancellationToken);
        if (added.Error is { } error)
        {
            OutreachDesk.ReplyError(session, error);
            return;
        }

        var outreach = added.Value!.Outreach;
        if (route is { } found)
        {
            await leads.RecordAsync(department.Id, Routes.ToLead(found), session.User.Value, department.NameEn, outreach.Id, cancellationToken);
        }

        await desk.NotifyAsync(outreach, session, cancellationToken);
        session.Reply(OutreachCards.TargetAdded(
            outreach.ProductIdea,
            department.Name(OutreachDesk.Language(session)),
            route is { } shown ? OutreachDesk.Say(session, StageMachine.Name(shown)) : session.Text<OutreachTexts>("Value.NotGiven"),
            await desk.DescribeAsync(added.Value.Warnings, session, cancellationToken),
            session.Culture));
    }
}

/// <summary>"Book the meeting": checks the ids, then asks when, whether both leaders come, and what was learned.</summary>
public sealed class BookMeetingAction(OutreachDesk desk) : ICardActionHandler
{
    public async Task HandleAsync(CardActionRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var outreachId = request.Required(OutreachVerbs.OutreachId);
        var departmentId = request.Required(OutreachVerbs.DepartmentId);
        var found = await desk.Service.GetAsync(OutreachDesk.RequesterOf(session), outreachId, cancellationToken);
        if (found.Error is { } error || found.Value!.FindTarget(departmentId) is not { } target)
        {
            OutreachDesk.ReplyError(session, found.Error ?? new UnknownTarget(departmentId));
            return;
        }

        await session.StartFlowAsync(
            MeetingFlow.FlowName,
            cancellationToken,
            FlowAnswers.Given(MeetingFlow.OutreachId, found.Value.Id),
            FlowAnswers.Given(MeetingFlow.DepartmentId, target.Department.Id));
    }
}

/// <summary>"Edit the three points": checks the id, then asks for each point again.</summary>
public sealed class EditPrepAction(OutreachDesk desk) : ICardActionHandler
{
    public async Task HandleAsync(CardActionRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var found = await desk.Service.GetAsync(OutreachDesk.RequesterOf(session), request.Required(OutreachVerbs.OutreachId), cancellationToken);
        if (found.Error is { } error)
        {
            OutreachDesk.ReplyError(session, error);
            return;
        }

        await session.StartFlowAsync(PrepFlow.FlowName, cancellationToken, FlowAnswers.Given(PrepFlow.OutreachId, found.Value!.Id));
    }
}

/// <summary>The finder's route names as card data carries them.</summary>
public static class Routes
{
    public static LeadRoute? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "orgchart" or "org-chart" or "org" => LeadRoute.OrgChart,
        "keywordsearch" or "keyword-search" or "keyword" or "search" or "find" => LeadRoute.KeywordSearch,
        "referral" or "referrals" => LeadRoute.Referral,
        _ => throw new MalformedCardActionException($"Unknown lead route '{text}'."),
    };

    public static Domain.Directory.Leads.LeadRoute ToLead(LeadRoute route) => route switch
    {
        LeadRoute.OrgChart => Domain.Directory.Leads.LeadRoute.OrgChart,
        LeadRoute.KeywordSearch => Domain.Directory.Leads.LeadRoute.KeywordSearch,
        _ => Domain.Directory.Leads.LeadRoute.Referral,
    };
}
