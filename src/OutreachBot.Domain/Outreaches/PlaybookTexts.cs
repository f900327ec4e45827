namespace OutreachBot.Domain.Outreaches;

/// <summary>The playbook's wording, in native Chinese and English, filled in for one department.</summary>
internal sealed class PlaybookTexts(PlaybookInput input, DateTimeOffset? slot)
{
    public static IReadOnlyList<InsightQuestion> InsightChecklist { get; } =
    [
        new("kpis", new Phrase("Playbook.Insight.Kpis")),
        new("leader-concerns", new Phrase("Playbook.Insight.LeaderConcerns")),
        new("decision-maker", new Phrase("Playbook.Insight.DecisionMaker")),
        new("current-priorities", new Phrase("Playbook.Insight.CurrentPriorities")),
    ];

    /// <summary>The sentence for one action, as a phrase (keys <c>Playbook.&lt;action&gt;</c> in OutreachTexts).</summary>
    public Phrase For(PlaybookAction action) => action switch
    {
        PlaybookAction.LookForAlternativeDepartments => input.Alternatives.Count > 0
            ? new Phrase("Playbook.LookForAlternativeDepartments", input.Alternatives.Count, input.Alternatives.Select(a => a.Name).ToList())
            : new Phrase("Playbook.LookForAlternativeDepartments.None"),
        PlaybookAction.ConsiderProcurement => new Phrase("Playbook.ConsiderProcurement", CapabilityPhrase()),
        PlaybookAction.ProposeFollowUpSlot => slot is { } s
            ? new Phrase("Playbook.ProposeFollowUpSlot", s)
            : new Phrase("Playbook.ProposeFollowUpSlot.Soon"),
        PlaybookAction.DropDepartment or PlaybookAction.ShareRefusal or PlaybookAction.AskWhoOwnsIt or PlaybookAction.LearnPartnerKpis
            => new Phrase("Playbook." + action, input.Department.Name),
        PlaybookAction.LeadWithBusinessScope or PlaybookAction.RespectTheirFocus or PlaybookAction.SendCapabilityOnlyMessage
            or PlaybookAction.BookMeetingWithBothLeaders or PlaybookAction.LearnLeaderConcerns or PlaybookAction.StartStageTwo
            => new Phrase("Playbook." + action),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private Phrase CapabilityPhrase() => string.IsNullOrWhiteSpace(input.CapabilityNeeded)
        ? new Phrase("Playbook.Capability.Unnamed")
        : new Phrase("Playbook.Capability.Named", input.CapabilityNeeded.Trim());
}
