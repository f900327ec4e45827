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

/// <summary>
/// One event of the append-only timeline: who did what, when. <see cref="Details"/> holds only the user's own words for
/// the event (the idea, the contact's name, a note, the introducers' names); what the bot knows about it is typed, so a
/// reader sees it in their language (keys <c>TimelineEventKind.*</c> and <c>Timeline.*</c>).
/// </summary>
public sealed record TimelineEvent(long Sequence, DateTimeOffset At, string Actor, TimelineEventKind Kind, string? DepartmentId, string Details)
{
    /// <summary>The stage the target left, for events that moved it.</summary>
    public TargetStage? From { get; init; }

    /// <summary>The stage the target reached, for events that moved it.</summary>
    public TargetStage? To { get; init; }

    public LeadRoute? Route { get; init; }

    public RefusalReason? Reason { get; init; }

    /// <summary>The time the event set: a meeting's time or a new deadline.</summary>
    public DateTimeOffset? When { get; init; }

    /// <summary>A booked meeting to which both leaders are invited.</summary>
    public bool? BothLeaders { get; init; }

    /// <summary>After a prep update: whether all three points are written.</summary>
    public bool? Complete { get; init; }
}

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
    /// <summary>
    /// "经张三引荐认识李四，再经李四引荐认识王五" / "Zhang San introduced us to Li Si, then Li Si introduced us to Wang Wu"
    /// (keys <c>Referral.Story.*</c>); null without introductions.
    /// </summary>
    public static Phrase? Describe(IReadOnlyList<ReferralStep> chain)
    {
        Phrase? story = null;
        foreach (var step in chain)
        {
            var told = step.ToPersonName is { Length: > 0 } to
                ? new Phrase("Referral.Story.IntroducedTo", step.PersonName, to)
                : new Phrase("Referral.Story.Introduced", step.PersonName);
            story = story is null ? told : new Phrase("Referral.Story.Then", story, told);
        }

        return story;
    }
}
