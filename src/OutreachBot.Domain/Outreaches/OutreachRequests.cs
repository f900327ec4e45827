namespace OutreachBot.Domain.Outreaches;

/// <summary>A new outreach, whole: the idea, and optionally its deadline, sharing, the three points and its first target.</summary>
public sealed record NewOutreach(
    string ProductIdea,
    string? CapabilityNeeded,
    string TimeZoneId,
    DateTimeOffset? Deadline = null,
    OutreachSharing? Sharing = null,
    StageOnePrep? Prep = null,
    NewTarget? FirstTarget = null);

/// <param name="Route">How the department was found; the first contact's route when none is given there.</param>
/// <param name="FromFinder">The department was picked from a finder's result, so its route is recorded as a lead.</param>
public sealed record NewTarget(DepartmentRef Department, LeadRoute? Route = null, IReadOnlyList<ReferralStep>? ReferralChain = null, bool FromFinder = false);

/// <param name="Route">The route used; when null, the route the target was found by (else the org chart).</param>
public sealed record NewContact(string DepartmentId, string? PersonId, string PersonName, LeadRoute? Route, string? MessageSent, DateTimeOffset? At = null);

/// <summary>Which target a request is about: one the caller knows by id (a button), or a department name the user typed.</summary>
public abstract record TargetRef
{
    private TargetRef()
    {
    }

    public sealed record Known(string OutreachId, string DepartmentId) : TargetRef;

    /// <summary>The best match among the requester's visible outreaches' targets (either language, fuzzy); open targets win a tie.</summary>
    public sealed record Named(string Department) : TargetRef;

    /// <summary>
    /// The department the directory has read from what the user typed: the requester's visible target with this
    /// department id (open targets, then recently active outreaches, win), never another department with a similar name.
    /// </summary>
    public sealed record ByDepartment(string DepartmentId) : TargetRef;
}

public sealed record NewOutcome(TargetRef Target, ContactOutcome Outcome, RefusalReason? Reason = null, string? Note = null);

/// <summary>The next meeting with a partner and, optionally, what was learned about them (their KPIs, their leader's concerns).</summary>
public sealed record NewMeeting(string DepartmentId, DateTimeOffset At, bool BothLeadersInvited = true, string? Note = null, string? Kpis = null, string? LeaderConcerns = null);

public sealed record CreatedOutreach(Outreach Outreach, IReadOnlyList<CollisionWarning> Warnings);

/// <summary>The target as added, and the other PMs courting it or refused by it (the target is added regardless).</summary>
public sealed record AddedTarget(Outreach Outreach, OutreachTarget Target, IReadOnlyList<CollisionWarning> Warnings);

public sealed record RecordedContact(Outreach Outreach, OutreachTarget Target, ContactEntry Contact);

/// <summary>The outcome as recorded and the playbook's answer: next actions, drafts, the follow-up slot.</summary>
public sealed record RecordedOutcome(Outreach Outreach, OutreachTarget Target, PlaybookResult Playbook);

public sealed record UpdatedPrep(Outreach Outreach, IReadOnlyList<PrepHint> Hints);

public sealed record BookedMeeting(Outreach Outreach, OutreachTarget Target);

/// <summary>Where an introduction chain was stored: the outreach and target, or nowhere when no open outreach targets the department.</summary>
public sealed record AttachedReferral(Outreach? Outreach, OutreachTarget? Target)
{
    public static AttachedReferral Nowhere { get; } = new(null, null);
}

/// <summary>The answer to "add this department" without naming the outreach.</summary>
public abstract record TargetPlacement
{
    private TargetPlacement()
    {
    }

    public sealed record Added(AddedTarget Result) : TargetPlacement;

    public sealed record NoOpenOutreach : TargetPlacement;

    /// <summary>Several open outreaches, most recently active first: the user picks one.</summary>
    public sealed record ChooseOutreach(IReadOnlyList<OutreachStatusView> Open) : TargetPlacement;
}

/// <summary>Which outreach and department a first-contact draft is for.</summary>
public abstract record PitchChoice
{
    private PitchChoice()
    {
    }

    /// <param name="Warnings">Other PMs courting the department or refused by it, to show before the draft.</param>
    public sealed record Ready(Outreach Outreach, OutreachTarget Target, IReadOnlyList<CollisionWarning> Warnings) : PitchChoice
    {
        /// <summary>The draft, addressed to <paramref name="personName"/>, naming the last introducer when the lead came by referral.</summary>
        public PitchDraft Draft(string? personName, string senderName, string? senderDepartment) =>
            PitchDrafter.Draft(Outreach, Target, personName, senderName, senderDepartment);
    }

    public sealed record NoOpenOutreach : PitchChoice;

    public sealed record NoTargetYet(string ProductIdea) : PitchChoice;

    /// <summary>The department named is neither a target of mine nor in the directory.</summary>
    public sealed record UnknownDepartment : PitchChoice;
}

/// <summary>"status 支付中台": one partner across my visible outreaches, with its timeline, and other PMs' dealings with it.</summary>
/// <param name="Name">The department's name as my outreaches know it; null when only the directory knows the department.</param>
/// <param name="CanPitch">No outreach of mine has contacted it yet, so a first-contact draft makes sense.</param>
public sealed record PartnerPicture(string DepartmentId, BilingualText? Name, IReadOnlyList<PartnerHistory> Mine, IReadOnlyList<CollisionWarning> Others, bool CanPitch);

/// <param name="Events">The timeline events about this department, oldest first.</param>
public sealed record PartnerHistory(PartnerMatch Match, IReadOnlyList<TimelineEvent> Events);

/// <summary>An outreach's status line and its whole timeline, oldest first (for exports).</summary>
public sealed record OutreachHistory(OutreachStatusView View, IReadOnlyList<TimelineEvent> Events);

public enum CollisionKind
{
    BeingCourted,
    RefusedRecently,
}

/// <summary>Another PM's outreach to the same department: who, at what stage, since when, and why they were refused.</summary>
public sealed record CollisionWarning(
    CollisionKind Kind, string DepartmentId, BilingualText DepartmentName, string OwnerKey, TargetStage Stage, DateTimeOffset Since, RefusalReason? RefusalReason, string? Note);
