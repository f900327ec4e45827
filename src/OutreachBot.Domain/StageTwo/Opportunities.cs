namespace OutreachBot.Domain.StageTwo;

public enum OpportunityStatus
{
    Identified,
    Contacted,
    Interested,
    PilotAgreed,
    Declined,
}

public enum AngelLikelihood
{
    Low,
    Medium,
    High,
}

/// <summary>What we have learned about a potential customer that makes it a candidate angel (first, pilot) customer.</summary>
[Flags]
public enum AngelSignals
{
    None = 0,
    ConfirmedPain = 1,
    BudgetAvailable = 2,
    WillingToPilot = 4,
    ExecutiveSponsor = 8,
    ExistingRelationship = 16,
}

/// <summary>A potential customer already contacted, which could become an angel customer.</summary>
public sealed record Opportunity(string Customer, OpportunityStatus Status, AngelSignals Signals = AngelSignals.None, string? Contact = null, DateOnly? LastContact = null);

public sealed record AngelAssessment(AngelLikelihood Likelihood, IReadOnlyList<BilingualText> Reasons);

public static class AngelCustomerAssessor
{
    private static readonly (AngelSignals Signal, BilingualText Reason)[] Reasons =
    [
        (AngelSignals.WillingToPilot, new("愿意试点", "willing to run a pilot")),
        (AngelSignals.ConfirmedPain, new("痛点已确认", "the pain is confirmed")),
        (AngelSignals.BudgetAvailable, new("有预算", "has budget")),
        (AngelSignals.ExecutiveSponsor, new("有高层支持", "has an executive sponsor")),
        (AngelSignals.ExistingRelationship, new("已有合作关系", "we already work together")),
    ];

    /// <summary>
    /// High needs a pilot commitment (or an agreed pilot) plus at least two other signals; a declined customer is low
    /// whatever else we know; otherwise each signal moves it up.
    /// </summary>
    public static AngelAssessment Assess(Opportunity opportunity)
    {
        var signals = opportunity.Signals | (opportunity.Status == OpportunityStatus.PilotAgreed ? AngelSignals.WillingToPilot : AngelSignals.None);
        var reasons = Reasons.Where(r => signals.HasFlag(r.Signal)).Select(r => r.Reason).ToList();
        if (opportunity.Status == OpportunityStatus.Declined)
        {
            return new AngelAssessment(AngelLikelihood.Low, [new("客户已婉拒", "the customer declined"), .. reasons]);
        }

        var count = reasons.Count;
        var likelihood = signals.HasFlag(AngelSignals.WillingToPilot) && count >= 3 ? AngelLikelihood.High
            : count >= 2 || (count == 1 && opportunity.Status >= OpportunityStatus.Interested) ? AngelLikelihood.Medium
            : AngelLikelihood.Low;
        if (count == 0)
        {
            reasons.Add(opportunity.Status == OpportunityStatus.Identified
                ? new("尚未接触", "not contacted yet")
                : new("还没有确认痛点、预算或试点意愿", "no pain, budget or pilot interest confirmed yet"));
        }

        return new AngelAssessment(likelihood, reasons);
    }

    public static BilingualText Label(AngelLikelihood likelihood) => likelihood switch
    {
        AngelLikelihood.High => new("高", "high"),
        AngelLikelihood.Medium => new("中", "medium"),
        _ => new("低", "low"),
    };

    public static BilingualText Label(OpportunityStatus status) => status switch
    {
        OpportunityStatus.Identified => new("待接触", "identified"),
        OpportunityStatus.Contacted => new("已接触", "contacted"),
        OpportunityStatus.Interested => new("有意向", "interested"),
        OpportunityStatus.PilotAgreed => new("已同意试点", "pilot agreed"),
        _ => new("已婉拒", "declined"),
    };
}
