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

    private string DeptZh => input.Department.NameZh;

    private string DeptEn => input.Department.NameEn;

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

    public BilingualText? Draft(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.NoCapacity => new(
            $"{GreetingZh()}感谢您坦诚告知人力方面的情况。想特别说明一下：这次合作我们只需要借助「{DeptZh}」的{Capability(zh: true)}，"
            + $"不需要占用贵部门的人力，研发对接和项目推进的人手都由我们来协调。您看{SlotText(zh: true)}方便再花十几分钟聊一下吗？如果时间不合适，您定个时间就好。",
            $"{GreetingEn()}thank you for being open about your team's capacity. To be clear: we only need {DeptEn}'s {Capability(zh: false)}, "
            + $"not your people. We will coordinate the engineering and project manpower ourselves. Would {SlotText(zh: false)} work for a short follow-up? If not, just suggest a time that suits you."),
        ContactOutcome.Interested => new(
            $"{GreetingZh()}很高兴「{DeptZh}」对这次合作感兴趣！为了尽快推进，想约一次进一步的交流，建议请双方领导也一起参加，当面对齐方向。"
            + "您看这周哪个时间方便？另外想请教一下，贵部门今年比较看重哪些指标、领导最关注什么，我们好有针对性地准备材料。",
            $"{GreetingEn()}great to hear that {DeptEn} is interested! To keep the momentum, could we set up a follow-up meeting, ideally with both our leaders, to align on the direction? "
            + "Which time this week works for you? It would also help to know what your team is measured on this year and what your leader cares about most, so we can prepare the right material."),
        _ => null,
    };

    private string Capability(bool zh) => string.IsNullOrWhiteSpace(input.CapabilityNeeded)
        ? zh ? "这项能力" : "this capability"
        : zh ? $"「{input.CapabilityNeeded.Trim()}」" : $"\"{input.CapabilityNeeded.Trim()}\"";

    private string SlotText(bool zh) => slot is { } s ? LocalTime.Format(s, input.TimeZone, zh ? "zh-CN" : "en-US") : zh ? "近期" : "soon";

    private string GreetingZh() => string.IsNullOrWhiteSpace(input.ContactPersonName) ? "您好！" : $"{input.ContactPersonName.Trim()}老师，您好！";

    private string GreetingEn() => string.IsNullOrWhiteSpace(input.ContactPersonName) ? "Hello, " : $"Hi {input.ContactPersonName.Trim()}, ";
}
