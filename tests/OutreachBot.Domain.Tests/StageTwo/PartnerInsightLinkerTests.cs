using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Domain.Tests.StageTwo;

public sealed class PartnerInsightLinkerTests
{
    [Fact]
    public void A_revenue_kpi_is_linked_to_the_market_and_revenue_split_sections()
    {
        var insight = new PartnerInsight(["对外收入增长 30%"], []);

        var links = PartnerInsightLinker.LinkAll(insight);

        Assert.Equal("对外收入增长 30%", links[BriefSectionKind.Market].MatchedConcern);
        Assert.Equal("对应贵部门关注的「对外收入增长 30%」：分成方案带来的收入直接计入贵部门。", links[BriefSectionKind.RevenueSplit].Sentence.Zh);
    }

    [Fact]
    public void A_leaders_worry_about_manpower_is_linked_to_the_work_split()
    {
        var insight = new PartnerInsight(["SLA 99.99%"], ["Team has no spare headcount"]);

        var link = PartnerInsightLinker.LinkFor(BriefSectionKind.WorkSplit, insight);

        Assert.Equal("Speaks to your focus on “Team has no spare headcount”: the work split shows we coordinate the people; you only provide the product capability.", link!.Sentence.En);
    }

    [Fact]
    public void Kpis_come_before_concerns_when_both_match()
    {
        var insight = new PartnerInsight(["平台调用量"], ["系统稳定性"]);

        var link = PartnerInsightLinker.LinkFor(BriefSectionKind.Panorama, insight);

        Assert.Equal("平台调用量", link!.MatchedConcern);
    }

    [Fact]
    public void Nothing_is_claimed_when_nothing_matches()
    {
        var insight = new PartnerInsight(["员工满意度"], []);

        var links = PartnerInsightLinker.LinkAll(insight);

        Assert.Empty(links);
    }
}
