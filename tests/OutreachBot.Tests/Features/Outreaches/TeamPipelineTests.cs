using OutreachBot.Domain.Outreaches;
using OutreachBot.Tests.Chat;

namespace OutreachBot.Tests.Features.Outreaches;

/// <summary>
/// <c>pipeline team</c> / <c>看板 团队</c>: a lead sees the outreaches of everyone below them in the org chart who uses the
/// bot. Who the lead and the reports are comes from Teams (the roster over HTTP), so these run as Teams members.
/// </summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class TeamPipelineTests
{
    private const string Lead = "han.yu@xinghai.example.com";
    private const string IndirectReport = "rui.li@xinghai.example.com";
    private const string LeadsOwnManager = "yanyu.cai@xinghai.example.com";
    private const string NoReports = "ting.xu@xinghai.example.com";
    private const string AnotherNoReports = "rui.li@xinghai.example.com";

    [Fact]
    public async Task A_lead_sees_the_outreaches_of_reports_below_them_but_not_of_their_own_manager()
    {
        await using var bot = await TeamsBot.StartAsync();
        var pm = await MemberAsync(bot, IndirectReport, 2);
        var boss = await MemberAsync(bot, LeadsOwnManager, 3);
        await CreateAsync(bot, pm, "Checkout risk control");
        await CreateAsync(bot, boss, "Group strategy review");
        var lead = LeadChat(bot);

        var replies = await lead.SayAsync("pipeline team");

        TeamPipelineAssert.Shows(replies.Seen(), "en-US", people: 66, users: 1, shown: ["Checkout risk control"], hidden: ["Group strategy review"]);
    }

    [Fact]
    public async Task A_report_whom_Teams_now_names_as_someone_else_leaves_the_team_pipeline()
    {
        await using var bot = await TeamsBot.StartAsync();
        var pm = await MemberAsync(bot, IndirectReport, 2);
        await CreateAsync(bot, pm, "Checkout risk control");
        bot.Connector.Members[pm.Id] = pm with { Email = LeadsOwnManager };
        bot.Host.Clock.Advance(TimeSpan.FromDays(1));
        await bot.Chat(pm, TeamsPlace.Personal).SayAsync("help");
        var lead = LeadChat(bot, "zh-CN");

        var seen = (await lead.SayAsync("看板 团队")).Seen();

        TeamPipelineAssert.Shows(seen, "zh-CN", people: 66, users: 0, shown: [], hidden: ["Checkout risk control"]);
        var linked = await bot.Host.Services.GetRequiredService<UserProfileStore>().FindLinkedAsync(new HashSet<string> { "E00005", "E00013" }, CancellationToken.None);
        Assert.Equal([("aad:" + pm.AadObjectId, "E00005", true)], linked.Select(l => (l.UserKey, l.PersonId, l.Verified)));
    }

    [Fact]
    public async Task A_user_Teams_cannot_vouch_for_is_told_why_in_English_and_Chinese()
    {
        using var bot = await OutreachChat.StartAsync();

        var english = await bot.Host.Chat(userId: "a").SayAsync("pipeline team");
        var chinese = await bot.Host.Chat(locale: "zh-CN", userId: "b").SayAsync("看板 团队");

        Assert.Contains("Team views need Teams to confirm who you are. This chat (test) can't, so here you see only your own outreaches.", english.Seen());
        Assert.Contains("Pipeline", english.Cards().Single().ButtonTitles());
        Assert.Contains("团队看板需要 Teams 确认你的身份。这个聊天（test）做不到，所以这里只能看你自己的外联。", chinese.Seen());
        Assert.Contains("看板", chinese.Cards().Single().ButtonTitles());
    }

    [Fact]
    public async Task A_user_nobody_reports_to_hears_so_politely_in_both_languages()
    {
        await using var bot = await TeamsBot.StartAsync();
        var english = bot.Chat(bot.Member(NoReports, "Ting Xu", 4), TeamsPlace.Personal);
        var chinese = bot.Chat(bot.Member(AnotherNoReports, "李睿", 5), TeamsPlace.Personal, "zh-CN");

        var inEnglish = (await english.SayAsync("pipeline team")).Seen();
        var inChinese = (await chinese.SayAsync("看板 团队")).Seen();

        Assert.Contains("Nobody reports to Ting Xu in the org directory", inEnglish);
        Assert.Contains("组织架构里没有人向李睿汇报，所以暂时没有团队看板", inChinese);
    }

    [Fact]
    public async Task The_team_pipeline_pages_with_team_in_the_page_buttons()
    {
        await using var bot = await TeamsBot.StartAsync();
        var pm = await MemberAsync(bot, IndirectReport, 2);
        for (var i = 0; i < 21; i++)
        {
            await CreateAsync(bot, pm, $"Idea {i}");
        }

        var lead = LeadChat(bot);

        var first = (await lead.SayAsync("pipeline team")).Cards().Single();
        var second = await lead.PressAsync(first, "Next page");

        Assert.Equal("team 2", (string)Transcript.FindAction(first, "Next page")["data"]!["args"]!);
        Assert.Contains("Page 2 of 2", second.Seen());
    }

    private static TeamsChat LeadChat(TeamsBot bot, string locale = "en-US") => bot.Chat(bot.Member(Lead, "Han Yu", 1), TeamsPlace.Personal, locale);

    /// <summary>A report who has talked to the bot in Teams once, so Teams has confirmed who they are.</summary>
    private static async Task<TeamsMember> MemberAsync(TeamsBot bot, string email, int number)
    {
        var member = bot.Member(email, email, number);
        await bot.Chat(member, TeamsPlace.Personal).SayAsync("help");
        return member;
    }

    private static async Task CreateAsync(TeamsBot bot, TeamsMember owner, string idea) =>
        (await bot.Service().CreateAsync(Requester.User("aad:" + owner.AadObjectId), new NewOutreach(idea, "payment gateway", "Asia/Shanghai"))).GetValueOrThrow();
}
