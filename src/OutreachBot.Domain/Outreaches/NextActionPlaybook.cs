namespace OutreachBot.Domain.Outreaches;

public enum PlaybookAction
{
    DropDepartment,
    ShareRefusal,
    LookForAlternativeDepartments,
    ConsiderProcurement,
    LeadWithBusinessScope,
    RespectTheirFocus,
    AskWhoOwnsIt,
    SendCapabilityOnlyMessage,
    ProposeFollowUpSlot,
    BookMeetingWithBothLeaders,
    LearnPartnerKpis,
    LearnLeaderConcerns,
    StartStageTwo,
}

public enum FollowUpKind
{
    NoCapacityFollowUp,
    BookMeetingNudge,
    DeadlineApproaching,
}

/// <summary>A reminder the reminders part must schedule; the playbook only says what and when.</summary>
public sealed record ScheduledFollowUp(DateTimeOffset DueAt, FollowUpKind Kind, string OutreachId, string DepartmentId);

public sealed record FollowUpRule(FollowUpKind Kind, int AfterWorkingDays, TimeOnly LocalTime);

/// <summary>One row of the playbook table: an outcome (and, for refusals, a reason) and what to do next.</summary>
public sealed record PlaybookRule(
    ContactOutcome Outcome,
    RefusalReason? Reason,
    IReadOnlyList<PlaybookAction> Actions,
    IReadOnlyList<FollowUpRule> FollowUps,
    bool ProposesSlot = false,
    bool AsksForInsight = false);

public sealed record NextAction(PlaybookAction Kind, BilingualText Text);

public sealed record InsightQuestion(string Key, BilingualText Question);

/// <summary>A department the directory suggests when one says no.</summary>
public sealed record AlternativeDepartment(string DepartmentId, string NameZh, string NameEn, BilingualText? Why = null)
{
    public BilingualText Name => new(NameZh, NameEn);
}

public sealed record AlternativeDepartmentQuery(
    string ProductIdea, string? CapabilityNeeded, string RefusingDepartmentId, IReadOnlyCollection<string> ExcludedDepartmentIds, int MaxResults);

/// <summary>The next-best candidate departments for a capability; implemented by the directory/search part.</summary>
public interface IAlternativeDepartments
{
    Task<IReadOnlyList<AlternativeDepartment>> FindAsync(AlternativeDepartmentQuery query, CancellationToken cancellationToken = default);
}

/// <summary>Everything the playbook needs to answer an outcome; all plain values.</summary>
public sealed record PlaybookInput(
    string OutreachId,
    DepartmentRef Department,
    ContactOutcome Outcome,
    RefusalReason? Reason,
    string? CapabilityNeeded,
    string? ContactPersonName,
    DateTimeOffset Now,
    DateTimeOffset Deadline,
    TimeZoneInfo TimeZone,
    IReadOnlyList<AlternativeDepartment> Alternatives);

public sealed record PlaybookResult(
    ContactOutcome Outcome,
    RefusalReason? Reason,
    IReadOnlyList<NextAction> Actions,
    IReadOnlyList<AlternativeDepartment> Alternatives,
    BilingualText? DraftMessage,
    DateTimeOffset? ProposedSlot,
    IReadOnlyList<InsightQuestion> Checklist,
    IReadOnlyList<ScheduledFollowUp> FollowUps,
    bool StartStageTwo)
{
    public bool Has(PlaybookAction action) => Actions.Any(a => a.Kind == action);
}

/// <summary>
/// The article's answer to each first-contact outcome, as a table (<see cref="PlaybookTable"/>): refused → drop
/// them, find another department or buy; no capacity → we need only their capability, follow up; interested →
/// book the meeting with both leaders and learn their KPIs and their leader's concerns.
/// </summary>
public sealed class NextActionPlaybook(IReadOnlyList<PlaybookRule> rules)
{
    public NextActionPlaybook()
        : this(PlaybookTable.Default)
    {
    }

    public IReadOnlyList<PlaybookRule> Rules { get; } = rules;

    public PlaybookRule RuleFor(ContactOutcome outcome, RefusalReason? reason)
    {
        var effectiveReason = outcome == ContactOutcome.Refused ? reason ?? RefusalReason.Other : (RefusalReason?)null;
        return Rules.FirstOrDefault(r => r.Outcome == outcome && r.Reason == effectiveReason)
            ?? Rules.FirstOrDefault(r => r.Outcome == outcome && r.Reason is null)
            ?? throw new InvalidOperationException($"The playbook has no rule for {outcome}/{effectiveReason}.");
    }

    public PlaybookResult Decide(PlaybookInput input)
    {
        var rule = RuleFor(input.Outcome, input.Reason);
        var slot = rule.ProposesSlot ? ProposeSlot(input, rule) : (DateTimeOffset?)null;
        var texts = new PlaybookTexts(input, slot);
        var alternatives = rule.Actions.Contains(PlaybookAction.LookForAlternativeDepartments) ? input.Alternatives : [];
        var followUps = rule.FollowUps
            .Select(f => new ScheduledFollowUp(
                slot is not null && f.Kind == FollowUpKind.NoCapacityFollowUp ? slot.Value : FollowUpTime(input, f),
                f.Kind, input.OutreachId, input.Department.Id))
            .ToList();

        return new PlaybookResult(
            input.Outcome,
            rule.Outcome == ContactOutcome.Refused ? rule.Reason ?? input.Reason ?? RefusalReason.Other : null,
            [.. rule.Actions.Select(a => new NextAction(a, texts.For(a)))],
            alternatives,
            texts.Draft(rule.Outcome),
            slot,
            rule.AsksForInsight ? PlaybookTexts.InsightChecklist : [],
            followUps,
            rule.Actions.Contains(PlaybookAction.StartStageTwo));
    }

    /// <summary>The follow-up slot: N working days out, but before the deadline when the calendar allows it.</summary>
    private static DateTimeOffset ProposeSlot(PlaybookInput input, PlaybookRule rule)
    {
        var follow = rule.FollowUps.FirstOrDefault(f => f.Kind == FollowUpKind.NoCapacityFollowUp) ?? new FollowUpRule(FollowUpKind.NoCapacityFollowUp, 3, new TimeOnly(10, 0));
        for (var days = follow.AfterWorkingDays; days >= 1; days--)
        {
            var candidate = LocalTime.WorkingDaysLater(input.Now, days, follow.LocalTime, input.TimeZone);
            if (candidate <= input.Deadline)
            {
                return candidate;
            }
        }

        return LocalTime.WorkingDaysLater(input.Now, 1, follow.LocalTime, input.TimeZone);
    }

    private static DateTimeOffset FollowUpTime(PlaybookInput input, FollowUpRule rule) =>
        LocalTime.WorkingDaysLater(input.Now, rule.AfterWorkingDays, rule.LocalTime, input.TimeZone);
}

/// <summary>The default playbook, straight from the article.</summary>
public static class PlaybookTable
{
    private static readonly PlaybookAction[] RefusedCommon =
    [
        PlaybookAction.DropDepartment,
        PlaybookAction.ShareRefusal,
        PlaybookAction.LookForAlternativeDepartments,
        PlaybookAction.ConsiderProcurement,
    ];

    public static IReadOnlyList<PlaybookRule> Default { get; } =
    [
        new(ContactOutcome.Refused, RefusalReason.NotTheirScope, RefusedCommon, []),
        new(ContactOutcome.Refused, RefusalReason.RevenueNotTheirKpi, [.. RefusedCommon, PlaybookAction.LeadWithBusinessScope], []),
        new(ContactOutcome.Refused, RefusalReason.FocusedOnCore, [.. RefusedCommon, PlaybookAction.RespectTheirFocus], []),
        new(ContactOutcome.Refused, RefusalReason.Other, [.. RefusedCommon, PlaybookAction.AskWhoOwnsIt], []),
        new(
            ContactOutcome.NoCapacity,
            null,
            [PlaybookAction.SendCapabilityOnlyMessage, PlaybookAction.ProposeFollowUpSlot],
            [new FollowUpRule(FollowUpKind.NoCapacityFollowUp, 3, new TimeOnly(10, 0))],
            ProposesSlot: true),
        new(
            ContactOutcome.Interested,
            null,
            [PlaybookAction.BookMeetingWithBothLeaders, PlaybookAction.LearnPartnerKpis, PlaybookAction.LearnLeaderConcerns, PlaybookAction.StartStageTwo],
            [new FollowUpRule(FollowUpKind.BookMeetingNudge, 1, new TimeOnly(10, 0))],
            AsksForInsight: true),
    ];
}
