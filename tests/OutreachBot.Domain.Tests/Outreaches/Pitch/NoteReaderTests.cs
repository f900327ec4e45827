using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Domain.Tests.Outreaches.Pitch;

public sealed class NoteReaderTests
{
    private static readonly DepartmentRef Crm = new("crm", "CRM 产品部", "CRM Products");

    [Theory]
    [InlineData(NoteRole.Support, Language.Chinese, "需要对方开放实时风控评分接口…不需要对方投入研发人力", NoteShape.Action, "开放实时风控评分接口，不需要贵部门投入研发人力")]
    [InlineData(NoteRole.Support, Language.Chinese, "对方的语音识别能力（普通话+粤语）", NoteShape.Phrase, "语音识别能力（普通话和粤语）")]
    [InlineData(NoteRole.Support, Language.Chinese, "他们的OCR接口，识别发票和合同", NoteShape.Phrase, "OCR接口，识别发票和合同")]
    [InlineData(NoteRole.Support, Language.Chinese, "我们需要对方提供会员积分的发放和核销接口", NoteShape.Action, "提供会员积分的发放和核销接口")]
    [InlineData(NoteRole.Support, Language.Chinese, "对方开放物流轨迹查询API、并给我们一个测试账号！！", NoteShape.Action, "开放物流轨迹查询API、并给我们一个测试账号")]
    [InlineData(NoteRole.Support, Language.Chinese, "1. 开放短信通道 2. 提供发送回执接口", NoteShape.Action, "开放短信通道，提供发送回执接口")]
    [InlineData(NoteRole.Support, Language.Chinese, "接入对方的企业征信数据，只读即可", NoteShape.Sentence, "我们希望接入贵部门的企业征信数据，只读即可")]
    [InlineData(NoteRole.Support, Language.Chinese, "想请对方在考勤数据接口方面给予支持", NoteShape.Sentence, "想请贵部门在考勤数据接口方面给予支持")]
    [InlineData(NoteRole.Support, Language.Chinese, "需要他们的人脸识别 SDK 授权", NoteShape.Phrase, "人脸识别 SDK 授权")]
    [InlineData(NoteRole.Support, Language.Chinese, "CRM 产品部的客户标签接口", NoteShape.Phrase, "客户标签接口")]
    [InlineData(NoteRole.Benefit, Language.Chinese, "收入直接记在对方部门", NoteShape.Sentence, "收入直接记在贵部门")]
    [InlineData(NoteRole.Benefit, Language.Chinese, "对他们来说是新的收入来源；也能拓展到金融行业客户", NoteShape.Sentence, "对你们来说是新的收入来源；也能拓展到金融行业客户")]
    [InlineData(NoteRole.Benefit, Language.Chinese, "可以帮对方部门完成今年的营收KPI", NoteShape.Sentence, "这可以帮贵部门完成今年的营收KPI")]
    [InlineData(NoteRole.Benefit, Language.Chinese, "给你们带来新的交易量和手续费收入", NoteShape.Sentence, "这能给你们带来新的交易量和手续费收入")]
    [InlineData(NoteRole.Benefit, Language.Chinese, "对方：新增收入，业务拓展到保险行业", NoteShape.Phrase, "新增收入，业务拓展到保险行业")]
    [InlineData(NoteRole.Benefit, Language.Chinese, "拓展业务范围，进入医疗行业。", NoteShape.Phrase, "拓展业务范围，进入医疗行业")]
    [InlineData(NoteRole.Benefit, Language.Chinese, "他们可以把积分能力卖给外部商户；收入归他们", NoteShape.Sentence, "你们可以把积分能力卖给外部商户；收入归你们")]
    [InlineData(NoteRole.Support, Language.English, "API access to their Mandarin ASR", NoteShape.Phrase, "API access to your Mandarin ASR")]
    [InlineData(NoteRole.Support, Language.English, "We'd like CRM Products's support with their attendance data API", NoteShape.Sentence, "We'd like your support with your attendance data API")]
    [InlineData(NoteRole.Support, Language.English, "Access to the gateway's transaction events and a sandbox.", NoteShape.Phrase, "access to the gateway's transaction events and a sandbox")]
    [InlineData(NoteRole.Support, Language.English, "We need them to expose the points issuing and redemption APIs", NoteShape.Action, "expose the points issuing and redemption APIs")]
    [InlineData(NoteRole.Support, Language.English, "open up the tracking API + give us a test account!!", NoteShape.Action, "open up the tracking API and give us a test account")]
    [InlineData(NoteRole.Support, Language.English, "a license for the other team's face recognition SDK", NoteShape.Phrase, "a license for your face recognition SDK")]
    [InlineData(NoteRole.Support, Language.English, "1) SMS gateway access 2) delivery receipts API", NoteShape.Phrase, "SMS gateway access and delivery receipts API")]
    [InlineData(NoteRole.Support, Language.English, "They open the hotel and flight inventory APIs; we handle the front end.", NoteShape.Action, "open the hotel and flight inventory APIs; we handle the front end")]
    [InlineData(NoteRole.Support, Language.English, "Need call access to their damage-assessment model", NoteShape.Sentence, "We need call access to your damage-assessment model")]
    [InlineData(NoteRole.Support, Language.English, "their OCR API for invoices and contracts.", NoteShape.Phrase, "your OCR API for invoices and contracts")]
    [InlineData(NoteRole.Benefit, Language.English, "It opens a new revenue line for them", NoteShape.Sentence, "This opens a new revenue line for you")]
    [InlineData(NoteRole.Benefit, Language.English, "More volume through their gateway: direct revenue for them.", NoteShape.Sentence, "This means more volume through your gateway: direct revenue for you")]
    [InlineData(NoteRole.Benefit, Language.English, "helps them hit this year's revenue target", NoteShape.Sentence, "This helps you hit this year's revenue target")]
    [InlineData(NoteRole.Benefit, Language.English, "They can sell their points engine to outside merchants", NoteShape.Sentence, "You can sell your points engine to outside merchants")]
    [InlineData(NoteRole.Benefit, Language.English, "A new paying B2B customer segment for their map services", NoteShape.Phrase, "a new paying B2B customer segment for your map services")]
    [InlineData(NoteRole.Benefit, Language.English, "grow their user base in banking", NoteShape.Action, "grow your user base in banking")]
    [InlineData(NoteRole.Benefit, Language.English, "their attendance product reaches more store customers", NoteShape.Sentence, "Your attendance product reaches more store customers")]
    [InlineData(NoteRole.Benefit, Language.English, "millions of extra messages through their gateway = direct revenue", NoteShape.Phrase, "millions of extra messages through your gateway — direct revenue")]
    [InlineData(NoteRole.Benefit, Language.English, "new income for them, and a foothold in insurance", NoteShape.Sentence, "This means new income for you, and a foothold in insurance")]
    public void Support_and_benefit_notes_are_read_from_the_readers_side(NoteRole role, Language language, string note, NoteShape shape, string text)
    {
        var read = NoteReader.Read(note, role, language, Crm, 160);

        Assert.Equal(new PitchNote(text, shape), read);
    }

    [Fact]
    public void They_after_customers_in_the_background_stays_the_customers()
    {
        var read = NoteReader.Read("商户一直希望收银台自带风控，他们愿意付费。", NoteRole.Background, Language.Chinese, Crm, 240);

        Assert.Equal("商户一直希望收银台自带风控，他们愿意付费", read!.Text);
    }

    [Fact]
    public void They_after_customers_in_an_english_background_stays_the_customers()
    {
        var read = NoteReader.Read("Merchants keep asking for fraud checks; three key customers said they would buy it.", NoteRole.Background, Language.English, Crm, 240);

        Assert.Equal(new PitchNote("Merchants keep asking for fraud checks; three key customers said they would buy it", NoteShape.Sentence), read);
    }

    [Theory]
    [InlineData("开放接口", Language.English)]
    [InlineData("Open the API", Language.Chinese)]
    [InlineData("can they give us API access?", Language.English)]
    public void A_note_in_the_other_language_or_a_question_is_quoted_not_spliced(string note, Language language)
    {
        var read = NoteReader.Read(note, NoteRole.Support, language, Crm, 160);

        Assert.Equal(NoteShape.Quoted, read!.Shape);
    }

    [Fact]
    public void A_blank_note_reads_as_nothing()
    {
        Assert.Null(NoteReader.Read(" \n ", NoteRole.Support, Language.English, Crm, 160));
    }
}
