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

    /// <summary>
    /// The best match among the requester's visible outreaches' targets (either language, fuzzy); open targets win a tie.
    /// <paramref name="DirectoryId"/> is the directory's reading of the text (by keyword, e.g. 大数据 → the data platform):
    /// when no target name matches surely, the target with that department id is meant.
    /// </summary>
    public sealed record Named(string Department, string? DirectoryId = null) : TargetRef;

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

/// <summary>The target with what we now ask it for.</summary>
public sealed record ChangedSupport(Outreach Outreach, OutreachTarget Target);

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
    public sealed record Ready(Outreach Outreach, OutreachTarget Target, IReadOnlyList<CollisionWarning> Warnings) : PitchChoice;

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

/// <summary>The win with a partner: what was agreed (one line) and who decided (e.g. the two leaders).</summary>
public sealed record NewAgreement(TargetRef Target, string Terms, string DecidedBy);

/// <summary>A partner that may agree now (it answered and has not ended), found before asking what was agreed.</summary>
public sealed record AgreementCandidate(Outreach Outreach, OutreachTarget Target);

/// <summary>A partner as it ended (agreed or dropped); <see cref="ClosedOutreach"/> when it was the last open one.</summary>
public sealed record EndedPartner(Outreach Outreach, OutreachTarget Target)
{
    public bool ClosedOutreach => !Outreach.IsOpen;

    /// <summary>Days from the outreach's start to this agreement, and whether it beat the deadline; null for a drop.</summary>
    public AgreementPace? Pace => Target.Agreement is { } agreement
        ? AgreementPace.Of(Outreach.CreatedAt, agreement.At, Outreach.Deadline, LocalTime.ZoneOrUtc(Outreach.TimeZoneId))
        : null;
}

/// <summary>
/// What "reopen" is about: a partner that ended (a button's ids or a name the user typed), a closed outreach by id (a
/// button), or, with neither, my closed outreach.
/// </summary>
public sealed record ReopenRequest(TargetRef? Target = null, string? OutreachId = null);

public abstract record Reopening
{
    private Reopening()
    {
    }

    /// <param name="Target">The partner reopened, or null when the outreach itself was.</param>
    public sealed record Reopened(Outreach Outreach, OutreachTarget? Target) : Reopening;

    /// <summary>Several closed outreaches, most recently closed first: the user picks one.</summary>
    public sealed record ChooseOutreach(IReadOnlyList<OutreachStatusView> Closed) : Reopening;

    public sealed record NothingClosed : Reopening;
}

/// <summary>
/// Which partner the stage-2 material is for: a department the user named, the ids a button or a flow carries, or the
/// ones remembered from the user's last choice (<see cref="Remembered"/>: stale ids are then ignored, not refused).
/// </summary>
/// <param name="NamedDirectoryId">The directory's reading of <paramref name="Named"/> (see <see cref="TargetRef.Named"/>).</param>
public sealed record StageTwoPartnerRequest(
    string? Named = null, string? OutreachId = null, string? DepartmentId = null, bool Remembered = false, string? NamedDirectoryId = null);

public abstract record StageTwoPartnerChoice
{
    private StageTwoPartnerChoice()
    {
    }

    /// <param name="Partner">The partner; null while the outreach has no target department.</param>
    /// <param name="Others">The outreach's other partners in stage 2, to switch to.</param>
    /// <param name="OutreachCount">How many outreaches the user can see (to offer switching outreach).</param>
    public sealed record Ready(Outreach Outreach, OutreachTarget? Partner, IReadOnlyList<OutreachTarget> Others, int OutreachCount) : StageTwoPartnerChoice;

    /// <summary>Several partners of the outreach are in stage 2 and none was named: the user picks one.</summary>
    public sealed record ChoosePartner(Outreach Outreach, IReadOnlyList<OutreachTarget> Candidates) : StageTwoPartnerChoice;

    public sealed record NoOutreach : StageTwoPartnerChoice;

    /// <summary>None of my outreaches has a partner by that name.</summary>
    public sealed record UnknownPartner(string Text) : StageTwoPartnerChoice;
}
