using OutreachBot.Chat.Flows;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.Storage.Leads;
using LeadRoute = OutreachBot.Domain.Outreaches.LeadRoute;

namespace OutreachBot.Features.Outreaches;

/// <summary>The playbook's answer to a recorded outcome, as the outcome card (shared by the command and the buttons).</summary>
public static class OutcomeReply
{
    public static void Show(ChatSession session, OutreachRenderer renderer, PitchPresenter pitches, OutreachResult<RecordedOutcome> recorded)
    {
        if (renderer.ValueOrReplyError(session, recorded) is not { } outcome)
        {
            return;
        }

        var (outreach, target, playbook) = (outcome.Outreach, outcome.Target, outcome.Playbook);
        session.Reply(OutreachCards.Outcome(
            new OutcomeView(
                outreach.Id,
                target.Department.Id,
                target.Department.Name.In(session.Language),
                OutcomeWords.Code(playbook.Outcome),
                playbook.Reason is { } refusal ? OutreachViews.Reason(refusal, session) : null,
                [.. playbook.Actions
                    .Where(a => renderer.SuggestsAlternatives || a.Kind != PlaybookAction.LookForAlternativeDepartments)
                    .Select(a => session.Say(a.Text))],
                renderer.SuggestsAlternatives
                    ? [.. playbook.Alternatives.Select(a => new AlternativeView(a.DepartmentId, a.Name.In(session.Language), a.Why is { } why ? session.Copy.Value(why) : null))]
                    : null,
                pitches.FollowUp(session, outreach, target, playbook),
                playbook.ProposedSlot is { } slot ? session.Copy.Value(slot) : null,
                [.. playbook.Checklist.Select(q => session.Say(q.Question))],
                OutreachViews.FindQuery(outreach)),
            session.Culture));
    }
}

/// <summary>A recorded contact: what was sent, and the three outcome buttons for when they answer.</summary>
public static class ContactReply
{
    public static void Show(ChatSession session, OutreachRenderer renderer, OutreachResult<RecordedContact> recorded)
    {
        if (renderer.ValueOrReplyError(session, recorded) is not { } contactRecord)
        {
            return;
        }

        var (target, contact) = (contactRecord.Target, contactRecord.Contact);
        session.Reply(OutreachCards.Contact(
            new ContactView(
                contactRecord.Outreach.Id,
                target.Department.Id,
                target.Department.Name.In(session.Language),
                contact.PersonName,
                session.Copy.Name(contact.Route),
                session.Copy.Value(contact.At),
                contact.MessageSent),
            session.Culture));
    }
}

/// <summary>The outcome buttons. "Agreed" asks what was agreed and who decided before recording it.</summary>
public sealed class RecordOutcomeAction(OutreachService outreaches, OutreachRenderer renderer, PitchPresenter pitches) : CardActionHandler<RecordOutcome>
{
    public override async Task HandleAsync(RecordOutcome action, ChatSession session, CancellationToken cancellationToken)
    {
        if (OutcomeWords.ParseOutcome(action.Outcome) is not { } parsed)
        {
            session.Reply(session.Text<OutreachTexts>("Outcome.UnknownWord", action.Outcome));
            return;
        }

        var target = new TargetRef.Known(action.OutreachId, action.DepartmentId);
        var note = action.Note?.Trim();
        switch (parsed)
        {
            case PartnerOutcome.Agreed:
                await AgreementFlow.StartAsync(outreaches, renderer, session, target, note, null, cancellationToken);
                return;
            case PartnerOutcome.Dropped:
                EndingReply.Show(session, renderer, await outreaches.DropPartnerAsync(RequesterResolver.Resolve(session), target, note, cancellationToken));
                return;
        }

        var outcome = OutcomeWords.AsContactOutcome(parsed)!.Value;
        var (reason, reasonNote) = outcome == ContactOutcome.Refused ? OutcomeWords.ParseReason(action.Reason) : (null, null);

        var recorded = await outreaches.RecordOutcomeAsync(
            RequesterResolver.Resolve(session), new NewOutcome(target, outcome, reason, note ?? reasonNote), cancellationToken);

        OutcomeReply.Show(session, renderer, pitches, recorded);
    }
}

/// <summary>"I sent it": records the contact (route, person, the message as sent) and shows the three outcome buttons.</summary>
public sealed class RecordContactAction(OutreachService outreaches, OutreachRenderer renderer) : CardActionHandler<RecordContact>
{
    public override async Task HandleAsync(RecordContact action, ChatSession session, CancellationToken cancellationToken)
    {
        var route = Routes.Parse(action.Route);
        var person = action.Person?.Trim() ?? action.DefaultPerson?.Trim()
            ?? renderer.HeadName(action.DepartmentId, session) ?? session.Text<OutreachTexts>("Contact.UnknownPerson");

        var recorded = await outreaches.RecordContactAsync(
            RequesterResolver.Resolve(session), action.OutreachId, new NewContact(action.DepartmentId, null, person, route, action.Message?.Trim()), cancellationToken);

        ContactReply.Show(session, renderer, recorded);
    }
}

/// <summary>
/// Adds the department to the outreach, records the lead route, and warns when another PM is courting it or was
/// refused by it.
/// </summary>
public sealed class TargetDepartmentAction(OutreachService outreaches, OutreachRenderer renderer, LiveDirectory directory) : CardActionHandler<TargetDepartment>
{
    public override async Task HandleAsync(TargetDepartment action, ChatSession session, CancellationToken cancellationToken)
    {
        var route = Routes.Parse(action.Route);
        if (directory.Current.Directory.FindDepartment(action.DepartmentId) is not { } department)
        {
            session.Reply(session.Text<OutreachTexts>("Target.UnknownDepartment"));
            return;
        }

        var placed = await outreaches.PlaceTargetAsync(
            RequesterResolver.Resolve(session),
            action.OutreachId,
            new NewTarget(OutreachRenderer.Ref(department), route, FromFinder: route is not null),
            cancellationToken);

        if (TargetPlacementReply.Added(placed, department, route, session, renderer) is { } added)
        {
            session.Reply(OutreachCards.TargetAdded(
                added.Outreach.ProductIdea,
                department.Name(session.Language),
                route is { } shown ? session.Copy.Name(shown) : session.Text<OutreachTexts>("Value.NotGiven"),
                await renderer.DescribeAsync(added.Warnings, session, cancellationToken),
                session.Culture));
        }
    }
}

/// <summary>Offered when an outcome names a department on no outreach yet: adds it to the user's open outreach, then records the outcome there.</summary>
public sealed class AddTargetWithOutcomeAction(OutreachService outreaches, OutreachRenderer renderer, PitchPresenter pitches, LiveDirectory directory) : CardActionHandler<AddTargetWithOutcome>
{
    public override async Task HandleAsync(AddTargetWithOutcome action, ChatSession session, CancellationToken cancellationToken)
    {
        if (OutcomeWords.ParseOutcome(action.Outcome) is not { } named || OutcomeWords.AsContactOutcome(named) is not { } outcome)
        {
            session.Reply(session.Text<OutreachTexts>("Outcome.UnknownWord", action.Outcome));
            return;
        }

        if (directory.Current.Directory.FindDepartment(action.DepartmentId) is not { } department)
        {
            session.Reply(session.Text<OutreachTexts>("Target.UnknownDepartment"));
            return;
        }

        var requester = RequesterResolver.Resolve(session);
        var placed = await outreaches.PlaceTargetAsync(requester, null, new NewTarget(OutreachRenderer.Ref(department)), cancellationToken);
        if (TargetPlacementReply.Added(placed, department, null, session, renderer) is { } added)
        {
            var (reason, note) = outcome == ContactOutcome.Refused ? OutcomeWords.ParseReason(action.Reason) : (null, action.Reason?.Trim());
            var recorded = await outreaches.RecordOutcomeAsync(
                requester, new NewOutcome(new TargetRef.Known(added.Outreach.Id, department.Id), outcome, reason, note), cancellationToken);
            OutcomeReply.Show(session, renderer, pitches, recorded);
        }
    }
}

/// <summary>What placing a department as a target says when it was not added: an error, no open outreach, or which one.</summary>
internal static class TargetPlacementReply
{
    /// <summary>The added target, or null after replying why there is none.</summary>
    public static AddedTarget? Added(OutreachResult<TargetPlacement> placed, Department department, LeadRoute? route, ChatSession session, OutreachRenderer renderer)
    {
        switch (placed.Error, placed.Value)
        {
            case ({ } error, _):
                renderer.ReplyError(session, error);
                return null;
            case (_, TargetPlacement.ChooseOutreach choose):
                session.Reply(OutreachCards.ChooseOutreach(
                    department.Id, (route ?? LeadRoute.OrgChart).ToString(), [.. choose.Open.Select(o => new OutreachChoice(o.OutreachId, o.ProductIdea))], session.Culture));
                return null;
            case (_, TargetPlacement.Added { Result: var added }):
                return added;
            default:
                session.Reply(session.Text<OutreachTexts>("Target.NoOutreach"));
                return null;
        }
    }
}

/// <summary>"Book the meeting": checks the ids, then asks when, whether both leaders come, and what was learned.</summary>
public sealed class BookMeetingAction(OutreachService outreaches, OutreachRenderer renderer) : CardActionHandler<BookMeeting>
{
    public override async Task HandleAsync(BookMeeting action, ChatSession session, CancellationToken cancellationToken)
    {
        if (await renderer.FindTargetAsync(outreaches, session, action.OutreachId, action.DepartmentId, cancellationToken) is not { } found)
        {
            return;
        }

        await session.StartFlowAsync(MeetingFlow.FlowName, cancellationToken, TargetAnswers.Of(found.Outreach, found.Target, session));
    }
}

/// <summary>"Edit the three points": checks the id, then asks for each point again.</summary>
public sealed class EditPrepAction(OutreachService outreaches, OutreachRenderer renderer) : CardActionHandler<EditPrep>
{
    public override async Task HandleAsync(EditPrep action, ChatSession session, CancellationToken cancellationToken)
    {
        var found = await outreaches.GetAsync(RequesterResolver.Resolve(session), action.OutreachId, cancellationToken);

        if (renderer.ValueOrReplyError(session, found) is not { } outreach)
        {
            return;
        }

        await session.StartFlowAsync(PrepFlow.FlowName, cancellationToken, FlowAnswers.Given(PrepFlow.OutreachId, outreach.Id));
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
