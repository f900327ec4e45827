using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Domain.Tests.Outreaches;

public sealed class PitchDrafterTests
{
    private static readonly StageOnePrep GoodPrep = new(
        "中小银行的交易风控需求很大，已有三家客户表示愿意采购",
        "实时交易风控的接口能力",
        "直接带来新的收入，也把业务范围拓展到银行客户");

    [Fact]
    public void Pitch_from_a_referral_thanks_the_referrer_and_names_the_person()
    {
        var draft = PitchDrafter.Draft(Request() with { Route = LeadRoute.Referral, ReferrerName = "王强" });

        Assert.True(draft.IsReady);
        Assert.StartsWith("李雷老师，您好！", draft.Text!.Zh);
        Assert.Contains("经王强介绍", draft.Text.Zh);
        Assert.Contains("实时交易风控的接口能力", draft.Text.Zh);
        Assert.Contains("直接带来新的收入", draft.Text.Zh);
        Assert.StartsWith("Hi 李雷,", draft.Text.En);
        Assert.Contains("王强 suggested I get in touch", draft.Text.En);
        Assert.Contains("Payments Platform's support", draft.Text.En);
    }

    [Fact]
    public void Pitch_found_through_the_org_chart_asks_to_be_pointed_to_the_right_colleague()
    {
        var draft = PitchDrafter.Draft(Request() with { Route = LeadRoute.OrgChart, PersonName = null });

        Assert.StartsWith("您好！", draft.Text!.Zh);
        Assert.Contains("指点一下该找哪位同事", draft.Text.Zh);
        Assert.Contains("point me to the right colleague", draft.Text.En);
    }

    [Fact]
    public void Pitch_found_by_keyword_search_names_the_department()
    {
        var draft = PitchDrafter.Draft(Request());

        Assert.Contains("在内网搜索时看到「支付中台」负责相关业务", draft.Text!.Zh);
        Assert.DoesNotContain("哪位同事", draft.Text.Zh);
    }

    [Fact]
    public void Long_points_are_cut_to_their_first_sentence_so_the_pitch_stays_short()
    {
        var longBackground = "中小银行客户普遍缺少实时风控能力，采购意愿很强。" + string.Concat(Enumerable.Repeat("这里是很长很长的市场分析细节，", 20));

        var draft = PitchDrafter.Draft(Request() with { Prep = GoodPrep with { ProductBackground = longBackground } });

        Assert.Contains("中小银行客户普遍缺少实时风控能力，采购意愿很强", draft.Text!.Zh);
        Assert.DoesNotContain("市场分析细节", draft.Text.Zh);
        Assert.Contains(draft.Hints, h => h is { Point: PrepPoint.ProductBackground, Severity: HintSeverity.Advice });
        Assert.True(draft.Text.Zh.Length < 300);
    }

    [Fact]
    public void Missing_points_block_the_draft_and_say_which_one()
    {
        var draft = PitchDrafter.Draft(Request() with { Prep = GoodPrep with { SupportNeeded = " " } });

        Assert.False(draft.IsReady);
        var hint = Assert.Single(draft.Hints, h => h.Severity == HintSeverity.Missing);
        Assert.Equal(PrepPoint.SupportNeeded, hint.Point);
        Assert.Contains("需要对方提供的支持", hint.Text.Zh);
        Assert.Contains("support needed", hint.Text.En);
    }

    [Fact]
    public void A_point_that_is_too_thin_is_flagged()
    {
        var hints = PrepValidator.Validate(GoodPrep with { SupportNeeded = "接口" });

        Assert.Contains(hints, h => h is { Point: PrepPoint.SupportNeeded, Severity: HintSeverity.Missing });
    }

    [Fact]
    public void Benefit_that_names_neither_revenue_nor_scope_gets_advice()
    {
        var hints = PrepValidator.Validate(GoodPrep with { WhatsInItForThem = "大家一起把事情做好，合作共赢" });

        var hint = Assert.Single(hints);
        Assert.Equal((PrepPoint.WhatsInItForThem, HintSeverity.Advice), (hint.Point, hint.Severity));
        Assert.Contains("收入", hint.Text.Zh);
    }

    [Fact]
    public void Background_that_never_mentions_a_buyer_gets_advice()
    {
        var hints = PrepValidator.Validate(GoodPrep with { ProductBackground = "We want to build a new risk engine for small banks" });

        Assert.Contains(hints, h => h is { Point: PrepPoint.ProductBackground, Severity: HintSeverity.Advice });
    }

    [Fact]
    public void A_complete_short_prep_has_no_hints()
    {
        Assert.Empty(PrepValidator.Validate(GoodPrep));
    }

    private static PitchRequest Request() => new(
        "面向中小银行的支付风控 SaaS", GoodPrep, OutreachBuilder.Payments, "李雷", LeadRoute.KeywordSearch, null, "张三", "金融科技产品部");
}
