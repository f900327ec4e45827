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

/// <summary>When to propose the follow-up: N working days out at a local time (pulled before the deadline when possible).</summary>
public sealed record FollowUpSlotRule(int AfterWorkingDays, TimeOnly LocalTime);

/// <summary>
/// One row of the playbook table: an outcome (and, for refusals, a reason) and what to do next. A rule with a
/// <see cref="FollowUpSlot"/> proposes a follow-up time (the reminders feature plans the nudge from the target).
/// </summary>
public sealed record PlaybookRule(
    ContactOutcome Outcome,
    RefusalReason? Reason,
    IReadOnlyList<PlaybookAction> Actions,
    FollowUpSlotRule? FollowUpSlot = null,
    bool AsksForInsight = false);

/// <summary>One next step; <see cref="Text"/> is the playbook's sentence for this department (keys <c>Playbook.*</c>).</summary>
public sealed record NextAction(PlaybookAction Kind, Phrase Text);

public sealed record InsightQuestion(string Key, Phrase Question);

/// <summary>A department the directory suggests when one says no.</summary>
/// <remarks><see cref="Why"/> explains the match in the reader's language (the search renders it).</remarks>
public sealed record AlternativeDepartment(string DepartmentId, string NameZh, string NameEn, ILocalizable? Why = null)
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
    PitchVariant? Message,
    DateTimeOffset? ProposedSlot,
    IReadOnlyList<InsightQuestion> Checklist,
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
        var slot = rule.FollowUpSlot is { } slotRule ? ProposeSlot(input, slotRule) : (DateTimeOffset?)null;
        var texts = new PlaybookTexts(input, slot);
        var alternatives = rule.Actions.Contains(PlaybookAction.LookForAlternativeDepartments) ? input.Alternatives : [];

        return new PlaybookResult(
            input.Outcome,
            rule.Outcome == ContactOutcome.Refused ? rule.Reason ?? input.Reason ?? RefusalReason.Other : null,
            [.. rule.Actions.Select(a => new NextAction(a, texts.For(a)))],
            alternatives,
            MessageFor(rule.Outcome),
            slot,
            rule.AsksForInsight ? PlaybookTexts.InsightChecklist : [],
            rule.Actions.Contains(PlaybookAction.StartStageTwo));
    }

    /// <summary>The message the article has us send after the outcome (the pitch drafter writes it).</summary>
    private static PitchVariant? MessageFor(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.NoCapacity => PitchVariant.CapabilityOnly,
        ContactOutcome.Interested => PitchVariant.MeetingInvitation,
        _ => null,
    };

    /// <summary>The follow-up slot: N working days out, but before the deadline when the calendar allows it.</summary>
    private static DateTimeOffset ProposeSlot(PlaybookInput input, FollowUpSlotRule follow)
    {
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
        new(ContactOutcome.Refused, RefusalReason.NotTheirScope, RefusedCommon),
        new(ContactOutcome.Refused, RefusalReason.RevenueNotTheirKpi, [.. RefusedCommon, PlaybookAction.LeadWithBusinessScope]),
        new(ContactOutcome.Refused, RefusalReason.FocusedOnCore, [.. RefusedCommon, PlaybookAction.RespectTheirFocus]),
        new(ContactOutcome.Refused, RefusalReason.Other, [.. RefusedCommon, PlaybookAction.AskWhoOwnsIt]),
        new(
            ContactOutcome.NoCapacity,
            null,
            [PlaybookAction.SendCapabilityOnlyMessage, PlaybookAction.ProposeFollowUpSlot],
            FollowUpSlot: new FollowUpSlotRule(3, new TimeOnly(10, 0))),
        new(
            ContactOutcome.Interested,
            null,
            [PlaybookAction.BookMeetingWithBothLeaders, PlaybookAction.LearnPartnerKpis, PlaybookAction.LearnLeaderConcerns, PlaybookAction.StartStageTwo],
            AsksForInsight: true),
    ];
}
