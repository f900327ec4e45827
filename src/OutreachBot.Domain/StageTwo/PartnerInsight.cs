namespace OutreachBot.Domain.StageTwo;

/// <summary>What the partner department is measured on and what its leader worries about, learned in stage 1.</summary>
public sealed record PartnerInsight(IReadOnlyList<string> Kpis, IReadOnlyList<string> LeaderConcerns)
{
    public static PartnerInsight None { get; } = new([], []);

    public bool IsEmpty => Kpis.Count == 0 && LeaderConcerns.Count == 0;
}

public enum BriefSectionKind
{
    Background,
    Market,
    BidsEvidence,
    Opportunities,
    Panorama,
    WorkSplit,
    RevenueSplit,
    Ask,
}

/// <summary>The partner's KPI or concern a section speaks to, and the sentence that says so.</summary>
public sealed record InsightLink(string MatchedConcern, BilingualText Sentence);

/// <summary>
/// Links each section of the material to what the partner cares about by keyword matching (Chinese and English),
/// KPIs first, then the leader's concerns, in the order they were recorded — the same input always gives the same link.
/// </summary>
public static class PartnerInsightLinker
{
    private static readonly Dictionary<BriefSectionKind, (string[] Keywords, string Zh, string En)> Rules = new()
    {
        [BriefSectionKind.Background] = (["战略", "方向", "目标", "拓展", "业务范围", "新业务", "strategy", "goal", "scope", "expand", "new business"],
            "本次合作与之方向一致，能拓展贵部门的业务范围。", "this cooperation points the same way and widens your business scope."),
        [BriefSectionKind.Market] = (["收入", "营收", "增长", "规模", "市场", "业绩", "revenue", "growth", "market", "sales"],
            "预期市场规模说明这项合作能带来多大的增量。", "the expected market size shows how much new business this can bring."),
        [BriefSectionKind.BidsEvidence] = (["竞争", "对手", "份额", "市场", "competitor", "competition", "share", "market"],
            "竞争对手的中标记录说明这个市场真实存在，而且已经有人在做。", "competitors' winning bids show the market is real and already contested."),
        [BriefSectionKind.Opportunities] = (["客户", "标杆", "案例", "落地", "签约", "customer", "client", "reference", "pilot", "logo"],
            "这些客户已经接触过，可以作为首批落地和标杆案例。", "these customers are already in contact and can become the first deployments and references."),
        [BriefSectionKind.Panorama] = (["技术", "架构", "稳定", "安全", "合规", "复用", "平台", "调用", "architecture", "platform", "security", "stability", "compliance", "reuse", "api"],
            "全景图标明了贵部门能力在方案中的位置和对接方式。", "the panorama shows where your capability sits and how it is integrated."),
        [BriefSectionKind.WorkSplit] = (["人力", "人手", "投入", "资源", "工作量", "成本", "排期", "headcount", "people", "effort", "workload", "resource", "cost", "capacity"],
            "分工表说明我方负责协调人力，贵部门只需提供产品能力。", "the work split shows we coordinate the people; you only provide the product capability."),
        [BriefSectionKind.RevenueSplit] = (["收入", "营收", "利润", "分成", "创收", "revenue", "profit", "income", "margin"],
            "分成方案带来的收入直接计入贵部门。", "the revenue split credits income directly to your department."),
        [BriefSectionKind.Ask] = (["领导", "决策", "时间", "进度", "上线", "decision", "timeline", "leader", "launch", "deadline"],
            "希望双方领导见面，当面确认合作。", "we propose that both leaders meet and confirm the cooperation in person."),
    };

    public static InsightLink? LinkFor(BriefSectionKind section, PartnerInsight insight)
    {
        var (keywords, zh, en) = Rules[section];
        var match = insight.Kpis.Concat(insight.LeaderConcerns)
            .FirstOrDefault(item => keywords.Any(k => item.Contains(k, StringComparison.OrdinalIgnoreCase)));
        return match is null
            ? null
            : new InsightLink(match, new BilingualText($"对应贵部门关注的「{match}」：{zh}", $"Speaks to your focus on \"{match}\": {en}"));
    }

    public static IReadOnlyDictionary<BriefSectionKind, InsightLink> LinkAll(PartnerInsight insight) =>
        Enum.GetValues<BriefSectionKind>()
            .Select(s => (Section: s, Link: LinkFor(s, insight)))
            .Where(x => x.Link is not null)
            .ToDictionary(x => x.Section, x => x.Link!);
}
