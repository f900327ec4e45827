using OutreachBot.Domain.Storage.Outreaches;

namespace OutreachBot.Domain.Outreaches;

public sealed record OutreachOptions
{
    public const string Section = "Outreach";

    public int DefaultDeadlineDays { get; init; } = 7;

    /// <summary>How long a refusal keeps warning other PMs away from a department.</summary>
    public int RefusalMemoryDays { get; init; } = 90;

    public int MaxAlternatives { get; init; } = 3;

    /// <summary>How long before the deadline the owner gets a deadline reminder.</summary>
    public int DeadlineReminderHours { get; init; } = 24;
}

public sealed record NewOutreach(string ProductIdea, string? CapabilityNeeded, string TimeZoneId, DateTimeOffset? Deadline = null, OutreachSharing? Sharing = null);

public sealed record NewContact(string DepartmentId, string? PersonId, string PersonName, LeadRoute Route, string? MessageSent, DateTimeOffset? At = null);

public sealed record CreatedOutreach(Outreach Outreach, IReadOnlyList<ScheduledFollowUp> FollowUps);

public sealed record TargetAdded(Outreach Outreach, IReadOnlyList<CollisionWarning> Warnings);

public sealed record OutcomeRecorded(Outreach Outreach, PlaybookResult Playbook);

public sealed record PrepUpdated(Outreach Outreach, IReadOnlyList<PrepHint> Hints);

public enum CollisionKind
{
    BeingCourted,
    RefusedRecently,
}

/// <summary>Another PM's outreach to the same department: who, at what stage, since when, and why they were refused.</summary>
public sealed record CollisionWarning(
    CollisionKind Kind, string DepartmentId, BilingualText DepartmentName, string OwnerKey, TargetStage Stage, DateTimeOffset Since, RefusalReason? RefusalReason, string? Note)
{
    public BilingualText Message => Kind switch
    {
        CollisionKind.BeingCourted => new(
            $"注意：{OwnerKey} 也在对接「{DepartmentName.Zh}」（{StageMachine.Name(Stage).Zh}，{Since:yyyy-MM-dd} 起），建议先和他沟通，避免重复打扰对方。",
            $"Heads-up: {OwnerKey} is already talking to {DepartmentName.En} ({StageMachine.Name(Stage).En} since {Since:yyyy-MM-dd}); talk to them first so the department isn't approached twice."),
        _ => new(
            $"注意：「{DepartmentName.Zh}」在 {Since:yyyy-MM-dd} 拒绝过 {OwnerKey} 的合作，原因：{StageMachine.Name(RefusalReason ?? Outreaches.RefusalReason.Other).Zh}" + (Note is null ? "。" : $"（{Note}）。"),
            $"Heads-up: {DepartmentName.En} turned down {OwnerKey} on {Since:yyyy-MM-dd}: {StageMachine.Name(RefusalReason ?? Outreaches.RefusalReason.Other).En}" + (Note is null ? "." : $" ({Note}).")),
    };
}

/// <summary>
/// The outreach use cases, each authorized: a requester sees and changes only outreaches they own or that are
/// shared with them. Anything else reads as <see cref="OutreachNotFound"/>, the same as an id that never existed.
/// </summary>
public sealed class OutreachService(
    OutreachRepository repository,
    IAlternativeDepartments alternatives,
    NextActionPlaybook playbook,
    TimeProvider time,
    OutreachOptions? options = null,
    Func<string>? newId = null)
{
    private readonly OutreachOptions options = options ?? new OutreachOptions();
    private readonly Func<string> newId = newId ?? (() => Guid.NewGuid().ToString("N"));

    public async Task<OutreachResult<CreatedOutreach>> CreateAsync(Requester requester, NewOutreach request, CancellationToken cancellationToken = default)
    {
        if (!LocalTime.TryFindZone(request.TimeZoneId, out var zone))
        {
            return new InvalidOutreachInput("TimeZoneId", new($"无法识别时区「{request.TimeZoneId}」，请使用 IANA 名称，例如 Asia/Shanghai。", $"Unknown time zone \"{request.TimeZoneId}\"; use an IANA name such as Asia/Shanghai."));
        }

        var now = time.GetUtcNow();
        var deadline = request.Deadline ?? LocalTime.EndOfLocalDay(now, options.DefaultDeadlineDays, zone);
        var created = Outreach.Create(newId(), requester.UserKey, request.ProductIdea, request.CapabilityNeeded, now, deadline, zone.Id);
        if (created.Error is { } error)
        {
            return error;
        }

        var outreach = created.Value!;
        if (request.Sharing is { } sharing && outreach.ShareWith(requester.UserKey, now, sharing) is { } sharingError)
        {
            return sharingError;
        }

        var saved = await repository.CreateAsync(outreach, cancellationToken);
        if (saved.Error is { } saveError)
        {
            return saveError;
        }

        var reminderAt = deadline.AddHours(-options.DeadlineReminderHours);
        IReadOnlyList<ScheduledFollowUp> followUps = reminderAt > now ? [new ScheduledFollowUp(reminderAt, FollowUpKind.DeadlineApproaching, outreach.Id, string.Empty)] : [];
        return new CreatedOutreach(outreach, followUps);
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

    public Task<OutreachResult<PrepUpdated>> UpdatePrepAsync(Requester requester, string outreachId, StageOnePrep prep, CancellationToken cancellationToken = default) =>
        Change(requester, outreachId, (o, now) => o.UpdatePrep(requester.UserKey, now, prep), o => new PrepUpdated(o, PrepValidator.Validate(o.Prep)), cancellationToken);

    public Task<OutreachResult<Outreach>> ShareAsync(Requester requester, string outreachId, OutreachSharing sharing, CancellationToken cancellationToken = default) =>
        Change(requester, outreachId, (o, now) => o.ShareWith(requester.UserKey, now, sharing), o => o, cancellationToken);

    public Task<OutreachResult<Outreach>> ChangeDeadlineAsync(Requester requester, string outreachId, DateTimeOffset deadline, CancellationToken cancellationToken = default) =>
        Change(requester, outreachId, (o, now) => o.ChangeDeadline(requester.UserKey, now, deadline), o => o, cancellationToken);

    /// <summary>Adds a target department and returns the collision warnings for it (the target is added regardless).</summary>
    public async Task<OutreachResult<TargetAdded>> AddTargetAsync(
        Requester requester, string outreachId, DepartmentRef department, LeadRoute? route = null, IReadOnlyList<ReferralStep>? referralChain = null, CancellationToken cancellationToken = default)
    {
        var added = await Change(requester, outreachId, (o, now) => o.AddTarget(requester.UserKey, now, department, route, referralChain), o => o, cancellationToken);
        if (added.Error is { } error)
        {
            return error;
        }

        return new TargetAdded(added.Value!, await CheckCollisionsAsync(requester, department.Id, outreachId, cancellationToken));
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

    public Task<OutreachResult<Outreach>> RecordContactAsync(Requester requester, string outreachId, NewContact contact, CancellationToken cancellationToken = default) =>
        Change(
            requester,
            outreachId,
            (o, now) => o.RecordContact(requester.UserKey, now, new ContactEntry(
                newId(), contact.DepartmentId, contact.PersonId, contact.PersonName, contact.Route, contact.At ?? now, contact.MessageSent?.Trim(), requester.UserKey)),
            o => o,
            cancellationToken);

    /// <summary>Records one of the three outcomes and answers with the playbook: next actions, drafts and follow-ups to schedule.</summary>
    public async Task<OutreachResult<OutcomeRecorded>> RecordOutcomeAsync(
        Requester requester, string outreachId, string departmentId, ContactOutcome outcome, RefusalReason? reason = null, string? note = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<AlternativeDepartment> suggestions = [];
        if (outcome == ContactOutcome.Refused)
        {
            var current = await GetAsync(requester, outreachId, cancellationToken);
            if (current.Error is { } error)
            {
                return error;
            }

            suggestions = await SuggestAlternativesAsync(requester, current.Value!, departmentId, cancellationToken);
        }

        PlaybookResult? decided = null;
        var recorded = await Change(
            requester,
            outreachId,
            (o, now) =>
            {
                var error = o.RecordOutcome(requester.UserKey, now, departmentId, outcome, reason, note);
                if (error is not null)
                {
                    return error;
                }

                var target = o.FindTarget(departmentId)!;
                decided = playbook.Decide(new PlaybookInput(
                    o.Id, target.Department, outcome, reason, o.CapabilityNeeded,
                    o.Contacts.LastOrDefault(c => c.DepartmentId == target.Department.Id)?.PersonName,
                    now, o.Deadline, LocalTime.ZoneOrUtc(o.TimeZoneId), suggestions));
                return decided.ProposedSlot is { } slot ? o.ProposeFollowUp(requester.UserKey, now, target.Department.Id, slot) : null;
            },
            o => o,
            cancellationToken);

        return recorded.Error is { } failure ? failure : new OutcomeRecorded(recorded.Value!, decided!);
    }

    public Task<OutreachResult<Outreach>> ScheduleMeetingAsync(
        Requester requester, string outreachId, string departmentId, DateTimeOffset meetingAt, bool bothLeadersInvited = true, string? note = null, CancellationToken cancellationToken = default) =>
        Change(requester, outreachId, (o, now) => o.ScheduleMeeting(requester.UserKey, now, departmentId, meetingAt, bothLeadersInvited, note), o => o, cancellationToken);

    public Task<OutreachResult<Outreach>> MarkAgreedAsync(Requester requester, string outreachId, string departmentId, string? note = null, CancellationToken cancellationToken = default) =>
        Change(requester, outreachId, (o, now) => o.MarkAgreed(requester.UserKey, now, departmentId, note), o => o, cancellationToken);

    public Task<OutreachResult<Outreach>> DropAsync(Requester requester, string outreachId, string departmentId, string? note = null, CancellationToken cancellationToken = default) =>
        Change(requester, outreachId, (o, now) => o.Drop(requester.UserKey, now, departmentId, note), o => o, cancellationToken);

    /// <summary>Stores the referral chain that led to a target department (who introduced us, in order).</summary>
    public Task<OutreachResult<Outreach>> RecordReferralAsync(
        Requester requester, string outreachId, string departmentId, IReadOnlyList<ReferralStep> chain, CancellationToken cancellationToken = default) =>
        Change(requester, outreachId, (o, now) => o.RecordReferral(requester.UserKey, now, departmentId, chain), o => o, cancellationToken);

    /// <summary>Stores what was learned about the partner (KPIs, leader's concerns); stage 2 reads it from the target's insight.</summary>
    public Task<OutreachResult<Outreach>> RecordInsightAsync(
        Requester requester, string outreachId, string departmentId, string? kpis, string? leaderConcerns, string? notes = null, CancellationToken cancellationToken = default) =>
        Change(requester, outreachId, (o, now) => o.RecordInsight(requester.UserKey, now, departmentId, kpis, leaderConcerns, notes), o => o, cancellationToken);

    /// <summary>Drafts the first-contact message for one target of the outreach.</summary>
    public async Task<OutreachResult<PitchDraft>> DraftPitchAsync(
        Requester requester, string outreachId, string departmentId, string? personName, string senderName, string? senderDepartment, CancellationToken cancellationToken = default)
    {
        var found = await GetAsync(requester, outreachId, cancellationToken);
        if (found.Error is { } error)
        {
            return error;
        }

        var outreach = found.Value!;
        if (outreach.FindTarget(departmentId) is not { } target)
        {
            return new UnknownTarget(departmentId);
        }

        var referrer = target.Route == LeadRoute.Referral ? target.ReferralChain.LastOrDefault()?.PersonName : null;
        return PitchDrafter.Draft(new PitchRequest(
            outreach.ProductIdea, outreach.Prep, target.Department, personName, target.Route ?? LeadRoute.OrgChart, referrer, senderName, senderDepartment));
    }

    /// <summary>My outreaches and those shared with me, overdue first.</summary>
    public async Task<IReadOnlyList<OutreachStatusView>> StatusAsync(Requester requester, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var owned = await repository.ListOwnedAsync(requester.UserKey, cancellationToken);
        var shared = await repository.ListSharedWithAsync(requester, cancellationToken);
        return OutreachStatus.Order(owned.Concat(shared).Select(o => OutreachStatus.View(o, requester.UserKey, now)));
    }

    public async Task<PipelinePage> PipelineAsync(Requester requester, int page = 1, int pageSize = 20, CancellationToken cancellationToken = default) =>
        OutreachStatus.Paginate(await StatusAsync(requester, cancellationToken), page, pageSize);

    /// <summary>"status 支付中台": the partner's full picture across my visible outreaches, by fuzzy name in either language.</summary>
    public async Task<IReadOnlyList<PartnerMatch>> PartnerStatusAsync(Requester requester, string query, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(query) ? [] : OutreachStatus.FindPartner(await StatusAsync(requester, cancellationToken), query);

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

    private Task<OutreachResult<T>> Change<T>(
        Requester requester, string outreachId, Func<Outreach, DateTimeOffset, OutreachError?> change, Func<Outreach, T> project, CancellationToken cancellationToken) =>
        repository.UpdateAsync<T>(outreachId, o =>
        {
            if (!o.IsVisibleTo(requester))
            {
                return new OutreachNotFound();
            }

            return change(o, time.GetUtcNow()) is { } error ? error : project(o);
        }, cancellationToken);
}
