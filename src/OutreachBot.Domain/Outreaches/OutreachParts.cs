namespace OutreachBot.Domain.Outreaches;

/// <summary>A department as the outreach knows it: the directory id and its display names, copied at targeting time.</summary>
public sealed record DepartmentRef(string Id, string NameZh, string NameEn)
{
    public BilingualText Name => new(NameZh, NameEn);
}

/// <summary>The article's three points, prepared before contacting anyone.</summary>
public sealed record StageOnePrep(string? ProductBackground = null, string? SupportNeeded = null, string? WhatsInItForThem = null)
{
    public static StageOnePrep Empty { get; } = new();

    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(ProductBackground) && !string.IsNullOrWhiteSpace(SupportNeeded) && !string.IsNullOrWhiteSpace(WhatsInItForThem);
}

/// <summary>Who may see and change the outreach besides its owner.</summary>
public sealed record OutreachSharing(string? TeamId = null, string? ChannelId = null, IReadOnlyList<string>? Colleagues = null)
{
    public static OutreachSharing None { get; } = new();

    public IReadOnlyList<string> ColleagueKeys => Colleagues ?? [];
}

/// <summary>
/// One introduction as it happened: <see cref="PersonName"/> introduced the PM to <see cref="ToPersonName"/> (unknown for
/// chains recorded before the introduced person was kept).
/// </summary>
public sealed record ReferralStep(string PersonId, string PersonName, string? DepartmentId = null, string? ToPersonId = null, string? ToPersonName = null);

/// <summary>What we learned about the partner, used to tailor the stage-2 material.</summary>
public sealed record PartnerInsight(string? Kpis, string? LeaderConcerns, string? Notes, DateTimeOffset UpdatedAt, string UpdatedBy);

public sealed record ScheduledMeeting(DateTimeOffset At, bool BothLeadersInvited, string? Note);

/// <summary>The win: what was agreed with the partner (one line) and who decided it (e.g. the two leaders), and when.</summary>
public sealed record Agreement(string Terms, string DecidedBy, DateTimeOffset At, string RecordedBy);

/// <summary>One target department and where it stands.</summary>
/// <param name="SupportNeeded">What we ask this department for, when it differs from the outreach's support needed.</param>
public sealed record OutreachTarget(
    DepartmentRef Department,
    TargetStage Stage,
    DateTimeOffset StageChangedAt,
    LeadRoute? Route,
    IReadOnlyList<ReferralStep> ReferralChain,
    RefusalReason? RefusalReason = null,
    string? OutcomeNote = null,
    ScheduledMeeting? Meeting = null,
    DateTimeOffset? FollowUpAt = null,
    PartnerInsight? Insight = null,
    Agreement? Agreement = null,
    TargetStage? EndedFrom = null,
    string? SupportNeeded = null)
{
    public bool IsOpen => StageMachine.IsOpen(Stage);
}

/// <summary>One entry of the contact log.</summary>
public sealed record ContactEntry(
    string Id,
    string DepartmentId,
    string? PersonId,
    string PersonName,
    LeadRoute Route,
    DateTimeOffset At,
    string? MessageSent,
    string RecordedBy);

public enum TimelineEventKind
{
    Created,
    PrepUpdated,
    TargetAdded,
    Contacted,
    OutcomeRecorded,
    MeetingScheduled,
    Agreed,
    Dropped,
    InsightRecorded,
    SharingChanged,
    DeadlineChanged,
    ReferralRecorded,
    Closed,
    Reopened,
}

/// <summary>One event of the append-only timeline: who did what, when, with details.</summary>
public sealed record TimelineEvent(long Sequence, DateTimeOffset At, string Actor, TimelineEventKind Kind, string? DepartmentId, string Details);

/// <summary>Caps that keep one outreach a sensible size (and its stored record within Azure Tables' limits).</summary>
public static class OutreachLimits
{
    public const int MaxIdeaLength = 300;
    public const int MaxPrepPointLength = 1000;
    public const int MaxNoteLength = 1000;
    public const int MaxMessageLength = 2000;
    public const int MaxNameLength = 200;
    public const int MaxAgreementLength = 200;
    public const int MaxTargets = 20;
    public const int MaxContacts = 60;
    public const int MaxReferralSteps = 6;
    public const int MaxColleagues = 30;
}

/// <summary>A referral chain told as it happened, for the status and the brief.</summary>
public static class ReferralStory
{
    /// <summary>"经张三引荐认识李四，再经李四引荐认识王五" / "Zhang San introduced us to Li Si, then Li Si introduced us to Wang Wu"; null without introductions.</summary>
    public static BilingualText? Describe(IReadOnlyList<ReferralStep> chain) =>
        chain.Count == 0
            ? null
            : new(
                string.Join("，再", chain.Select(s => s.ToPersonName is { Length: > 0 } to ? $"经{s.PersonName}引荐认识{to}" : $"经{s.PersonName}引荐")),
                string.Join(", then ", chain.Select(s => s.ToPersonName is { Length: > 0 } to ? $"{s.PersonName} introduced us to {to}" : $"{s.PersonName} introduced us")));
}
