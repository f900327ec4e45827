namespace OutreachBot.Domain.Outreaches;

/// <summary>The playbook's wording, in native Chinese and English, filled in for one department.</summary>
internal sealed class PlaybookTexts(PlaybookInput input, DateTimeOffset? slot)
{
    public static IReadOnlyList<InsightQuestion> InsightChecklist { get; } =
    [
        new("kpis", new("对方部门今年的业绩考核指标是什么？（收入、用户量、稳定性……）", "What is their department measured on this year (revenue, users, stability…)?")),
        new("leader-concerns", new("对方领导最关心什么？有哪些顾虑？", "What does their leader care about most, and what worries them?")),
        new("decision-maker", new("最终谁来拍板？下次会议需要请到谁？", "Who makes the final call, and who must be in the next meeting?")),
        new("current-priorities", new("对方近期的重点项目和排期是怎样的？", "What are their current priorities and schedule?")),
    ];

    private string DeptZh => input.Department.NameZh;

    private string DeptEn => input.Department.NameEn;

    public BilingualText For(PlaybookAction action) => action switch
    {
        PlaybookAction.DropDepartment => new(
            $"不再纠缠「{DeptZh}」：礼貌致谢，把精力放到下一个候选部门上。",
            $"Let {DeptEn} go: thank them politely and put your energy into the next candidate."),
        PlaybookAction.ShareRefusal => new(
            $"拒绝及原因已记录，之后任何产品经理查看「{DeptZh}」时都能看到，避免重复碰壁。",
            $"The refusal and its reason are recorded; every PM who looks at {DeptEn} later will see them."),
        PlaybookAction.LookForAlternativeDepartments => input.Alternatives.Count > 0
            ? new(
                $"换个部门试试，下面是最匹配的 {input.Alternatives.Count} 个候选：" + string.Join("、", input.Alternatives.Select(a => $"「{a.NameZh}」")) + "。",
                $"Try another department. The {input.Alternatives.Count} best candidates: " + string.Join(", ", input.Alternatives.Select(a => a.NameEn)) + ".")
            : new(
                "暂时没有找到其他合适的部门：换几个描述能力的关键词再搜一次，或请老员工帮忙引荐。",
                "No other department fits yet: search again with different capability keywords, or ask a veteran for a referral."),
        PlaybookAction.ConsiderProcurement => new(
            $"评估直接采购{Capability(zh: true)}：对比外部供应商的价格、周期和风险。",
            $"Consider buying {Capability(zh: false)} instead: compare vendors on price, lead time and risk."),
        PlaybookAction.LeadWithBusinessScope => new(
            "收入不是对方的考核指标：找下一个部门时，先讲能帮对方拓展的业务范围，而不是收入。",
            "Revenue is not what they are measured on: with the next department, lead with the wider business scope, not revenue."),
        PlaybookAction.RespectTheirFocus => new(
            "对方正聚焦本业，不要强推；保持联系，等对方方向调整时再说。",
            "They are focused on their core business: don't push. Keep in touch in case their priorities change."),
        PlaybookAction.AskWhoOwnsIt => new(
            $"顺便请教「{DeptZh}」的同事：公司里还有哪个部门可能做这块。",
            $"Ask your contact at {DeptEn} which other department might own this capability."),
        PlaybookAction.SendCapabilityOnlyMessage => new(
            "明确表态：我们只需要对方的产品能力，不需要对方出人，人力由我们来协调。下面是草拟的消息，可修改后发送。",
            "Say it clearly: we need only their product capability, not their people; we coordinate the manpower. A draft message is below; edit it before sending."),
        PlaybookAction.ProposeFollowUpSlot => new(
            $"约下一次交流：建议时间 {SlotText(zh: true)}，已为你安排跟进提醒。",
            $"Book a follow-up: proposed slot {SlotText(zh: false)}; a reminder is scheduled."),
        PlaybookAction.BookMeetingWithBothLeaders => new(
            "趁热打铁，现在就约下一次会议，并建议双方领导一起参加，握手后由老板拍板。",
            "Strike while it's hot: book the next meeting now and propose that both leaders attend, so the bosses can shake hands and decide."),
        PlaybookAction.LearnPartnerKpis => new(
            $"了解「{DeptZh}」的业绩考核指标，记录到这条拓展上。",
            $"Find out what {DeptEn} is measured on and record it on this outreach."),
        PlaybookAction.LearnLeaderConcerns => new(
            "探出对方领导的关注点，用来有侧重地准备阶段 2 的材料。",
            "Find out what their leader cares about, to focus the stage-2 material."),
        PlaybookAction.StartStageTwo => new(
            "开始准备阶段 2 材料：市场分析、商机列举、产品全景规划和分工方案。",
            "Start the stage-2 kit: market analysis, opportunity list, product panorama and division of work."),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private string Capability(bool zh) => string.IsNullOrWhiteSpace(input.CapabilityNeeded)
        ? zh ? "这项能力" : "this capability"
        : zh ? $"「{input.CapabilityNeeded.Trim()}」" : $"\"{input.CapabilityNeeded.Trim()}\"";

    private string SlotText(bool zh) => slot is { } s ? LocalTime.Format(s, input.TimeZone, zh ? "zh-CN" : "en-US") : zh ? "近期" : "soon";
}
