using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Domain.Tests.Outreaches;

public sealed class PitchDrafterTests
{
    private static readonly StageOnePrep GoodPrep = new(
        "中小银行的交易风控需求很大，已有三家客户表示愿意采购",
        "实时交易风控的接口能力",
        "直接带来新的收入，也把业务范围拓展到银行客户");

    [Fact]
    public void A_referral_opens_with_the_introducer_and_greets_the_person_in_each_language()
    {
        var request = Request() with { Route = LeadRoute.Referral, People = People() with { Introducer = new PitchPerson("王强", "Qiang Wang") } };

        var zh = PitchDrafter.Draft(request).Parts!;
        var en = PitchDrafter.Draft(request with { Language = Language.English }).Parts!;

        Assert.Equal((PitchOpening.Referral, "王强", "李雷"), (zh.Opening, zh.Introducer, zh.GreetingName));
        Assert.Equal((PitchOpening.Referral, "Qiang Wang", "Lei"), (en.Opening, en.Introducer, en.GreetingName));
        Assert.Equal(("张三", "金融科技产品部"), (zh.SenderName, zh.SenderDepartment));
        Assert.Equal(("San Zhang", "Fintech Products"), (en.SenderName, en.SenderDepartment));
    }

    [Fact]
    public void A_keyword_lead_names_the_matching_business_in_the_users_language()
    {
        var request = Request() with { MatchedBusiness = new BilingualText("聚合支付", "aggregated checkout") };

        var zh = PitchDrafter.Draft(request).Parts!;
        var en = PitchDrafter.Draft(request with { Language = Language.English }).Parts!;

        Assert.Equal((PitchOpening.Keyword, "聚合支付"), (zh.Opening, zh.MatchedBusiness));
        Assert.Equal("aggregated checkout", en.MatchedBusiness);
    }

    [Fact]
    public void An_org_chart_lead_asks_a_veteran_for_a_pointer_first()
    {
        Assert.Equal(PitchVariant.AskForPointer, PitchRequest.FirstVariant(LeadRoute.OrgChart));
        Assert.Equal(PitchVariant.AskForPointer, PitchRequest.FirstVariant(null));
        Assert.Equal(PitchVariant.FirstContact, PitchRequest.FirstVariant(LeadRoute.KeywordSearch));
        Assert.Equal(PitchVariant.FirstContact, PitchRequest.FirstVariant(LeadRoute.Referral));
    }

    [Fact]
    public void The_three_points_are_read_as_notes_about_the_reader()
    {
        var draft = PitchDrafter.Draft(Request() with
        {
            Prep = GoodPrep with { SupportNeeded = "需要对方开放实时风控评分接口…不需要对方投入研发人力", WhatsInItForThem = "收入直接记在对方部门。" },
        });

        Assert.Equal(new PitchNote("开放实时风控评分接口，不需要贵部门投入研发人力", NoteShape.Action), draft.Parts!.Support);
        Assert.Equal(new PitchNote("收入直接记在贵部门", NoteShape.Sentence), draft.Parts.Benefit);
    }

    [Fact]
    public void Long_points_keep_their_first_sentence_so_the_pitch_stays_short()
    {
        var longBackground = "中小银行客户普遍缺少实时风控能力，采购意愿很强。" + string.Concat(Enumerable.Repeat("这里是很长很长的市场分析细节，", 20));

        var draft = PitchDrafter.Draft(Request() with { Prep = GoodPrep with { ProductBackground = longBackground } });

        Assert.Equal("中小银行客户普遍缺少实时风控能力，采购意愿很强", draft.Parts!.Background!.Text);
        Assert.Contains(draft.Hints, h => h is { Point: PrepPoint.ProductBackground, Severity: HintSeverity.Advice });
    }

    [Fact]
    public void Follow_up_variants_need_no_prep_and_carry_the_slot_and_capability()
    {
        var request = Request() with { Variant = PitchVariant.CapabilityOnly, Prep = StageOnePrep.Empty, Slot = "3月6日（周四）10:00" };

        var draft = PitchDrafter.Draft(request);

        Assert.True(draft.IsReady);
        Assert.Equal(("实时交易风控", "3月6日（周四）10:00"), (draft.Parts!.Capability, draft.Parts.Slot));
    }

    [Fact]
    public void The_support_for_one_department_comes_from_the_target_then_the_outreach_then_the_capability()
    {
        var outreach = new OutreachBuilder().WithPrep(GoodPrep).Targeting(OutreachBuilder.Payments).Targeting(OutreachBuilder.Risk).Build();
        Assert.Null(outreach.ChangeTargetSupport("alice", OutreachBuilder.Start.AddHours(1), "D077", "开放设备指纹接口"));

        var payments = PitchRequest.For(outreach, outreach.FindTarget("D042")!, PitchVariant.FirstContact, Language.Chinese, People());
        var risk = PitchRequest.For(outreach, outreach.FindTarget("D077")!, PitchVariant.FirstContact, Language.Chinese, People());

        Assert.Equal("实时交易风控的接口能力", payments.Prep.SupportNeeded);
        Assert.Equal("开放设备指纹接口", risk.Prep.SupportNeeded);
        var bare = new OutreachBuilder().Targeting(OutreachBuilder.Payments).Build();
        Assert.Equal("实时交易风控能力", PitchSupport.For(bare, bare.FindTarget("D042")!));
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

    [Theory]
    [InlineData(PrepPoint.SupportNeeded, "接口", HintSeverity.Missing)]
    [InlineData(PrepPoint.ProductBackground, "We want to build a new risk engine for small banks", HintSeverity.Advice)]
    public void A_point_too_thin_to_use_or_a_background_that_never_mentions_a_buyer_is_flagged(PrepPoint point, string text, HintSeverity severity)
    {
        var prep = point == PrepPoint.SupportNeeded ? GoodPrep with { SupportNeeded = text } : GoodPrep with { ProductBackground = text };

        var hints = PrepValidator.Validate(prep);

        Assert.Contains(hints, h => h.Point == point && h.Severity == severity);
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
    public void A_complete_short_prep_has_no_hints()
    {
        Assert.Empty(PrepValidator.Validate(GoodPrep));
    }

    private static PitchPeople People() =>
        new(new PitchPerson("张三", "San Zhang"), new BilingualText("金融科技产品部", "Fintech Products"), new PitchPerson("李雷", "Lei Li"));

    private static PitchRequest Request() => new(
        PitchVariant.FirstContact, Language.Chinese, "面向中小银行的支付风控 SaaS", "实时交易风控", GoodPrep, OutreachBuilder.Payments, LeadRoute.KeywordSearch, People());
}
