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
public sealed record InsightLink(string MatchedConcern, Phrase Sentence);

/// <summary>
/// Links each section of the material to what the partner cares about by keyword matching (Chinese and English),
/// KPIs first, then the leader's concerns, in the order they were recorded — the same input always gives the same link.
/// The keywords are the matching rules (data in both languages); the sentence is the text of key <c>Brief.Insight.&lt;section&gt;</c>.
/// </summary>
public static class PartnerInsightLinker
{
    private static readonly Dictionary<BriefSectionKind, string[]> Keywords = new()
    {
        [BriefSectionKind.Background] = ["战略", "方向", "目标", "拓展", "业务范围", "新业务", "strategy", "goal", "scope", "expand", "new business"],
        [BriefSectionKind.Market] = ["收入", "营收", "增长", "规模", "市场", "业绩", "revenue", "growth", "market", "sales"],
        [BriefSectionKind.BidsEvidence] = ["竞争", "对手", "份额", "市场", "competitor", "competition", "share", "market"],
        [BriefSectionKind.Opportunities] = ["客户", "标杆", "案例", "落地", "签约", "customer", "client", "reference", "pilot", "logo"],
        [BriefSectionKind.Panorama] = ["技术", "架构", "稳定", "安全", "合规", "复用", "平台", "调用", "architecture", "platform", "security", "stability", "compliance", "reuse", "api"],
        [BriefSectionKind.WorkSplit] = ["人力", "人手", "投入", "资源", "工作量", "成本", "排期", "headcount", "people", "effort", "workload", "resource", "cost", "capacity"],
        [BriefSectionKind.RevenueSplit] = ["收入", "营收", "利润", "分成", "创收", "revenue", "profit", "income", "margin"],
        [BriefSectionKind.Ask] = ["领导", "决策", "时间", "进度", "上线", "decision", "timeline", "leader", "launch", "deadline"],
    };

    public static InsightLink? LinkFor(BriefSectionKind section, PartnerInsight insight)
    {
        var keywords = Keywords[section];
        var match = insight.Kpis.Concat(insight.LeaderConcerns)
            .FirstOrDefault(item => keywords.Any(k => item.Contains(k, StringComparison.OrdinalIgnoreCase)));
        return match is null ? null : new InsightLink(match, new Phrase("Brief.Insight." + section, match));
    }

    public static IReadOnlyDictionary<BriefSectionKind, InsightLink> LinkAll(PartnerInsight insight) =>
        Enum.GetValues<BriefSectionKind>()
            .Select(s => (Section: s, Link: LinkFor(s, insight)))
            .Where(x => x.Link is not null)
            .ToDictionary(x => x.Section, x => x.Link!);
}
