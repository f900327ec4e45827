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

/// <summary>Why a customer is (or is not yet) a likely angel customer; readers see the text of key <c>AngelReason.*</c>.</summary>
public enum AngelReason
{
    WillingToPilot,
    ConfirmedPain,
    BudgetAvailable,
    ExecutiveSponsor,
    ExistingRelationship,
    Declined,
    NotContactedYet,
    NothingConfirmed,
}

public sealed record AngelAssessment(AngelLikelihood Likelihood, IReadOnlyList<AngelReason> Reasons);

/// <summary>How likely a customer is to become an angel customer. Labels are the texts of keys <c>AngelLikelihood.*</c> and <c>OpportunityStatus.*</c>.</summary>
public static class AngelCustomerAssessor
{
    private static readonly (AngelSignals Signal, AngelReason Reason)[] Reasons =
    [
        (AngelSignals.WillingToPilot, AngelReason.WillingToPilot),
        (AngelSignals.ConfirmedPain, AngelReason.ConfirmedPain),
        (AngelSignals.BudgetAvailable, AngelReason.BudgetAvailable),
        (AngelSignals.ExecutiveSponsor, AngelReason.ExecutiveSponsor),
        (AngelSignals.ExistingRelationship, AngelReason.ExistingRelationship),
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
            return new AngelAssessment(AngelLikelihood.Low, [AngelReason.Declined, .. reasons]);
        }

        var count = reasons.Count;
        var likelihood = signals.HasFlag(AngelSignals.WillingToPilot) && count >= 3 ? AngelLikelihood.High
            : count >= 2 || (count == 1 && opportunity.Status >= OpportunityStatus.Interested) ? AngelLikelihood.Medium
            : AngelLikelihood.Low;
        if (count == 0)
        {
            reasons.Add(opportunity.Status == OpportunityStatus.Identified ? AngelReason.NotContactedYet : AngelReason.NothingConfirmed);
        }

        return new AngelAssessment(likelihood, reasons);
    }
}
