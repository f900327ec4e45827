namespace OutreachBot.Domain.Outreaches;

/// <summary>
/// One PM's attempt to win partner departments for a product idea. Every change goes through a method that
/// either applies it and appends to the timeline, or returns an <see cref="OutreachError"/> and changes nothing.
/// </summary>
public sealed class Outreach
{
    private readonly List<OutreachTarget> targets;
    private readonly List<ContactEntry> contacts;
    private readonly List<TimelineEvent> timeline;

    private Outreach(OutreachSnapshot snapshot)
    {
        Id = snapshot.Id;
        OwnerKey = snapshot.OwnerKey;
        CreatedAt = snapshot.CreatedAt;
        TimeZoneId = snapshot.TimeZoneId;
        ProductIdea = snapshot.ProductIdea;
        CapabilityNeeded = snapshot.CapabilityNeeded;
        Deadline = snapshot.Deadline;
        Sharing = snapshot.Sharing;
        Prep = snapshot.Prep;
        targets = [.. snapshot.Targets];
        contacts = [.. snapshot.Contacts];
        timeline = [.. snapshot.Timeline];
        NextSequence = snapshot.NextSequence;
        Version = snapshot.Version;
        ArchivedPages = snapshot.ArchivedPages;
        ReopenedAt = snapshot.ReopenedAt;

        // Records written before closing was kept explicitly: closed when every partner had ended.
        ClosedAt = snapshot.ClosedAt
            ?? (snapshot.ReopenedAt is null && targets.Count > 0 && targets.All(t => !t.IsOpen) ? targets.Max(t => t.StageChangedAt) : null);
    }

    public string Id { get; }

    public string OwnerKey { get; }

    public DateTimeOffset CreatedAt { get; }

    public string TimeZoneId { get; }

    public string ProductIdea { get; private set; }

    public string? CapabilityNeeded { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    public OutreachSharing Sharing { get; private set; }

    public StageOnePrep Prep { get; private set; }

    public IReadOnlyList<OutreachTarget> Targets => targets;

    public IReadOnlyList<ContactEntry> Contacts => contacts;

    /// <summary>The timeline events kept on the record itself; older ones live in archived pages (see the repository).</summary>
    public IReadOnlyList<TimelineEvent> Timeline => timeline;

    public long NextSequence { get; private set; }

    /// <summary>Grows by one with every saved change; indexes use it to ignore stale updates.</summary>
    public long Version { get; private set; }

    public int ArchivedPages { get; private set; }

    /// <summary>True when a change was applied since this instance was loaded or created.</summary>
    public bool HasChanges { get; private set; }

    /// <summary>
    /// An outreach closes when its last open partner ends (agreed, refused or dropped) and stays closed until a partner
    /// is added or reopened, or the outreach itself is reopened (<see cref="Reopen"/>).
    /// </summary>
    public bool IsOpen => ClosedAt is null;

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// When the outreach or one of its partners was last reopened: a new round, whose automatic reminders are new ones
    /// (those cancelled at closing stay cancelled). A reopened outreach stays open until another partner ends.
    /// </summary>
    public DateTimeOffset? ReopenedAt { get; private set; }

    /// <summary>The first agreement of the outreach: the week's result.</summary>
    public OutreachTarget? FirstAgreed =>
        targets.Where(t => t.Stage == TargetStage.Agreed).OrderBy(t => t.Agreement?.At ?? t.StageChangedAt).FirstOrDefault();

    public static OutreachResult<Outreach> Create(
        string id, string ownerKey, string productIdea, string? capabilityNeeded, DateTimeOffset createdAt, DateTimeOffset deadline, string timeZoneId)
    {
        if (Validation.Required(nameof(ProductIdea), productIdea, OutreachLimits.MaxIdeaLength) is { } ideaError)
        {
            return ideaError;
        }

        if (Validation.Optional(nameof(CapabilityNeeded), capabilityNeeded, OutreachLimits.MaxIdeaLength) is { } capabilityError)
        {
            return capabilityError;
        }

        if (deadline <= createdAt)
        {
            return DeadlineInPast();
        }

        var outreach = new Outreach(new OutreachSnapshot(
            id, ownerKey, createdAt, timeZoneId, productIdea.Trim(), capabilityNeeded?.Trim(), deadline, OutreachSharing.None, StageOnePrep.Empty,
            [], [], [], NextSequence: 1, Version: 0, ArchivedPages: 0, ClosedAt: null, ReopenedAt: null));
        outreach.Append(createdAt, ownerKey, TimelineEventKind.Created, null, productIdea.Trim());
        return outreach;
    }

    public static Outreach FromSnapshot(OutreachSnapshot snapshot) => new(snapshot);

    public OutreachSnapshot ToSnapshot() => new(
        Id, OwnerKey, CreatedAt, TimeZoneId, ProductIdea, CapabilityNeeded, Deadline, Sharing, Prep,
        [.. targets], [.. contacts], [.. timeline], NextSequence, Version, ArchivedPages, ClosedAt, ReopenedAt);

    public bool IsVisibleTo(Requester requester) =>
        requester.UserKey == OwnerKey
        || Sharing.ColleagueKeys.Contains(requester.UserKey, StringComparer.Ordinal)
        || (Sharing.TeamId is { } team && requester.TeamIds.Contains(team, StringComparer.Ordinal))
        || (Sharing.ChannelId is { } channel && requester.TeamIds.Contains(channel, StringComparer.Ordinal));

    public OutreachTarget? FindTarget(string departmentId) =>
        targets.FirstOrDefault(t => string.Equals(t.Department.Id, departmentId, StringComparison.OrdinalIgnoreCase));

    public OutreachError? UpdatePrep(string actor, DateTimeOffset at, StageOnePrep prep)
    {
        var error = Validation.Optional(nameof(prep.ProductBackground), prep.ProductBackground, OutreachLimits.MaxPrepPointLength)
            ?? Validation.Optional(nameof(prep.SupportNeeded), prep.SupportNeeded, OutreachLimits.MaxPrepPointLength)
            ?? Validation.Optional(nameof(prep.WhatsInItForThem), prep.WhatsInItForThem, OutreachLimits.MaxPrepPointLength);
        if (error is not null)
        {
            return error;
        }

        Prep = new StageOnePrep(prep.ProductBackground?.Trim(), prep.SupportNeeded?.Trim(), prep.WhatsInItForThem?.Trim());
        Append(at, actor, TimelineEventKind.PrepUpdated, null, string.Empty, e => e with { Complete = Prep.IsComplete });
        return null;
    }

    /// <summary>What we ask this department for; blank goes back to the outreach's support needed.</summary>
    public OutreachError? ChangeTargetSupport(string actor, DateTimeOffset at, string departmentId, string? supportNeeded)
    {
        if (FindTarget(departmentId) is not { } target)
        {
            return new UnknownTarget(departmentId);
        }

        if (Validation.Optional(nameof(StageOnePrep.SupportNeeded), supportNeeded, OutreachLimits.MaxPrepPointLength) is { } error)
        {
            return error;
        }

        var text = string.IsNullOrWhiteSpace(supportNeeded) ? null : supportNeeded.Trim();
        Replace(target, target with { SupportNeeded = text });
        Append(at, actor, TimelineEventKind.PrepUpdated, target.Department.Id, text ?? string.Empty);
        return null;
    }

    public OutreachError? ChangeDeadline(string actor, DateTimeOffset at, DateTimeOffset deadline)
    {
        if (deadline <= at)
        {
            return DeadlineInPast();
        }

        Deadline = deadline;
        Append(at, actor, TimelineEventKind.DeadlineChanged, null, string.Empty, e => e with { When = deadline });
        return null;
    }

    public OutreachError? ShareWith(string actor, DateTimeOffset at, OutreachSharing sharing)
    {
        if (actor != OwnerKey)
        {
            return new OutreachForbidden();
        }

        var colleagues = sharing.ColleagueKeys.Where(k => !string.IsNullOrWhiteSpace(k) && k != OwnerKey).Distinct(StringComparer.Ordinal).ToList();
        if (colleagues.Count > OutreachLimits.MaxColleagues)
        {
            return new OutreachLimitReached(OutreachLimit.Colleagues, OutreachLimits.MaxColleagues);
        }

        Sharing = new OutreachSharing(Blank(sharing.TeamId), Blank(sharing.ChannelId), colleagues);
        Append(at, actor, TimelineEventKind.SharingChanged, null, string.Empty);
        return null;

        static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }

    public OutreachError? AddTarget(string actor, DateTimeOffset at, DepartmentRef department, LeadRoute? route, IReadOnlyList<ReferralStep>? referralChain)
    {
        if (string.IsNullOrWhiteSpace(department.Id))
        {
            return new InvalidOutreachInput("DepartmentId", new Phrase("Outreach.Error.DepartmentRequired"));
        }

        if (FindTarget(department.Id) is not null)
        {
            return new DuplicateTarget(department.Id, department.Name);
        }

        if (targets.Count >= OutreachLimits.MaxTargets)
        {
            return new OutreachLimitReached(OutreachLimit.Targets, OutreachLimits.MaxTargets);
        }

        var chain = referralChain ?? [];
        if (chain.Count > OutreachLimits.MaxReferralSteps)
        {
            return new OutreachLimitReached(OutreachLimit.ReferralSteps, OutreachLimits.MaxReferralSteps);
        }

        targets.Add(new OutreachTarget(department, TargetStage.Identified, at, route, [.. chain]));
        Append(at, actor, TimelineEventKind.TargetAdded, department.Id, string.Join(" → ", chain.Select(s => s.PersonName)), e => e with { Route = route });
        ClosedAt = null;
        return null;
    }

    /// <summary>Logs a contact. The first contact moves the target from Identified to Contacted; later ones are follow-ups.</summary>
    public OutreachError? RecordContact(string actor, DateTimeOffset at, ContactEntry contact)
    {
        if (FindTarget(contact.DepartmentId) is not { } target)
        {
            return new UnknownTarget(contact.DepartmentId);
        }

        if (!target.IsOpen)
        {
            return new IllegalStageTransition(target.Department.Id, target.Department.Name, target.Stage, TargetStage.Contacted);
        }

        var error = Validation.Required("PersonName", contact.PersonName, OutreachLimits.MaxNameLength)
            ?? Validation.Optional("MessageSent", contact.MessageSent, OutreachLimits.MaxMessageLength);
        if (error is not null)
        {
            return error;
        }

        if (contacts.Count >= OutreachLimits.MaxContacts)
        {
            return new OutreachLimitReached(OutreachLimit.Contacts, OutreachLimits.MaxContacts);
        }

        contacts.Add(contact with { DepartmentId = target.Department.Id, RecordedBy = actor });
        if (target.Stage == TargetStage.Identified)
        {
            Replace(target, target with { Stage = TargetStage.Contacted, StageChangedAt = at, Route = target.Route ?? contact.Route });
        }

        Append(at, actor, TimelineEventKind.Contacted, target.Department.Id, contact.PersonName, e => e with { Route = contact.Route });
        return null;
    }

    /// <summary>Why the outcome cannot be recorded now (note too long, unknown target, illegal move), or null.</summary>
    public OutreachError? CheckOutcome(string departmentId, ContactOutcome outcome, string? note)
    {
        var to = StageMachine.ToStage(outcome);
        if (Validation.Optional("Note", note, OutreachLimits.MaxNoteLength) is { } noteError)
        {
            return noteError;
        }

        if (FindTarget(departmentId) is not { } target)
        {
            return new UnknownTarget(departmentId);
        }

        return StageMachine.CanMove(target.Stage, to) ? null : new IllegalStageTransition(target.Department.Id, target.Department.Name, target.Stage, to);
    }

    public OutreachError? RecordOutcome(string actor, DateTimeOffset at, string departmentId, ContactOutcome outcome, RefusalReason? reason, string? note)
    {
        if (CheckOutcome(departmentId, outcome, note) is { } error)
        {
            return error;
        }

        var to = StageMachine.ToStage(outcome);
        var refusal = outcome == ContactOutcome.Refused ? reason ?? RefusalReason.Other : (RefusalReason?)null;
        return Move(actor, at, departmentId, to, TimelineEventKind.OutcomeRecorded, t => t with
        {
            RefusalReason = refusal,
            OutcomeNote = note?.Trim(),
        }, note?.Trim() ?? string.Empty, e => e with { Reason = refusal });
    }

    public OutreachError? ProposeFollowUp(string actor, DateTimeOffset at, string departmentId, DateTimeOffset followUpAt)
    {
        if (FindTarget(departmentId) is not { } target)
        {
            return new UnknownTarget(departmentId);
        }

        Replace(target, target with { FollowUpAt = followUpAt });
        HasChanges = true;
        return null;
    }

    /// <summary>Books (or moves) the next meeting. From Interested or NoCapacity this advances the stage.</summary>
    public OutreachError? ScheduleMeeting(string actor, DateTimeOffset at, string departmentId, DateTimeOffset meetingAt, bool bothLeadersInvited, string? note)
    {
        if (meetingAt <= at)
        {
            return new InvalidOutreachInput("MeetingAt", new Phrase("Outreach.Error.MeetingInPast"));
        }

        if (Validation.Optional("Note", note, OutreachLimits.MaxNoteLength) is { } noteError)
        {
            return noteError;
        }

        var meeting = new ScheduledMeeting(meetingAt, bothLeadersInvited, note?.Trim());
        TimelineEvent Details(TimelineEvent e) => e with { When = meetingAt, BothLeaders = bothLeadersInvited };
        if (FindTarget(departmentId) is { Stage: TargetStage.MeetingScheduled } scheduled)
        {
            Replace(scheduled, scheduled with { Meeting = meeting, FollowUpAt = null });
            Append(at, actor, TimelineEventKind.MeetingScheduled, scheduled.Department.Id, meeting.Note ?? string.Empty, Details);
            return null;
        }

        return Move(actor, at, departmentId, TargetStage.MeetingScheduled, TimelineEventKind.MeetingScheduled, t => t with { Meeting = meeting, FollowUpAt = null }, meeting.Note ?? string.Empty, Details);
    }

    /// <summary>
    /// The win: the partner agreed. <paramref name="terms"/> is what was agreed, one line; <paramref name="decidedBy"/> who
    /// decided (e.g. the two leaders). Line breaks become spaces.
    /// </summary>
    public OutreachError? MarkAgreed(string actor, DateTimeOffset at, string departmentId, string terms, string decidedBy)
    {
        var what = OneLine(terms);
        var who = OneLine(decidedBy);
        var error = Validation.Required(nameof(Agreement.Terms), what, OutreachLimits.MaxAgreementLength)
            ?? Validation.Required(nameof(Agreement.DecidedBy), who, OutreachLimits.MaxNameLength);
        if (error is not null)
        {
            return error;
        }

        var agreement = new Agreement(what, who, at, actor);
        return Move(actor, at, departmentId, TargetStage.Agreed, TimelineEventKind.Agreed, t => t with { Agreement = agreement, FollowUpAt = null }, $"{what} ({who})");
    }

    public OutreachError? Drop(string actor, DateTimeOffset at, string departmentId, string? note) =>
        Validation.Optional("Note", note, OutreachLimits.MaxNoteLength)
        ?? Move(actor, at, departmentId, TargetStage.Dropped, TimelineEventKind.Dropped, t => t with { OutcomeNote = note?.Trim() ?? t.OutcomeNote, FollowUpAt = null }, note?.Trim() ?? string.Empty);

    /// <summary>
    /// Undoes an end. With a department: that partner (agreed, refused or dropped) goes back to where it stood before it
    /// ended, which reopens the outreach. Without: the closed outreach itself reopens, to look for another partner; it
    /// closes again when another partner ends.
    /// </summary>
    public OutreachError? Reopen(string actor, DateTimeOffset at, string? departmentId)
    {
        if (departmentId is null)
        {
            if (IsOpen)
            {
                return new NothingToReopen(null);
            }

            ClosedAt = null;
            ReopenedAt = at;
            Append(at, actor, TimelineEventKind.Reopened, null, string.Empty);
            return null;
        }

        if (FindTarget(departmentId) is not { } target)
        {
            return new UnknownTarget(departmentId);
        }

        if (target.IsOpen)
        {
            return new NothingToReopen(target.Department);
        }

        var back = target.EndedFrom
            ?? (contacts.Any(c => string.Equals(c.DepartmentId, target.Department.Id, StringComparison.OrdinalIgnoreCase)) ? TargetStage.Contacted : TargetStage.Identified);
        Replace(target, target with { Stage = back, StageChangedAt = at, EndedFrom = null, Agreement = null, RefusalReason = null, FollowUpAt = null });
        ClosedAt = null;
        ReopenedAt = at;
        Append(at, actor, TimelineEventKind.Reopened, target.Department.Id, string.Empty, e => e with { From = target.Stage, To = back });
        return null;
    }

    /// <summary>The introductions that led to an open target: its route becomes a referral and the pitch names the last introducer.</summary>
    public OutreachError? RecordReferral(string actor, DateTimeOffset at, string departmentId, IReadOnlyList<ReferralStep> chain)
    {
        if (FindTarget(departmentId) is not { } target)
        {
            return new UnknownTarget(departmentId);
        }

        if (chain.Count > OutreachLimits.MaxReferralSteps)
        {
            return new OutreachLimitReached(OutreachLimit.ReferralSteps, OutreachLimits.MaxReferralSteps);
        }

        Replace(target, target with { Route = LeadRoute.Referral, ReferralChain = [.. chain] });
        Append(at, actor, TimelineEventKind.ReferralRecorded, target.Department.Id, string.Join(" → ", chain.Select(s => s.PersonName)));
        return null;
    }

    public OutreachError? RecordInsight(string actor, DateTimeOffset at, string departmentId, string? kpis, string? leaderConcerns, string? notes)
    {
        if (FindTarget(departmentId) is not { } target)
        {
            return new UnknownTarget(departmentId);
        }

        var error = Validation.Optional("Kpis", kpis, OutreachLimits.MaxNoteLength)
            ?? Validation.Optional("LeaderConcerns", leaderConcerns, OutreachLimits.MaxNoteLength)
            ?? Validation.Optional("Notes", notes, OutreachLimits.MaxNoteLength);
        if (error is not null)
        {
            return error;
        }

        var previous = target.Insight;
        var insight = new PartnerInsight(
            kpis?.Trim() ?? previous?.Kpis, leaderConcerns?.Trim() ?? previous?.LeaderConcerns, notes?.Trim() ?? previous?.Notes, at, actor);
        Replace(target, target with { Insight = insight });
        Append(at, actor, TimelineEventKind.InsightRecorded, target.Department.Id, string.Empty);
        return null;
    }

    /// <summary>Takes the oldest inline timeline events out of the record, for the repository to store as an archived page.</summary>
    internal IReadOnlyList<TimelineEvent> TakeOldestEvents(int count)
    {
        var taken = timeline.Take(count).ToList();
        timeline.RemoveRange(0, taken.Count);
        ArchivedPages++;
        return taken;
    }

    internal void MarkSaved()
    {
        Version++;
        HasChanges = false;
    }

    private OutreachError? Move(
        string actor,
        DateTimeOffset at,
        string departmentId,
        TargetStage to,
        TimelineEventKind kind,
        Func<OutreachTarget, OutreachTarget> change,
        string details,
        Func<TimelineEvent, TimelineEvent>? describe = null)
    {
        if (FindTarget(departmentId) is not { } target)
        {
            return new UnknownTarget(departmentId);
        }

        if (!StageMachine.CanMove(target.Stage, to))
        {
            return new IllegalStageTransition(target.Department.Id, target.Department.Name, target.Stage, to);
        }

        var ends = !StageMachine.IsOpen(to);
        Replace(target, change(target) with { Stage = to, StageChangedAt = at, EndedFrom = ends ? target.Stage : null });
        Append(at, actor, kind, target.Department.Id, details, e => (describe?.Invoke(e) ?? e) with { From = target.Stage, To = to });
        if (ends && IsOpen && targets.All(t => !t.IsOpen))
        {
            ClosedAt = at;
            Append(at, actor, TimelineEventKind.Closed, null, string.Empty);
        }

        return null;
    }

    private static string OneLine(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private void Replace(OutreachTarget current, OutreachTarget next) => targets[targets.IndexOf(current)] = next;

    private void Append(DateTimeOffset at, string actor, TimelineEventKind kind, string? departmentId, string details, Func<TimelineEvent, TimelineEvent>? describe = null)
    {
        var entry = new TimelineEvent(NextSequence++, at, actor, kind, departmentId, details.Length > OutreachLimits.MaxNoteLength ? details[..OutreachLimits.MaxNoteLength] : details);
        timeline.Add(describe?.Invoke(entry) ?? entry);
        HasChanges = true;
    }

    private static InvalidOutreachInput DeadlineInPast() =>
        new("Deadline", new Phrase("Outreach.Error.DeadlineInPast"));

    private static class Validation
    {
        public static OutreachError? Required(string field, string? value, int max) =>
            string.IsNullOrWhiteSpace(value)
                ? new InvalidOutreachInput(field, new Phrase("Outreach.Error.Required", FieldName(field)))
                : Optional(field, value, max);

        public static OutreachError? Optional(string field, string? value, int max) =>
            value is not null && value.Trim().Length > max
                ? new InvalidOutreachInput(field, new Phrase("Outreach.Error.TooLong", FieldName(field), max))
                : null;

        private static Phrase FieldName(string field) => new(field switch
        {
            nameof(ProductIdea) or nameof(CapabilityNeeded) or "PersonName" or "MessageSent" or "Kpis" or "LeaderConcerns" => "Outreach.Field." + field,
            nameof(StageOnePrep.ProductBackground) or nameof(StageOnePrep.SupportNeeded) or nameof(StageOnePrep.WhatsInItForThem) => "Outreach.Field." + field,
            nameof(Agreement.Terms) or nameof(Agreement.DecidedBy) => "Outreach.Field." + field,
            _ => "Outreach.Field.Note",
        });
    }
}

/// <summary>The persisted shape of an outreach; the aggregate is rebuilt from it.</summary>
public sealed record OutreachSnapshot(
    string Id,
    string OwnerKey,
    DateTimeOffset CreatedAt,
    string TimeZoneId,
    string ProductIdea,
    string? CapabilityNeeded,
    DateTimeOffset Deadline,
    OutreachSharing Sharing,
    StageOnePrep Prep,
    IReadOnlyList<OutreachTarget> Targets,
    IReadOnlyList<ContactEntry> Contacts,
    IReadOnlyList<TimelineEvent> Timeline,
    long NextSequence,
    long Version,
    int ArchivedPages,
    DateTimeOffset? ClosedAt = null,
    DateTimeOffset? ReopenedAt = null);

/// <summary>Who is asking: the user's key and the teams/channels they belong to (for team sharing).</summary>
public sealed record Requester(string UserKey, IReadOnlyList<string> TeamIds)
{
    public static Requester User(string userKey) => new(userKey, []);
}
