using Microsoft.Bot.Schema;
using OutreachBot.Tests.Features.StageTwo;

namespace OutreachBot.Tests.Chat;

/// <summary>
/// Bot Framework runs each turn under its activity's locale. The Recognizers models are built once per process, in
/// the turn of whoever first types a Chinese amount or date, and their Chinese number parser once lost its unit map
/// when read under a locale that orders Chinese characters differently: "50万" and "三天后" then read as nothing for
/// every later user on another locale, until a restart. Each test has users on two such locales take turns, so whichever
/// of them (or an earlier test in this process) built the model, one of them reads under another locale.
/// </summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class ChineseNumbersAcrossLocalesTranscriptTests : IDisposable
{
    private readonly BotTestHost host = new(BotTestOptions.Quiet);
    private readonly StageTwoWorld world;

    public ChineseNumbersAcrossLocalesTranscriptTests() => world = new StageTwoWorld(host);

    public void Dispose() => host.Dispose();

    private static DateTimeOffset Utc(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One segment through the market flow in Chinese, priced "50万"; returns the estimate.</summary>
    private static async Task<IReadOnlyList<Activity>> SizeMarketInWanAsync(ChatTester chat)
    {
        await chat.SayAsync("市场 添加");
        await chat.SayAsync("城商行");
        await chat.SayAsync("120");
        await chat.SayAsync("国家金融监督管理总局 2024 年报");
        await chat.SayAsync("50万");
        return await chat.SayAsync("10%");
    }

    [Fact]
    public async Task Wan_amounts_are_read_for_a_zh_CN_client_and_for_a_Chinese_speaker_on_an_English_client()
    {
        await world.OutreachAsync(userId: "user-1");
        await world.OutreachAsync(userId: "user-2");
        var englishClient = host.Chat(locale: "en-US", userId: "user-2");
        var chineseClient = host.Chat(locale: "zh-CN", userId: "user-1");
        await englishClient.SayAsync("language zh");

        var first = await SizeMarketInWanAsync(englishClient);
        var second = await SizeMarketInWanAsync(chineseClient);

        Assert.Contains("预期市场规模：¥600万（市场容量 ¥6,000万）", first.AllText());
        Assert.Contains("预期市场规模：¥600万（市场容量 ¥6,000万）", second.AllText());
    }

    [Fact]
    public async Task A_Chinese_reminder_in_numerals_is_understood_on_zh_CN_and_zh_TW_clients_alike()
    {
        var mainland = host.Chat(locale: "zh-CN", userId: "user-1");
        var taiwan = host.Chat(locale: "zh-TW", userId: "user-2");
        await mainland.SayAsync("时区 Asia/Shanghai");
        await taiwan.SayAsync("时区 Asia/Shanghai");

        var first = await mainland.SayAsync("提醒 三天后 发方案给支付中台");
        var second = await taiwan.SayAsync("提醒 三天后 发方案给支付中台");

        Assert.Contains("提醒已设好", first.AllText());
        Assert.Contains("提醒已设好", second.AllText());
        var reminders = host.Services.GetRequiredService<ReminderRepository>();
        Assert.Equal(Utc("2026-11-27T01:00:00Z"), Assert.Single(await reminders.ListForOwnerAsync("test:user-1")).Due);
        Assert.Equal(Utc("2026-11-27T01:00:00Z"), Assert.Single(await reminders.ListForOwnerAsync("test:user-2")).Due);
    }
}
