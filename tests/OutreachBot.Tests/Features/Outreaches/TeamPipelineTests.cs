using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Chat.Identity;
using OutreachBot.Storage.UserProfiles;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Features.Outreaches;

/// <summary><c>pipeline team</c> / <c>看板 团队</c>: a lead sees the outreaches of everyone below them in the org chart who uses the bot.</summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class TeamPipelineTests
{
    private const string Lead = "han.yu@xinghai.example.com";
    private const string IndirectReport = "rui.li@xinghai.example.com";
    private const string LeadsOwnManager = "yanyu.cai@xinghai.example.com";
    private const string NoReports = "ting.xu@xinghai.example.com";

    [Fact]
    public async Task A_lead_sees_the_outreaches_of_reports_below_them_but_not_of_their_own_manager()
    {
        using var bot = await OutreachChat.StartAsync();
        await bot.Host.Chat(userId: "pm").SayAsync("iam " + IndirectReport);
        await bot.Host.Chat(userId: "boss").SayAsync("iam " + LeadsOwnManager);
        await bot.OutreachAsync("test:pm", "Checkout risk control", ["risk"]);
        await bot.OutreachAsync("test:boss", "Group strategy review", ["hq"]);
        var lead = bot.Host.Chat(userId: "lead");
        await lead.SayAsync("iam " + Lead);

        var replies = await lead.SayAsync("pipeline team");

        var seen = replies.Seen();
        Assert.Contains("Team pipeline", seen);
        Assert.Contains("66 people in your team · 1 of them use OutreachBot", seen);
        Assert.Contains("Checkout risk control", seen);
        Assert.DoesNotContain("Group strategy review", seen);
    }

    [Fact]
    public async Task A_report_who_links_to_someone_else_leaves_the_team_pipeline()
    {
        using var bot = await OutreachChat.StartAsync();
        var pm = bot.Host.Chat(userId: "pm");
        await pm.SayAsync("iam " + IndirectReport);
        await bot.OutreachAsync("test:pm", "Checkout risk control", ["risk"]);
        await pm.SayAsync("iam " + LeadsOwnManager);
        var lead = bot.Host.Chat(locale: "zh-CN", userId: "lead");
        await lead.SayAsync("我是 " + Lead);

        var seen = (await lead.SayAsync("看板 团队")).Seen();

        Assert.Contains("团队看板", seen);
        Assert.Contains("团队共 66 人，其中 0 人在用 OutreachBot", seen);
        Assert.DoesNotContain("Checkout risk control", seen);
        Assert.Equal(
            [new LinkedUser("test:pm", "E00005")],
            await bot.Host.Services.GetRequiredService<UserProfileStore>().FindLinkedAsync(new HashSet<string> { "E00005", "E00013" }, CancellationToken.None));
    }

    [Fact]
    public async Task A_user_who_has_not_said_who_they_are_is_told_how_in_English_and_Chinese()
    {
        using var bot = await OutreachChat.StartAsync();

        var english = await bot.Host.Chat(userId: "a").SayAsync("pipeline team");
        var chinese = await bot.Host.Chat(locale: "zh-CN", userId: "b").SayAsync("看板 团队");

        Assert.Contains("I need to know who you are in the org directory. Send iam followed by your work e-mail", english.Seen());
        Assert.Contains("Pipeline", english.Cards().Single().ButtonTitles());
        Assert.Contains("我得先知道你在组织架构里是谁。请发送“我是”加你的工作邮箱", chinese.Seen());
        Assert.Contains("看板", chinese.Cards().Single().ButtonTitles());
    }

    [Fact]
    public async Task A_user_nobody_reports_to_hears_so_politely_in_both_languages()
    {
        using var bot = await OutreachChat.StartAsync();
        var english = bot.Host.Chat(userId: "a");
        var chinese = bot.Host.Chat(locale: "zh-CN", userId: "b");
        await english.SayAsync("iam " + NoReports);
        await chinese.SayAsync("我是 " + NoReports);

        var inEnglish = (await english.SayAsync("pipeline team")).Seen();
        var inChinese = (await chinese.SayAsync("看板 团队")).Seen();

        Assert.Contains("Nobody reports to Ting Xu in the org directory", inEnglish);
        Assert.Contains("组织架构里没有人向", inChinese);
        Assert.Contains("汇报，所以暂时没有团队看板", inChinese);
    }

    [Fact]
    public async Task The_team_pipeline_pages_with_team_in_the_page_buttons()
    {
        using var bot = await OutreachChat.StartAsync();
        await bot.Host.Chat(userId: "pm").SayAsync("iam " + IndirectReport);
        for (var i = 0; i < 21; i++)
        {
            await bot.OutreachAsync("test:pm", $"Idea {i}", [], contacted: false);
        }

        var lead = bot.Host.Chat(userId: "lead");
        await lead.SayAsync("iam " + Lead);

        var first = (await lead.SayAsync("pipeline team")).Cards().Single();
        var second = await lead.PressAsync(first, "Next page");

        Assert.Equal("team 2", (string)Transcript.FindAction(first, "Next page")["data"]!["args"]!);
        Assert.Contains("Page 2 of 2", second.Seen());
    }
}
