namespace OutreachBot.Domain.Outreaches;

/// <summary>Where one target department stands in the article's stage 1. Readers see the text of key <c>TargetStage.*</c>.</summary>
public enum TargetStage
{
    Identified,
    Contacted,
    Refused,
    NoCapacity,
    Interested,
    MeetingScheduled,
    Agreed,
    Dropped,
}

/// <summary>The three outcomes of a first contact, as the article names them.</summary>
public enum ContactOutcome
{
    Refused,
    NoCapacity,
    Interested,
}

public enum RefusalReason
{
    NotTheirScope,
    RevenueNotTheirKpi,
    FocusedOnCore,
    Other,
}

/// <summary>How the lead to a department was found (the finder's three routes).</summary>
public enum LeadRoute
{
    OrgChart,
    KeywordSearch,
    Referral,
}

/// <summary>
/// The legal stage transitions. Open stages can always be dropped. NoCapacity may recover (a follow-up
/// books a meeting or they turn interested) or end in a refusal; Interested may still turn into a refusal
/// before the meeting; a scheduled meeting ends in agreement or refusal. A partner that answered yes (interested,
/// or keen but short of people) may also agree without a meeting booked here: the leaders can decide in a corridor.
/// Refused, Agreed and Dropped end the partner; only an explicit reopen (<see cref="Outreach.Reopen"/>) undoes that.
/// </summary>
public static class StageMachine
{
    private static readonly Dictionary<TargetStage, TargetStage[]> Legal = new()
    {
        [TargetStage.Identified] = [TargetStage.Contacted, TargetStage.Dropped],
        [TargetStage.Contacted] = [TargetStage.Refused, TargetStage.NoCapacity, TargetStage.Interested, TargetStage.Dropped],
        [TargetStage.NoCapacity] = [TargetStage.Interested, TargetStage.MeetingScheduled, TargetStage.Agreed, TargetStage.Refused, TargetStage.Dropped],
        [TargetStage.Interested] = [TargetStage.MeetingScheduled, TargetStage.Agreed, TargetStage.Refused, TargetStage.Dropped],
        [TargetStage.MeetingScheduled] = [TargetStage.Agreed, TargetStage.Refused, TargetStage.Dropped],
        [TargetStage.Refused] = [],
        [TargetStage.Agreed] = [],
        [TargetStage.Dropped] = [],
    };

    public static bool CanMove(TargetStage from, TargetStage to) => Legal[from].Contains(to);

    public static IReadOnlyList<TargetStage> NextStages(TargetStage from) => Legal[from];

    public static bool IsOpen(TargetStage stage) => Legal[stage].Length > 0;

    /// <summary>The partner said yes and the stage-2 material is for them: interested, or a meeting is booked.</summary>
    public static bool IsStageTwo(TargetStage stage) => stage is TargetStage.Interested or TargetStage.MeetingScheduled;

    public static TargetStage ToStage(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.Refused => TargetStage.Refused,
        ContactOutcome.NoCapacity => TargetStage.NoCapacity,
        ContactOutcome.Interested => TargetStage.Interested,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
