using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Domain.Tests.StageTwo;

public sealed class CollaborationBriefTests
{
    private static readonly Copy Zh = TestCopy.Chinese;
    private static readonly Copy En = TestCopy.English;

    [Fact]
    public void A_complete_brief_has_every_section_in_order_and_no_to_do()
    {
        var brief = CollaborationBrief.Build(new BriefInputBuilder().Build(), Zh);

        Assert.Equal(Enum.GetValues<BriefSectionKind>(), brief.Sections.Select(s => s.Kind));
        Assert.Equal(["背景", "市场分析", "中标印证", "机会清单", "产品全景", "分工边界", "收费模式与分成", "希望贵部门支持"], brief.Sections.Select(s => s.Title));
        Assert.All(brief.Sections, s => Assert.False(s.HasToDo, s.Title));
        Assert.Equal("合作简报：支付风控 × 风控中台部", brief.Title);
    }

    [Fact]
    public void Each_section_carries_its_numbers_in_the_users_language()
    {
        var brief = CollaborationBrief.Build(new BriefInputBuilder().Build(), Zh);

        Assert.Contains(brief[BriefSectionKind.Market].Lines, l => l.Text.StartsWith("城商行：客户数 120 × 客单价 ¥50万 × 渗透率 10% = ¥600万", StringComparison.Ordinal));
        Assert.Contains(brief[BriefSectionKind.BidsEvidence].Lines, l => l.Text == "恒信科技：¥100万（1 个项目）");
        Assert.Contains(brief[BriefSectionKind.BidsEvidence].Lines, l => l.Text.StartsWith("年化中标额 ¥150万 ÷ 预期市场规模 ¥600万 = 25%", StringComparison.Ordinal));
        Assert.Contains(brief[BriefSectionKind.Opportunities].Lines, l => l.Text == "宁波某城商行：有意向，天使客户可能性高（愿意试点、痛点已确认、有预算）");
        Assert.Equal(["客户交易：发起支付", "风控引擎：调用反欺诈模型打分", "风控人员：处理可疑交易"], brief[BriefSectionKind.Panorama].Lines.Where(l => l.Kind == BriefLineKind.Numbered).Select(l => l.Text));
        Assert.Equal(["反欺诈模型接口", "对方", ""], brief[BriefSectionKind.WorkSplit].Table!.Rows[0]);
        Assert.Contains(brief[BriefSectionKind.RevenueSplit].Lines, l => l.Text == "收入分成：我方 60%、风控中台部 40%");
        Assert.Equal("请双方领导下周会面，确认合作意向", Assert.Single(brief[BriefSectionKind.Ask].Lines).Text);
    }

    [Fact]
    public void The_english_brief_uses_english_titles_and_money()
    {
        var brief = CollaborationBrief.Build(new BriefInputBuilder().Build(), En);

        Assert.Equal("Evidence from winning bids", brief[BriefSectionKind.BidsEvidence].Title);
        Assert.Contains(brief[BriefSectionKind.BidsEvidence].Lines, l => l.Text == "CNY total CNY 1.5M");
        Assert.Contains(brief[BriefSectionKind.WorkSplit].Lines, l => l.Text == "Tasks — us: 1, partner: 1, shared: 1");
    }

    [Fact]
    public void Partner_insight_is_shown_next_to_the_sections_it_speaks_to()
    {
        var brief = CollaborationBrief.Build(new BriefInputBuilder().Build(), Zh);

        Assert.Equal("对应贵部门关注的「人力紧张」：分工表说明我方负责协调人力，贵部门只需提供产品能力。", brief[BriefSectionKind.WorkSplit].Insight);
        Assert.Contains("系统稳定性", brief[BriefSectionKind.Panorama].Insight);
        Assert.Contains("对外收入", brief[BriefSectionKind.Market].Insight);
    }

    [Fact]
    public void Missing_pieces_become_to_do_lines_instead_of_disappearing()
    {
        var input = new BriefInputBuilder()
            .WithoutMarket().WithoutBids().WithoutOpportunities().WithoutPanorama().WithoutWork()
            .WithContext(c => c with { Ask = null, Insight = PartnerInsight.None, Points = c.Points with { WhatsInItForThem = "" } })
            .Build();

        var brief = CollaborationBrief.Build(input, En);

        Assert.Equal(8, brief.Sections.Count);
        Assert.All(brief.Sections, s => Assert.True(s.HasToDo, s.Title));
        Assert.Contains(brief[BriefSectionKind.Background].Lines, l => l.Text == "To do: Find out the partner's KPIs and what their leader cares about");
        Assert.All(brief.Sections, s => Assert.Null(s.Insight));
    }

    [Fact]
    public void Bids_in_a_foreign_currency_leave_a_to_do_for_exchange_rates()
    {
        var input = new BriefInputBuilder().Build() with
        {
            Bids = BidTallies.Tally([Bids.On("2025-01-10", 10m, currency: "USD")], BidPeriod.LastTwelveMonths(new DateOnly(2025, 6, 15))).Value,
        };

        var brief = CollaborationBrief.Build(input, Zh);

        Assert.Contains(brief[BriefSectionKind.BidsEvidence].Lines, l => l.Kind == BriefLineKind.ToDo && l.Text.Contains("请提供汇率"));
    }

    [Fact]
    public void Markdown_has_a_heading_per_section_a_table_and_escaped_user_text()
    {
        var input = new BriefInputBuilder().WithContext(c => c with { ProductIdea = "支付*风控* | v2" }).Build();

        var markdown = BriefMarkdownRenderer.Render(CollaborationBrief.Build(input, Zh));

        Assert.StartsWith("# 合作简报：支付\\*风控\\* \\| v2 × 风控中台部\n", markdown);
        Assert.Equal(8, markdown.Split('\n').Count(l => l.StartsWith("## ", StringComparison.Ordinal)));
        Assert.Contains("| 反欺诈模型接口 | 对方 |  |", markdown);
        Assert.Contains("1. 客户交易：发起支付", markdown);
        Assert.Contains("- [架构图](<https://wiki.example.com/arch?a=1&b=2>)", markdown);
        Assert.Contains("> 对应贵部门关注的「人力紧张」", markdown);
    }

    [Fact]
    public void Html_escapes_user_text_and_links()
    {
        var input = new BriefInputBuilder().WithContext(c => c with { Ask = "<script>alert('x')</script> & 会面" }).Build();

        var html = BriefHtmlRenderer.Render(CollaborationBrief.Build(input, Zh));

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 会面", html);
        Assert.Contains("<a href=\"https://wiki.example.com/arch?a=1&amp;b=2\">架构图</a>", html);
        Assert.Contains("<ol>\n<li>客户交易：发起支付</li>", html);
        Assert.Equal(8, html.Split("<h2").Length - 1);
        Assert.StartsWith("<div lang=\"zh-CN\"", html);
    }

    [Fact]
    public void Html_marks_to_do_lines()
    {
        var html = BriefHtmlRenderer.Render(CollaborationBrief.Build(new BriefInputBuilder().WithoutBids().Build(), Zh));

        Assert.Contains("☐ 待补充：导入竞争对手的中标数据（bids.csv）", html);
    }
}
