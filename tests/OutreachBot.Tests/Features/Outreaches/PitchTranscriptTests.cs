using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Outreaches;
using LeadRoute = OutreachBot.Domain.Outreaches.LeadRoute;

namespace OutreachBot.Tests.Features.Outreaches;

/// <summary>
/// The pitch as a PM gets it in chat, in both languages, over each route and each outcome: sendable as written (no
/// 对方, no "their" about the reader, no "s's"), addressed to the right person, naming the introducer of a referral,
/// and different for each department.
/// </summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class PitchTranscriptTests
{
    private const string User = "test:user-1";
    private const string Me = "E00002";
    private const string Introducer = "E00003";

    public static TheoryData<string, LeadRoute> Routes => new()
    {
        { "zh-CN", LeadRoute.OrgChart },
        { "zh-CN", LeadRoute.KeywordSearch },
        { "zh-CN", LeadRoute.Referral },
        { "en-US", LeadRoute.OrgChart },
        { "en-US", LeadRoute.KeywordSearch },
        { "en-US", LeadRoute.Referral },
    };

    public static TheoryData<string, LeadRoute, string> Outcomes
    {
        get
        {
            var data = new TheoryData<string, LeadRoute, string>();
            foreach (var locale in new[] { "zh-CN", "en-US" })
            {
                foreach (var route in new[] { LeadRoute.OrgChart, LeadRoute.KeywordSearch, LeadRoute.Referral })
                {
                    data.Add(locale, route, OutcomeWords.NoCapacity);
                    data.Add(locale, route, OutcomeWords.Interested);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task The_first_message_fits_the_route_and_differs_per_department(string locale, LeadRoute route)
    {
        using var bot = await OutreachChat.StartAsync();
        var language = LanguageOf(locale);
        var outreach = await OutreachAsync(bot, language, route, contacted: false);
        var chat = bot.Host.Chat(locale: locale);
        var directory = Directory(bot);

        var payments = await chat.SayAsync(language == Language.Chinese ? "话术 支付中台" : "pitch Payments Platform");
        var risk = await chat.SayAsync(language == Language.Chinese ? "话术 风控中心" : "pitch Risk Management Center");

        var toPayments = Draft(payments, locale);
        var toRisk = Draft(risk, locale);
        PitchAssert.Sendable(toPayments, language, outreach.Prep.ProductBackground);
        PitchAssert.Sendable(toRisk, language, outreach.Prep.ProductBackground);
        Assert.NotEqual(toPayments, toRisk);
        var head = directory.Head("pay-core")!;
        switch (route)
        {
            case LeadRoute.OrgChart:
                Assert.Contains(language == Language.Chinese ? "帮忙指个路" : "Could you point me to the right colleague?", toPayments);
                Assert.DoesNotContain(head.Name(language), toPayments);
                Assert.Contains(language == Language.Chinese ? "在支付中台工作了" : "years at Payments Platform", payments.Seen());
                break;
            case LeadRoute.KeywordSearch:
                Assert.Contains(language == Language.Chinese ? "在内网搜索「支付网关」时看到支付中台负责这块业务" : "I searched the intranet for “payment gateway” and it pointed to Payments Platform", toPayments);
                Assert.StartsWith(language == Language.Chinese ? "余涵老师，您好！" : "Hi Han,", toPayments);
                break;
            default:
                Assert.Contains(language == Language.Chinese ? "夏芳楠建议我联系您" : "Fangnan Xia suggested I reach out to you", toPayments);
                Assert.Contains(language == Language.Chinese ? "夏芳楠建议我联系您" : "Fangnan Xia suggested I reach out to you", toRisk);
                break;
        }

        Assert.Contains(language == Language.Chinese ? "我是星海集团的金远浩" : "I'm Yuanhao Jin from Xinghai Group", toPayments);
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task The_message_after_an_outcome_is_sendable_and_names_the_introducer_of_a_referral(string locale, LeadRoute route, string outcome)
    {
        using var bot = await OutreachChat.StartAsync();
        var language = LanguageOf(locale);
        await OutreachAsync(bot, language, route, contacted: true);
        var chat = bot.Host.Chat(locale: locale);
        var words = (language, outcome) switch
        {
            (Language.Chinese, OutcomeWords.NoCapacity) => "结果 支付中台 没人力",
            (Language.Chinese, _) => "结果 支付中台 有兴趣",
            (_, OutcomeWords.NoCapacity) => "outcome Payments Platform no-capacity",
            _ => "outcome Payments Platform interested",
        };

        var answered = await chat.SayAsync(words);

        var message = OutreachChat.InputValue(Assert.Single(answered.Cards()), "message");
        PitchAssert.Sendable(message, language);
        Assert.StartsWith(language == Language.Chinese ? "周平老师，您好！" : "Hi Ping,", message);
        Assert.Contains(
            (language, outcome) switch
            {
                (Language.Chinese, OutcomeWords.NoCapacity) => "只需要借助贵部门的支付网关，不需要贵部门出人",
                (Language.Chinese, _) => "建议请双方领导也一起参加",
                (_, OutcomeWords.NoCapacity) => "we only need your payment gateway, not your people",
                _ => "with both our leaders there",
            },
            message);
        if (route == LeadRoute.Referral)
        {
            Assert.Contains(language == Language.Chinese ? "也再次感谢夏芳楠的引荐。" : "thanks again to Fangnan Xia for the introduction", message);
        }
    }

    [Fact]
    public async Task Edit_keeps_the_message_as_the_user_changed_it()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await OutreachAsync(bot, Language.English, LeadRoute.KeywordSearch, contacted: false);
        var chat = bot.Host.Chat();
        var card = Assert.Single((await chat.SayAsync("pitch Payments Platform")).Cards());

        var saved = await OutreachChat.PressWithInputsAsync(chat, card, "Save as sent", new Dictionary<string, string>
        {
            ["message"] = "Hi Han, could we talk about your gateway events this week?",
            ["person"] = "Han Yu",
        });

        Assert.Contains("Contact with Payments Platform recorded", saved.Seen());
        var contact = (await bot.Service.GetAsync(Requester.User(User), outreach.Id)).Value!.Contacts.Single();
        Assert.Equal(("Han Yu", "Hi Han, could we talk about your gateway events this week?"), (contact.PersonName, contact.MessageSent));
        Assert.Contains(card.ButtonTitles(), t => t == "Edit");
        Assert.DoesNotContain(card.SelectTokens("$.body[*].type"), t => (string?)t == "Input.Text");
    }

    [Fact]
    public async Task I_sent_it_keeps_the_draft_as_it_was_shown()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await OutreachAsync(bot, Language.Chinese, LeadRoute.Referral, contacted: false);
        var chat = bot.Host.Chat(locale: "zh-CN");
        var card = Assert.Single((await chat.SayAsync("话术 支付中台")).Cards());

        await chat.PressAsync(card, "我已发送");

        var contact = (await bot.Service.GetAsync(Requester.User(User), outreach.Id)).Value!.Contacts.Single();
        Assert.Equal(Draft([], "zh-CN", card), contact.MessageSent);
        Assert.Equal("余涵", contact.PersonName);
    }

    [Fact]
    public async Task Each_department_can_be_asked_for_something_of_its_own()
    {
        using var bot = await OutreachChat.StartAsync();
        await OutreachAsync(bot, Language.English, LeadRoute.KeywordSearch, contacted: false);
        var chat = bot.Host.Chat();
        var card = Assert.Single((await chat.SayAsync("pitch Risk Management Center")).Cards());

        var asked = await chat.PressAsync(card, "Change what we ask for");
        var tailored = await chat.SayAsync("their device fingerprinting API for checkout sessions");
        var payments = await chat.SayAsync("pitch Payments Platform");
        await chat.PressAsync(Assert.Single(tailored.Cards()), "Change what we ask for");
        var reset = await chat.SayAsync("default");

        Assert.Contains("What do you need from Risk Management Center? Now: “Access to the gateway's transaction events and a sandbox.”", asked.Seen());
        Assert.Contains("What we'd need from you: your device fingerprinting API for checkout sessions.", Draft(tailored, "en-US"));
        Assert.Contains("What we ask Risk Management Center for: their device fingerprinting API for checkout sessions", tailored.Seen());
        Assert.Contains("What we'd need from you: access to the gateway's transaction events and a sandbox.", Draft(payments, "en-US"));
        Assert.Contains("What we'd need from you: access to the gateway's transaction events and a sandbox.", Draft(reset, "en-US"));
    }

    [Fact]
    public async Task On_a_text_channel_the_draft_is_its_own_message_and_edit_takes_the_users_text()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await OutreachAsync(bot, Language.Chinese, LeadRoute.KeywordSearch, contacted: false, user: "slack:user-1");
        var chat = bot.Host.Chat(channel: "slack", locale: "zh-CN");

        var pitch = await chat.SayAsync("话术 支付中台");
        var asked = await chat.SayAsync("2");
        var recorded = await chat.SayAsync("余涵老师您好，想约您 15 分钟聊聊支付网关的合作，谢谢！");

        Assert.Equal(3, pitch.Count);
        Assert.StartsWith("余涵老师，您好！", pitch[1].Text);
        PitchAssert.Sendable(pitch[1].Text, Language.Chinese);
        Assert.Contains("1. 我已发送", pitch[2].Text);
        Assert.Contains("2. 修改", pitch[2].Text);
        Assert.Contains("把你要发给支付中台的消息发给我", Assert.Single(asked).Text);
        Assert.Contains("已记录与「支付中台」的联系", Assert.Single(recorded).Text);
        var contact = (await bot.Service.GetAsync(Requester.User("slack:user-1"), outreach.Id)).Value!.Contacts.Single();
        Assert.Equal("余涵老师您好，想约您 15 分钟聊聊支付网关的合作，谢谢！", contact.MessageSent);
    }

    /// <summary>An outreach of mine (I am 金远浩 of Strategy) targeting Payments Platform and Risk Management Center by one route.</summary>
    private static async Task<Outreach> OutreachAsync(OutreachChat bot, Language language, LeadRoute route, bool contacted, string user = User)
    {
        await bot.Host.Services.GetRequiredService<UserProfileStore>().UpdateAsync(new UserKey(user), p => p with { PersonId = Me }, CancellationToken.None);
        var requester = Requester.User(user);
        var chinese = language == Language.Chinese;
        var outreach = (await bot.Service.CreateAsync(requester, new NewOutreach(
            chinese ? "商户收银台内置风控" : "Fraud checks built into the merchant checkout",
            chinese ? "支付网关" : "payment gateway",
            "Asia/Shanghai",
            Prep: chinese
                ? new StageOnePrep("商户一直希望收银台自带风控，已有三家重点客户表示愿意采购。", "开放支付网关的交易事件接口和测试环境。", "更多交易走他们的网关，直接增加收入。")
                : OutreachChat.Prep))).GetValueOrThrow().Outreach;
        var introducer = Directory(bot).GetPerson(Introducer);
        foreach (var (id, zh, en) in new[] { ("pay-core", "支付中台", "Payments Platform"), ("risk", "风控中心", "Risk Management Center") })
        {
            IReadOnlyList<ReferralStep>? chain = route == LeadRoute.Referral ? [new ReferralStep(introducer.Id, chinese ? introducer.NameZh : introducer.NameEn, introducer.DepartmentId)] : null;
            (await bot.Service.AddTargetAsync(requester, outreach.Id, new DepartmentRef(id, zh, en), route, chain)).GetValueOrThrow();
        }

        if (contacted)
        {
            (await bot.Service.RecordContactAsync(requester, outreach.Id, new NewContact("pay-core", "E00010", chinese ? "周平" : "Ping Zhou", route, "Hello"))).GetValueOrThrow();
        }

        return (await bot.Service.GetAsync(requester, outreach.Id)).GetValueOrThrow();
    }

    private static string Draft(IEnumerable<Microsoft.Bot.Schema.Activity> replies, string locale, Newtonsoft.Json.Linq.JObject? card = null) =>
        OutreachChat.ButtonData(card ?? Assert.Single(replies.Cards()), locale == "zh-CN" ? "我已发送" : "I sent it")["message"];

    private static OrgDirectory Directory(OutreachChat bot) => bot.Host.Services.GetRequiredService<LiveDirectory>().Current.Directory;

    private static Language LanguageOf(string locale) => Language.FromLocale(locale);
}
