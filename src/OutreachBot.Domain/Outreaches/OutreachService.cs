using OutreachBot.Domain.Storage.Outreaches;

namespace OutreachBot.Domain.Outreaches;

public sealed record OutreachOptions
{
    public const string Section = "Outreach";

    public int DefaultDeadlineDays { get; init; } = 7;

    /// <summary>How long a refusal keeps warning other PMs away from a department.</summary>
    public int RefusalMemoryDays { get; init; } = 90;

    public int MaxAlternatives { get; init; } = 3;
}

/// <summary>
/// The outreach use cases. Each takes a whole request, reads the outreach once, refuses what the rules forbid, saves
/// once (ETag-guarded) and publishes what happened to <see cref="IOutreachEventPublisher"/>, so reminders and other
/// features follow every change without the chat layer telling them.
/// Each is authorized: a requester sees and changes only outreaches they own or that are shared with them. Anything
/// else reads as <see cref="OutreachNotFound"/>, the same as an id that never existed.
/// </summary>
public sealed class OutreachService(
    OutreachRepository repository,
    IAlternativeDepartments alternatives,
    NextActionPlaybook playbook,
    TimeProvider time,
    OutreachOptions? options = null,
    Func<string>? newId = null,
    IOutreachEventPublisher? events = null)
{
    /// <summary>A typed department name this close to one of my targets means that target (else it names a department to add).</summary>
    public const double SureMatch = 0.7;

    /// <summary>Before any partner reaches stage 2, the material is for the one furthest along.</summary>
    private static readonly TargetStage[] FallbackPartnerOrder = [TargetStage.NoCapacity, TargetStage.Contacted, TargetStage.Identified];

    private readonly OutreachOptions options = options ?? new OutreachOptions();
    private readonly Func<string> newId = newId ?? (() => Guid.NewGuid().ToString("N"));
    private readonly IOutreachEventPublisher events = events ?? NoOutreachEvents.Instance;

    /// <summary>Creates the outreach with its sharing, prep and first target in one write; any invalid part creates nothing.</summary>
    public async Task<OutreachResult<CreatedOutreach>> CreateAsync(Requester requester, NewOutreach request, CancellationToken cancellationToken = default)
    {
        if (!LocalTime.TryFindZone(request.TimeZoneId, out var zone))
        {
            return new InvalidOutreachInput("TimeZoneId", new Phrase("Outreach.Error.UnknownTimeZone", request.TimeZoneId));
        }

        var now = time.GetUtcNow();
        var deadline = request.Deadline ?? LocalTime.EndOfLocalDay(now, options.DefaultDeadlineDays, zone);
        var created = Outreach.Create(newId(), requester.UserKey, request.ProductIdea, request.CapabilityNeeded, now, deadline, zone.Id);
        if (created.Error is { } error)
        {
            return error;
        }

        var outreach = created.Value!;
        var partError = (request.Sharing is { } sharing ? outreach.ShareWith(requester.UserKey, now, sharing) : null)
            ?? (request.Prep is { } prep && prep != StageOnePrep.Empty ? outreach.UpdatePrep(requester.UserKey, now, prep) : null)
            ?? (request.FirstTarget is { } first ? outreach.AddTarget(requester.UserKey, now, first.Department, first.Route, first.ReferralChain) : null);
        if (partError is not null)
        {
            return partError;
        }

        var saved = await repository.CreateAsync(outreach, cancellationToken);
        if (saved.Error is { } saveError)
        {
            return saveError;
        }

        IReadOnlyList<CollisionWarning> warnings = request.FirstTarget is { } target
            ? await CheckCollisionsAsync(requester, target.Department.Id, outreach.Id, cancellationToken)
            : [];
        await events.PublishAsync(new OutreachCreated(outreach, requester.UserKey, now), cancellationToken);
        return new CreatedOutreach(outreach, warnings);
    }

    public async Task<OutreachResult<Outreach>> GetAsync(Requester requester, string outreachId, CancellationToken cancellationToken = default) =>
        await repository.GetAsync(outreachId, cancellationToken) is { } outreach && outreach.IsVisibleTo(requester)
            ? outreach
            : new OutreachNotFound();

    public async Task<OutreachResult<IReadOnlyList<TimelineEvent>>> GetTimelineAsync(Requester requester, string outreachId, CancellationToken cancellationToken = default)
    {
        var found = await GetAsync(requester, outreachId, cancellationToken);
        return found.Error is { } error ? error : OutreachResult<IReadOnlyList<TimelineEvent>>.Success(await repository.ReadTimelineAsync(found.Value!, cancellationToken));
    }

    /// <summary>Rewrites the three points; a point left null keeps the text it has.</summary>
    public Task<OutreachResult<UpdatedPrep>> UpdatePrepAsync(Requester requester, string outreachId, StageOnePrep prep, CancellationToken cancellationToken = default) =>
        ChangeAsync<UpdatedPrep>(
            requester,
            outreachId,
            (o, now) => o.UpdatePrep(requester.UserKey, now, new StageOnePrep(
                prep.ProductBackground ?? o.Prep.ProductBackground,
                prep.SupportNeeded ?? o.Prep.SupportNeeded,
                prep.WhatsInItForThem ?? o.Prep.WhatsInItForThem)) is { } error ? error : new UpdatedPrep(o, PrepValidator.Validate(o.Prep)),
            (r, at) => new PrepUpdated(r.Outreach, requester.UserKey, at),
            cancellationToken);

    /// <summary>What we ask one department for (the pitch to it says this); blank goes back to the outreach's support needed.</summary>
    public Task<OutreachResult<ChangedSupport>> ChangeTargetSupportAsync(
        Requester requester, string outreachId, string departmentId, string? supportNeeded, CancellationToken cancellationToken = default) =>
        ChangeAsync<ChangedSupport>(
            requester,
            outreachId,
            (o, now) => o.ChangeTargetSupport(requester.UserKey, now, departmentId, supportNeeded) is { } error
                ? error
                : new ChangedSupport(o, o.FindTarget(departmentId)!),
            (r, at) => new PrepUpdated(r.Outreach, requester.UserKey, at),
            cancellationToken);

    public Task<OutreachResult<Outreach>> ShareAsync(Requester requester, string outreachId, OutreachSharing sharing, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            requester, outreachId, (o, now) => Then(o.ShareWith(requester.UserKey, now, sharing), o), (o, at) => new SharingChanged(o, requester.UserKey, at), cancellationToken);

    public Task<OutreachResult<Outreach>> ChangeDeadlineAsync(Requester requester, string outreachId, DateTimeOffset deadline, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            requester, outreachId, (o, now) => Then(o.ChangeDeadline(requester.UserKey, now, deadline), o), (o, at) => new DeadlineChanged(o, requester.UserKey, at), cancellationToken);

    /// <summary>Adds a target department and returns the collision warnings for it (the target is added regardless).</summary>
    public Task<OutreachResult<AddedTarget>> AddTargetAsync(
        Requester requester, string outreachId, DepartmentRef department, LeadRoute? route = null, IReadOnlyList<ReferralStep>? referralChain = null, CancellationToken cancellationToken = default) =>
        AddTargetAsync(requester, outreachId, new NewTarget(department, route, referralChain), cancellationToken);

    public async Task<OutreachResult<AddedTarget>> AddTargetAsync(Requester requester, string outreachId, NewTarget target, CancellationToken cancellationToken = default) =>
        await repository.LoadAsync(outreachId, cancellationToken) is { } stored
            ? await AddTargetAsync(requester, stored, target, cancellationToken)
            : new OutreachNotFound();

    /// <summary>
    /// Adds the department to the given outreach or, without one, to the requester's only open outreach; with several
    /// open the requester chooses, with none there is nothing to add it to.
    /// </summary>
    public async Task<OutreachResult<TargetPlacement>> PlaceTargetAsync(Requester requester, string? outreachId, NewTarget target, CancellationToken cancellationToken = default)
    {
        StoredOutreach? stored;
        if (string.IsNullOrWhiteSpace(outreachId))
        {
            var open = OpenOf(await VisibleAsync(requester, cancellationToken));
            if (open.Count != 1)
            {
                return open.Count == 0 ? new TargetPlacement.NoOpenOutreach() : new TargetPlacement.ChooseOutreach([.. open.Select(v => v.View)]);
            }

            stored = open[0].Stored;
        }
        else
        {
            stored = await repository.LoadAsync(outreachId, cancellationToken);
        }

        if (stored is null)
        {
            return new OutreachNotFound();
        }

        var added = await AddTargetAsync(requester, stored, target, cancellationToken);
        return added.Error is { } error ? error : new TargetPlacement.Added(added.Value!);
    }

    /// <summary>Other PMs courting the department (open outreach) or refused by it within the memory window; call before contacting.</summary>
    public async Task<IReadOnlyList<CollisionWarning>> CheckCollisionsAsync(
        Requester requester, string departmentId, string? exceptOutreachId = null, CancellationToken cancellationToken = default)
    {
        var since = time.GetUtcNow().AddDays(-options.RefusalMemoryDays);
        var entries = await repository.ListByDepartmentAsync(departmentId, cancellationToken);
        return [.. entries
            .Where(e => e.OutreachId != exceptOutreachId && e.OwnerKey != requester.UserKey)
            .Select(e => StageMachine.IsOpen(e.Stage)
                ? new CollisionWarning(CollisionKind.BeingCourted, e.DepartmentId, new(e.NameZh, e.NameEn), e.OwnerKey, e.Stage, e.StageChangedAt, null, null)
                : e.Stage == TargetStage.Refused && e.StageChangedAt >= since
                    ? new CollisionWarning(CollisionKind.RefusedRecently, e.DepartmentId, new(e.NameZh, e.NameEn), e.OwnerKey, e.Stage, e.StageChangedAt, e.RefusalReason, e.OutcomeNote)
                    : null)
            .OfType<CollisionWarning>()
            .OrderByDescending(w => w.Since)];
    }

    /// <summary>Logs a contact with a target; the first one moves it from Identified to Contacted.</summary>
    public Task<OutreachResult<RecordedContact>> RecordContactAsync(Requester requester, string outreachId, NewContact contact, CancellationToken cancellationToken = default) =>
        ChangeAsync<RecordedContact>(
            requester,
            outreachId,
            (o, now) =>
            {
                if (o.FindTarget(contact.DepartmentId) is not { } target)
                {
                    return new UnknownTarget(contact.DepartmentId);
                }

                var entry = new ContactEntry(
                    newId(), target.Department.Id, contact.PersonId, contact.PersonName, contact.Route ?? target.Route ?? LeadRoute.OrgChart,
                    contact.At ?? now, contact.MessageSent?.Trim(), requester.UserKey);
                return o.RecordContact(requester.UserKey, now, entry) is { } error ? error : new RecordedContact(o, o.FindTarget(target.Department.Id)!, o.Contacts[^1]);
            },
            (r, at) => new ContactRecorded(r.Outreach, requester.UserKey, at, r.Contact),
            cancellationToken);

    /// <summary>The same for a known outreach and department.</summary>
    public Task<OutreachResult<RecordedOutcome>> RecordOutcomeAsync(
        Requester requester, string outreachId, string departmentId, ContactOutcome outcome, RefusalReason? reason = null, string? note = null, CancellationToken cancellationToken = default) =>
        RecordOutcomeAsync(requester, new NewOutcome(new TargetRef.Known(outreachId, departmentId), outcome, reason, note), cancellationToken);

    /// <summary>
    /// Records one of the three outcomes and answers with the playbook: next actions, drafts and the follow-up slot.
    /// An outcome for a department not contacted yet is refused with <see cref="OutcomeBeforeContact"/>.
    /// </summary>
    public async Task<OutreachResult<RecordedOutcome>> RecordOutcomeAsync(Requester requester, NewOutcome request, CancellationToken cancellationToken = default)
    {
        var found = await FindTargetAsync(requester, request.Target, cancellationToken);
        if (found.Error is { } error)
        {
            return error;
        }

        var (stored, target) = found.Value!;
        if (target.Stage == TargetStage.Identified)
        {
            return new OutcomeBeforeContact(stored.Outreach.Id, target.Department, StageMachine.ToStage(request.Outcome));
        }

        if (stored.Outreach.CheckOutcome(target.Department.Id, request.Outcome, request.Note) is { } illegal)
        {
            return illegal;
        }

        IReadOnlyList<AlternativeDepartment> suggestions = request.Outcome == ContactOutcome.Refused
            ? await SuggestAlternativesAsync(requester, stored.Outreach, target.Department.Id, cancellationToken)
            : [];
        var departmentId = target.Department.Id;
        return await ChangeAsync<RecordedOutcome>(
            requester,
            stored,
            (o, now) =>
            {
                if (o.RecordOutcome(requester.UserKey, now, departmentId, request.Outcome, request.Reason, request.Note) is { } recordError)
                {
                    return recordError;
                }

                var recorded = o.FindTarget(departmentId)!;
                var decided = playbook.Decide(new PlaybookInput(
                    recorded.Department, request.Outcome, request.Reason, o.CapabilityNeeded,
                    o.Contacts.LastOrDefault(c => c.DepartmentId == departmentId)?.PersonName,
                    now, o.Deadline, LocalTime.ZoneOrUtc(o.TimeZoneId), suggestions));
                if (decided.ProposedSlot is { } slot && o.ProposeFollowUp(requester.UserKey, now, departmentId, slot) is { } slotError)
                {
                    return slotError;
                }

                return new RecordedOutcome(o, o.FindTarget(departmentId)!, decided);
            },
            (r, at) => new OutcomeRecorded(r.Outreach, requester.UserKey, at, departmentId, request.Outcome),
            cancellationToken);
    }

    /// <summary>Books (or moves) the next meeting and keeps what was learned about the partner, in one change.</summary>
    public Task<OutreachResult<BookedMeeting>> ScheduleMeetingAsync(Requester requester, string outreachId, NewMeeting meeting, CancellationToken cancellationToken = default) =>
        ChangeAsync<BookedMeeting>(
            requester,
            outreachId,
            (o, now) =>
            {
                var error = o.ScheduleMeeting(requester.UserKey, now, meeting.DepartmentId, meeting.At, meeting.BothLeadersInvited, meeting.Note)
                    ?? (meeting.Kpis is not null || meeting.LeaderConcerns is not null
                        ? o.RecordInsight(requester.UserKey, now, meeting.DepartmentId, meeting.Kpis, meeting.LeaderConcerns, null)
                        : null);
                return error is not null ? error : new BookedMeeting(o, o.FindTarget(meeting.DepartmentId)!);
            },
            (r, at) => new MeetingScheduled(r.Outreach, requester.UserKey, at, r.Target.Department.Id, meeting.At),
            cancellationToken);

    /// <summary>The agreement with a known partner; see <see cref="RecordAgreementAsync"/>.</summary>
    public async Task<OutreachResult<Outreach>> MarkAgreedAsync(
        Requester requester, string outreachId, string departmentId, string terms, string decidedBy, CancellationToken cancellationToken = default)
    {
        var agreed = await RecordAgreementAsync(requester, new NewAgreement(new TargetRef.Known(outreachId, departmentId), terms, decidedBy), cancellationToken);
        return agreed.Error is { } error ? error : agreed.Value!.Outreach;
    }

    /// <summary>
    /// The partner a user wants to record an agreement for, checked before asking what was agreed: one not contacted
    /// yet is <see cref="OutcomeBeforeContact"/>, one that cannot agree now an <see cref="IllegalStageTransition"/>.
    /// </summary>
    public async Task<OutreachResult<AgreementCandidate>> FindAgreementCandidateAsync(Requester requester, TargetRef target, CancellationToken cancellationToken = default)
    {
        var found = await FindAgreeableAsync(requester, target, cancellationToken);
        return found.Error is { } error ? error : new AgreementCandidate(found.Value!.Stored.Outreach, found.Value.Target);
    }

    /// <summary>
    /// The win: records what was agreed and who decided. When it was the last open partner the outreach closes, and the
    /// published <see cref="PartnerAgreed"/> tells reminders to stop.
    /// </summary>
    public async Task<OutreachResult<EndedPartner>> RecordAgreementAsync(Requester requester, NewAgreement request, CancellationToken cancellationToken = default)
    {
        var found = await FindAgreeableAsync(requester, request.Target, cancellationToken);
        if (found.Error is { } error)
        {
            return error;
        }

        var departmentId = found.Value!.Target.Department.Id;
        return await ChangeAsync<EndedPartner>(
            requester,
            found.Value.Stored,
            (o, now) => o.MarkAgreed(requester.UserKey, now, departmentId, request.Terms, request.DecidedBy) is { } agreeError
                ? agreeError
                : new EndedPartner(o, o.FindTarget(departmentId)!),
            (r, at) => new PartnerAgreed(r.Outreach, requester.UserKey, at, departmentId, r.Target.Agreement!),
            cancellationToken);
    }

    public async Task<OutreachResult<Outreach>> DropAsync(Requester requester, string outreachId, string departmentId, string? note = null, CancellationToken cancellationToken = default)
    {
        var dropped = await DropPartnerAsync(requester, new TargetRef.Known(outreachId, departmentId), note, cancellationToken);
        return dropped.Error is { } error ? error : dropped.Value!.Outreach;
    }

    /// <summary>Drops a partner (the note says why); when it was the last open partner the outreach closes.</summary>
    public async Task<OutreachResult<EndedPartner>> DropPartnerAsync(Requester requester, TargetRef target, string? note = null, CancellationToken cancellationToken = default)
    {
        var found = await FindTargetAsync(requester, target, cancellationToken);
        if (found.Error is { } error)
        {
            return error;
        }

        var (stored, partner) = found.Value!;
        var departmentId = partner.Department.Id;
        return await ChangeAsync<EndedPartner>(
            requester,
            stored,
            (o, now) => o.Drop(requester.UserKey, now, departmentId, note) is { } dropError ? dropError : new EndedPartner(o, o.FindTarget(departmentId)!),
            (r, at) => new TargetDropped(r.Outreach, requester.UserKey, at, departmentId),
            cancellationToken);
    }

    /// <summary>
    /// Undoes an end: a partner that agreed, refused or was dropped goes back to where it stood (which reopens its
    /// outreach), or a closed outreach reopens to look for another partner. Without either, my one closed outreach
    /// reopens; with several I choose.
    /// </summary>
    public async Task<OutreachResult<Reopening>> ReopenAsync(Requester requester, ReopenRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Target is { } targetRef)
        {
            var found = await FindTargetAsync(requester, targetRef, cancellationToken, preferEnded: true);
            if (found.Error is { } error)
            {
                return error;
            }

            var departmentId = found.Value!.Target.Department.Id;
            return await ChangeAsync<Reopening>(
                requester,
                found.Value.Stored,
                (o, now) => o.Reopen(requester.UserKey, now, departmentId) is { } reopenError ? reopenError : new Reopening.Reopened(o, o.FindTarget(departmentId)),
                (r, at) => new OutreachReopened(((Reopening.Reopened)r).Outreach, requester.UserKey, at, departmentId),
                cancellationToken);
        }

        StoredOutreach? stored;
        if (request.OutreachId is { } outreachId)
        {
            stored = await repository.LoadAsync(outreachId, cancellationToken);
        }
        else
        {
            var closed = (await VisibleAsync(requester, cancellationToken))
                .Where(v => !v.View.IsOpen)
                .OrderByDescending(v => v.View.ClosedAt ?? v.View.LastActivityAt)
                .ToList();
            if (closed.Count != 1)
            {
                return closed.Count == 0 ? new Reopening.NothingClosed() : new Reopening.ChooseOutreach([.. closed.Select(v => v.View)]);
            }

            stored = closed[0].Stored;
        }

        if (stored is null)
        {
            return new OutreachNotFound();
        }

        return await ChangeAsync<Reopening>(
            requester,
            stored,
            (o, now) => o.Reopen(requester.UserKey, now, null) is { } reopenError ? reopenError : new Reopening.Reopened(o, null),
            (r, at) => new OutreachReopened(((Reopening.Reopened)r).Outreach, requester.UserKey, at, null),
            cancellationToken);
    }

    /// <summary>
    /// Which partner the stage-2 material is for. A named department is my best-matching target; ids from a button or
    /// a flow name it exactly; otherwise, in the chosen (else my latest) outreach, the one partner in stage 2
    /// (interested or meeting booked), else the agreed one, else the furthest along. Several in stage 2: I choose.
    /// </summary>
    public async Task<OutreachResult<StageTwoPartnerChoice>> ChooseStageTwoPartnerAsync(
        Requester requester, StageTwoPartnerRequest request, CancellationToken cancellationToken = default)
    {
        var visible = await VisibleAsync(requester, cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.Named))
        {
            if (Resolve(visible, request.Named, request.NamedDirectoryId) is not { } best)
            {
                return new StageTwoPartnerChoice.UnknownPartner(request.Named.Trim());
            }

            var outreach = best.Outreach.Stored.Outreach;
            return Ready(outreach, outreach.FindTarget(best.Match.Target.DepartmentId), visible.Count);
        }

        if (request.OutreachId is { } outreachId)
        {
            var chosen = visible.FirstOrDefault(v => v.View.OutreachId == outreachId)?.Stored.Outreach;
            if (chosen is not null)
            {
                if (request.DepartmentId is null)
                {
                    return StageTwoPartnerIn(chosen, visible.Count);
                }

                if (chosen.FindTarget(request.DepartmentId) is { } partner)
                {
                    return Ready(chosen, partner, visible.Count);
                }

                if (!request.Remembered)
                {
                    return new UnknownTarget(request.DepartmentId);
                }

                return StageTwoPartnerIn(chosen, visible.Count);
            }

            if (!request.Remembered)
            {
                return new OutreachNotFound();
            }
        }

        var latest = visible.OrderByDescending(v => v.View.IsOpen).ThenByDescending(v => v.View.LastActivityAt).FirstOrDefault();
        return latest is null ? new StageTwoPartnerChoice.NoOutreach() : StageTwoPartnerIn(latest.Stored.Outreach, visible.Count);
    }

    /// <summary>Stores the referral chain that led to a target department (who introduced us, in order).</summary>
    public Task<OutreachResult<Outreach>> RecordReferralAsync(
        Requester requester, string outreachId, string departmentId, IReadOnlyList<ReferralStep> chain, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            requester,
            outreachId,
            (o, now) => Then(o.RecordReferral(requester.UserKey, now, departmentId, chain), o),
            (o, at) => new ReferralRecorded(o, requester.UserKey, at, o.FindTarget(departmentId)!.Department.Id),
            cancellationToken);

    /// <summary>
    /// "I was introduced": stores the chain on my most recently active open outreach whose target for the department is
    /// still open; when there is none, nothing changes.
    /// </summary>
    public async Task<OutreachResult<AttachedReferral>> AttachReferralAsync(
        Requester requester, string departmentId, IReadOnlyList<ReferralStep> chain, CancellationToken cancellationToken = default)
    {
        var outreach = OpenOf(await VisibleAsync(requester, cancellationToken)).FirstOrDefault(v => v.View.Targets.Any(t =>
            string.Equals(t.DepartmentId, departmentId, StringComparison.OrdinalIgnoreCase) && StageMachine.IsOpen(t.Stage)));
        if (outreach is null)
        {
            return AttachedReferral.Nowhere;
        }

        var targetId = outreach.Stored.Outreach.FindTarget(departmentId)!.Department.Id;
        return await ChangeAsync<AttachedReferral>(
            requester,
            outreach.Stored,
            (o, now) => o.RecordReferral(requester.UserKey, now, targetId, chain) is { } error ? error : new AttachedReferral(o, o.FindTarget(targetId)),
            (r, at) => new ReferralRecorded(r.Outreach!, requester.UserKey, at, targetId),
            cancellationToken);
    }

    /// <summary>Stores what was learned about the partner (KPIs, leader's concerns); stage 2 reads it from the target's insight.</summary>
    public Task<OutreachResult<Outreach>> RecordInsightAsync(
        Requester requester, string outreachId, string departmentId, string? kpis, string? leaderConcerns, string? notes = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            requester,
            outreachId,
            (o, now) => Then(o.RecordInsight(requester.UserKey, now, departmentId, kpis, leaderConcerns, notes), o),
            (o, at) => new InsightRecorded(o, requester.UserKey, at, o.FindTarget(departmentId)!.Department.Id),
            cancellationToken);

    /// <summary>Drafts a message to one target of the outreach (the first contact, or the answer to an outcome).</summary>
    public async Task<OutreachResult<PitchDraft>> DraftPitchAsync(
        Requester requester, string outreachId, string departmentId, PitchVariant variant, Language language, PitchPeople people,
        BilingualText? matchedBusiness = null, string? slot = null, CancellationToken cancellationToken = default)
    {
        var found = await GetAsync(requester, outreachId, cancellationToken);
        if (found.Error is { } error)
        {
            return error;
        }

        return found.Value!.FindTarget(departmentId) is { } target
            ? PitchDrafter.Draft(PitchRequest.For(found.Value, target, variant, language, people, matchedBusiness, slot))
            : new UnknownTarget(departmentId);
    }

    /// <summary>
    /// What "pitch [department]" is about: my target that <paramref name="departmentText"/> surely names; else my most
    /// recently active open outreach, with its first target not contacted yet (no text) or with
    /// <paramref name="department"/> (the directory's reading of the text) added as a new target.
    /// </summary>
    public async Task<OutreachResult<PitchChoice>> ChoosePitchTargetAsync(
        Requester requester, string? departmentText, DepartmentRef? department, CancellationToken cancellationToken = default)
    {
        var visible = await VisibleAsync(requester, cancellationToken);
        var named = !string.IsNullOrWhiteSpace(departmentText);
        if (named && BestMatch(visible, departmentText!) is { Match.Score: >= SureMatch } sure)
        {
            var target = sure.Outreach.Stored.Outreach.FindTarget(sure.Match.Target.DepartmentId)!;
            return new PitchChoice.Ready(
                sure.Outreach.Stored.Outreach, target, await CheckCollisionsAsync(requester, target.Department.Id, sure.Outreach.Stored.Outreach.Id, cancellationToken));
        }

        var open = OpenOf(visible);
        if (open.Count == 0)
        {
            return new PitchChoice.NoOpenOutreach();
        }

        var current = open[0].Stored;
        if (!named)
        {
            var first = current.Outreach.Targets.FirstOrDefault(t => t.Stage == TargetStage.Identified) ?? current.Outreach.Targets.FirstOrDefault(t => t.IsOpen);
            return first is null
                ? new PitchChoice.NoTargetYet(current.Outreach.ProductIdea)
                : new PitchChoice.Ready(current.Outreach, first, await CheckCollisionsAsync(requester, first.Department.Id, current.Outreach.Id, cancellationToken));
        }

        if (department is null)
        {
            return new PitchChoice.UnknownDepartment();
        }

        var added = await AddTargetAsync(requester, current, new NewTarget(department, LeadRoute.OrgChart), cancellationToken);
        return added.Error is { } error ? error : new PitchChoice.Ready(added.Value!.Outreach, added.Value.Target, added.Value.Warnings);
    }

    /// <summary>My outreaches and those shared with me, overdue first.</summary>
    public async Task<IReadOnlyList<OutreachStatusView>> StatusAsync(Requester requester, CancellationToken cancellationToken = default) =>
        [.. (await VisibleAsync(requester, cancellationToken)).Select(v => v.View)];

    public async Task<PipelinePage> PipelineAsync(Requester requester, int page = 1, int pageSize = 20, CancellationToken cancellationToken = default) =>
        OutreachStatus.Paginate(await StatusAsync(requester, cancellationToken), page, pageSize);

    /// <summary>"status 支付中台": the partner's full picture across my visible outreaches, by fuzzy name in either language.</summary>
    public async Task<IReadOnlyList<PartnerMatch>> PartnerStatusAsync(Requester requester, string query, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(query) ? [] : OutreachStatus.FindPartner(await StatusAsync(requester, cancellationToken), query);

    /// <summary>
    /// One partner as I see it: each of my outreaches targeting the department <paramref name="query"/> names (with the
    /// timeline about it) and other PMs' dealings with it. When none of mine matches, <paramref name="directoryDepartment"/>
    /// (the directory's reading of the query) stands for it; null when neither knows the department.
    /// </summary>
    public async Task<PartnerPicture?> PartnerPictureAsync(
        Requester requester, string query, DepartmentRef? directoryDepartment, CancellationToken cancellationToken = default) =>
        await PartnerPictureAsync(requester, await VisibleToAsync(requester, cancellationToken), query, directoryDepartment, cancellationToken);

    /// <summary>My outreaches and those shared with me as one read, for a caller that looks at them before asking for more.</summary>
    public async Task<VisibleOutreaches> VisibleToAsync(Requester requester, CancellationToken cancellationToken = default) =>
        new(await VisibleAsync(requester, cancellationToken));

    /// <summary>
    /// <see cref="PartnerPictureAsync(Requester, string, DepartmentRef?, CancellationToken)"/> over outreaches the caller
    /// has already read this turn (<see cref="VisibleToAsync"/>), so they are not listed again.
    /// </summary>
    public async Task<PartnerPicture?> PartnerPictureAsync(
        Requester requester, VisibleOutreaches seen, string query, DepartmentRef? directoryDepartment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var visible = seen.Outreaches;
        IReadOnlyList<PartnerMatch> matches = string.IsNullOrWhiteSpace(query) ? [] : OutreachStatus.FindPartner(visible.Select(v => v.View), query);
        if (directoryDepartment is not null)
        {
            // The directory has read the name (typos, short forms, the other language): the user's outreaches are
            // looked up by that department's id, whatever the words typed — never another target with a similar name.
            matches = [.. visible
                .SelectMany(v => v.View.Targets.Where(t => string.Equals(t.DepartmentId, directoryDepartment.Id, StringComparison.OrdinalIgnoreCase))
                    .Select(t => new PartnerMatch(v.View, t, 1.0)))
                .OrderByDescending(m => m.Outreach.LastActivityAt)];
        }

        var best = matches.FirstOrDefault();
        if (best is null && directoryDepartment is null)
        {
            return null;
        }

        var departmentId = best?.Target.DepartmentId ?? directoryDepartment!.Id;
        var byId = visible.ToDictionary(v => v.View.OutreachId, v => v.Stored.Outreach, StringComparer.Ordinal);
        var mine = new List<PartnerHistory>();
        foreach (var match in matches.Where(m => string.Equals(m.Target.DepartmentId, departmentId, StringComparison.OrdinalIgnoreCase)))
        {
            var timeline = await repository.ReadTimelineAsync(byId[match.Outreach.OutreachId], cancellationToken);
            mine.Add(new PartnerHistory(match, [.. timeline.Where(e => string.Equals(e.DepartmentId, departmentId, StringComparison.OrdinalIgnoreCase))]));
        }

        var others = await CheckCollisionsAsync(requester, departmentId, cancellationToken: cancellationToken);
        var canPitch = mine.Count == 0 || matches.Any(m => m.Target.DepartmentId == departmentId && m.Target.Stage == TargetStage.Identified);
        return new PartnerPicture(departmentId, best?.Target.DepartmentName, mine, others, canPitch);
    }

    /// <summary>Every outreach I can see with its whole timeline, in pipeline order (for exports).</summary>
    public async Task<IReadOnlyList<OutreachHistory>> HistoryAsync(Requester requester, CancellationToken cancellationToken = default)
    {
        var histories = new List<OutreachHistory>();
        foreach (var visible in await VisibleAsync(requester, cancellationToken))
        {
            histories.Add(new OutreachHistory(visible.View, await repository.ReadTimelineAsync(visible.Stored.Outreach, cancellationToken)));
        }

        return histories;
    }

    /// <summary>
    /// A lead's view of the team's outreaches. The caller vouches that <paramref name="memberKeys"/> are the lead's
    /// team (the directory knows who reports to whom; the domain does not).
    /// </summary>
    public async Task<PipelinePage> TeamPipelineAsync(
        Requester lead, IReadOnlyCollection<string> memberKeys, int page = 1, int pageSize = 20, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var views = new List<OutreachStatusView>();
        foreach (var member in memberKeys.Append(lead.UserKey).Distinct(StringComparer.Ordinal))
        {
            views.AddRange((await repository.ListOwnedAsync(member, cancellationToken)).Select(o => OutreachStatus.View(o, lead.UserKey, now)));
        }

        return OutreachStatus.Paginate(views, page, pageSize);
    }

    private async Task<OutreachResult<AddedTarget>> AddTargetAsync(Requester requester, StoredOutreach stored, NewTarget target, CancellationToken cancellationToken)
    {
        var added = await ChangeAsync<Outreach>(
            requester,
            stored,
            (o, now) => Then(o.AddTarget(requester.UserKey, now, target.Department, target.Route, target.ReferralChain), o),
            (o, at) => new TargetAdded(o, requester.UserKey, at, o.FindTarget(target.Department.Id)!, target.FromFinder),
            cancellationToken);
        if (added.Error is { } addError)
        {
            return addError;
        }

        var outreach = added.Value!;
        return new AddedTarget(outreach, outreach.FindTarget(target.Department.Id)!, await CheckCollisionsAsync(requester, target.Department.Id, outreach.Id, cancellationToken));
    }

    private async Task<OutreachResult<FoundTarget>> FindTargetAsync(Requester requester, TargetRef target, CancellationToken cancellationToken, bool preferEnded = false)
    {
        switch (target)
        {
            case TargetRef.Known known:
                if (await repository.LoadAsync(known.OutreachId, cancellationToken) is not { } stored || !stored.Outreach.IsVisibleTo(requester))
                {
                    return new OutreachNotFound();
                }

                return stored.Outreach.FindTarget(known.DepartmentId) is { } found ? new FoundTarget(stored, found) : new UnknownTarget(known.DepartmentId);
            case TargetRef.ByDepartment byDepartment:
                var onOutreach = (await VisibleAsync(requester, cancellationToken))
                    .SelectMany(v => v.View.Targets.Where(t => string.Equals(t.DepartmentId, byDepartment.DepartmentId, StringComparison.OrdinalIgnoreCase)).Select(t => (Visible: v, Target: t)))
                    .OrderByDescending(e => StageMachine.IsOpen(e.Target.Stage))
                    .ThenByDescending(e => e.Visible.View.LastActivityAt)
                    .FirstOrDefault();
                return onOutreach.Visible is null
                    ? new UnknownTarget(byDepartment.DepartmentId)
                    : new FoundTarget(onOutreach.Visible.Stored, onOutreach.Visible.Stored.Outreach.FindTarget(onOutreach.Target.DepartmentId)!);
            case TargetRef.Named named:
                return string.IsNullOrWhiteSpace(named.Department)
                    || Resolve(await VisibleAsync(requester, cancellationToken), named.Department, named.DirectoryId, preferEnded) is not { } best
                    ? new UnknownTarget(named.Department)
                    : new FoundTarget(best.Outreach.Stored, best.Outreach.Stored.Outreach.FindTarget(best.Match.Target.DepartmentId)!);
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target, null);
        }
    }

    /// <summary>The visible outreaches in pipeline order (overdue first), each with its status line.</summary>
    private async Task<IReadOnlyList<VisibleOutreach>> VisibleAsync(Requester requester, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = (await repository.ListVisibleAsync(requester, cancellationToken)).ToDictionary(s => s.Outreach.Id, StringComparer.Ordinal);
        var views = OutreachStatus.Order(stored.Values.Select(s => OutreachStatus.View(s.Outreach, requester.UserKey, now)));
        return [.. views.Select(v => new VisibleOutreach(stored[v.OutreachId], v))];
    }

    private static IReadOnlyList<VisibleOutreach> OpenOf(IReadOnlyList<VisibleOutreach> visible) =>
        [.. visible.Where(v => v.View.IsOpen).OrderByDescending(v => v.View.LastActivityAt)];

    private async Task<OutreachResult<FoundTarget>> FindAgreeableAsync(Requester requester, TargetRef target, CancellationToken cancellationToken)
    {
        var found = await FindTargetAsync(requester, target, cancellationToken);
        if (found.Error is { } error)
        {
            return error;
        }

        var (stored, partner) = found.Value!;
        return partner.Stage == TargetStage.Identified
            ? new OutcomeBeforeContact(stored.Outreach.Id, partner.Department, TargetStage.Agreed)
            : StageMachine.CanMove(partner.Stage, TargetStage.Agreed)
                ? found.Value
                : new IllegalStageTransition(partner.Department.Id, partner.Department.Name, partner.Stage, TargetStage.Agreed);
    }

    private static StageTwoPartnerChoice StageTwoPartnerIn(Outreach outreach, int outreachCount)
    {
        var inStageTwo = StageTwoCandidates(outreach);
        if (inStageTwo.Count > 1)
        {
            return new StageTwoPartnerChoice.ChoosePartner(outreach, inStageTwo);
        }

        var partner = inStageTwo.FirstOrDefault()
            ?? outreach.Targets
                .Where(t => FallbackPartnerOrder.Contains(t.Stage))
                .OrderBy(t => Array.IndexOf(FallbackPartnerOrder, t.Stage))
                .ThenByDescending(t => t.StageChangedAt)
                .FirstOrDefault();
        return Ready(outreach, partner, outreachCount);
    }

    private static StageTwoPartnerChoice.Ready Ready(Outreach outreach, OutreachTarget? partner, int outreachCount) =>
        new(outreach, partner, [.. StageTwoCandidates(outreach).Where(t => partner is null || t.Department.Id != partner.Department.Id)], outreachCount);

    /// <summary>The partners in stage 2 (meeting booked first, soonest first; then interested, latest first), else the agreed ones.</summary>
    private static IReadOnlyList<OutreachTarget> StageTwoCandidates(Outreach outreach)
    {
        var inStageTwo = outreach.Targets
            .Where(t => StageMachine.IsStageTwo(t.Stage))
            .OrderBy(t => t.Stage == TargetStage.MeetingScheduled ? 0 : 1)
            .ThenBy(t => t.Meeting?.At ?? DateTimeOffset.MaxValue)
            .ThenByDescending(t => t.StageChangedAt)
            .ToList();
        return inStageTwo.Count > 0 ? inStageTwo : [.. outreach.Targets.Where(t => t.Stage == TargetStage.Agreed).OrderByDescending(t => t.StageChangedAt)];
    }

    /// <summary>
    /// The target best named by the text; open targets (ended ones when <paramref name="preferEnded"/>), then recently
    /// active outreaches, win a tie.
    /// </summary>
    private static BestTarget? BestMatch(IReadOnlyList<VisibleOutreach> visible, string query, bool preferEnded = false)
    {
        var best = OutreachStatus.FindPartner(visible.Select(v => v.View), query)
            .OrderByDescending(m => Math.Round(m.Score, 3))
            .ThenByDescending(m => StageMachine.IsOpen(m.Target.Stage) != preferEnded)
            .ThenByDescending(m => m.Outreach.LastActivityAt)
            .FirstOrDefault();
        return best is null ? null : new BestTarget(visible.First(v => v.View.OutreachId == best.Outreach.OutreachId), best);
    }

    /// <summary>
    /// What a typed department means among my targets: a sure name match; else my target that is the department the
    /// directory reads in the text (<paramref name="directoryId"/>, e.g. by keyword); else the best weaker name match.
    /// </summary>
    private static BestTarget? Resolve(IReadOnlyList<VisibleOutreach> visible, string text, string? directoryId, bool preferEnded = false)
    {
        var best = BestMatch(visible, text, preferEnded);
        if (best is { Match.Score: >= SureMatch } || directoryId is null)
        {
            return best;
        }

        return visible
            .SelectMany(v => v.View.Targets
                .Where(t => string.Equals(t.DepartmentId, directoryId, StringComparison.OrdinalIgnoreCase))
                .Select(t => new BestTarget(v, new PartnerMatch(v.View, t, 1.0))))
            .OrderByDescending(b => StageMachine.IsOpen(b.Match.Target.Stage) != preferEnded)
            .ThenByDescending(b => b.Outreach.View.LastActivityAt)
            .FirstOrDefault() ?? best;
    }

    private async Task<IReadOnlyList<AlternativeDepartment>> SuggestAlternativesAsync(
        Requester requester, Outreach outreach, string refusingDepartmentId, CancellationToken cancellationToken)
    {
        var excluded = outreach.Targets.Select(t => t.Department.Id).Append(refusingDepartmentId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var found = await alternatives.FindAsync(
            new AlternativeDepartmentQuery(outreach.ProductIdea, outreach.CapabilityNeeded, refusingDepartmentId, excluded, options.MaxAlternatives * 2), cancellationToken);
        var suggestions = new List<AlternativeDepartment>();
        foreach (var candidate in found.Where(c => !excluded.Contains(c.DepartmentId)))
        {
            var warnings = await CheckCollisionsAsync(requester, candidate.DepartmentId, outreach.Id, cancellationToken);
            if (!warnings.Any(w => w.Kind == CollisionKind.RefusedRecently))
            {
                suggestions.Add(candidate);
            }

            if (suggestions.Count == options.MaxAlternatives)
            {
                break;
            }
        }

        return suggestions;
    }

    private async Task<OutreachResult<T>> ChangeAsync<T>(
        Requester requester, string outreachId, Func<Outreach, DateTimeOffset, OutreachResult<T>> change, Func<T, DateTimeOffset, OutreachEvent> happened, CancellationToken cancellationToken) =>
        await repository.LoadAsync(outreachId, cancellationToken) is { } stored
            ? await ChangeAsync(requester, stored, change, happened, cancellationToken)
            : new OutreachNotFound();

    /// <summary>Applies the change to the outreach as read (re-read only on an ETag conflict), saves it, and publishes what happened.</summary>
    private async Task<OutreachResult<T>> ChangeAsync<T>(
        Requester requester, StoredOutreach stored, Func<Outreach, DateTimeOffset, OutreachResult<T>> change, Func<T, DateTimeOffset, OutreachEvent> happened, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = await repository.UpdateAsync(stored, o => o.IsVisibleTo(requester) ? change(o, now) : new OutreachNotFound(), cancellationToken);
        if (result.IsSuccess)
        {
            await events.PublishAsync(happened(result.Value!, now), cancellationToken);
        }

        return result;
    }

    private static OutreachResult<Outreach> Then(OutreachError? error, Outreach outreach) => error is null ? outreach : error;

    internal sealed record VisibleOutreach(StoredOutreach Stored, OutreachStatusView View);

    private sealed record FoundTarget(StoredOutreach Stored, OutreachTarget Target);

    private sealed record BestTarget(VisibleOutreach Outreach, PartnerMatch Match);
}

/// <summary>The outreaches a requester could see when they were read, overdue first (<see cref="OutreachService.VisibleToAsync"/>).</summary>
public sealed class VisibleOutreaches
{
    internal VisibleOutreaches(IReadOnlyList<OutreachService.VisibleOutreach> outreaches) => Outreaches = outreaches;

    public IReadOnlyList<OutreachStatusView> Views => [.. Outreaches.Select(o => o.View)];

    internal IReadOnlyList<OutreachService.VisibleOutreach> Outreaches { get; }
}
