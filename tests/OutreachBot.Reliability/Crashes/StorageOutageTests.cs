using System.Diagnostics;
using System.Net;

namespace OutreachBot.Reliability.Crashes;

/// <summary>Azure Tables becomes unreachable mid-conversation and comes back: the bot reaches a private Azurite through a proxy we cut.</summary>
public sealed class StorageOutageTests : IDisposable
{
    private static readonly TimeSpan ChannelTimeout = TimeSpan.FromSeconds(15);
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("outreachbot-outage-");

    public void Dispose() => scratch.Delete(recursive: true);

    [Fact]
    public async Task Users_are_asked_to_try_again_in_their_language_nothing_is_half_written_and_the_bot_recovers()
    {
        await using var azurite = await AzuriteProcess.StartNewAsync();
        await using var network = new CuttableTcpProxy(azurite.Port);
        network.Open();
        await using var bot = await BotOnAzureTables.StartAsync(AzuriteProcess.ConnectionStringFor($"http://127.0.0.1:{network.Port}/{AzuriteProcess.AccountName}"));
        using var http = new HttpClient { Timeout = ChannelTimeout + TimeSpan.FromSeconds(5) };
        var chinese = await BotOnAzureTables.UserInTokyoAsync(http, bot, "zh-CN");
        var english = await BotOnAzureTables.UserInTokyoAsync(http, bot, "en-US");

        await network.CutAsync();
        var watch = Stopwatch.StartNew();
        var duringZh = await chinese.SayAsync("时区 Europe/Berlin");
        var zhElapsed = watch.Elapsed;
        watch.Restart();
        var duringEn = await english.SayAsync("timezone Europe/Berlin");
        var enElapsed = watch.Elapsed;
        var healthDuring = await BotOnAzureTables.HealthAsync(http, bot);
        network.Open();
        await BotOnAzureTables.WaitHealthyAsync(http, bot);
        var afterZh = await chinese.SayAsync("时区");
        var afterEn = await english.SayAsync("timezone");
        var changedEn = await english.SayAsync("timezone Europe/Berlin");

        Assert.Equal(HttpStatusCode.OK, duringZh.Status);
        Assert.Contains("抱歉，暂时无法访问数据存储，请稍后再试。", duringZh.Text, StringComparison.Ordinal);
        Assert.Contains("Sorry, I can't reach my storage right now. Please try again in a moment.", duringEn.Text);
        Assert.True(zhElapsed < ChannelTimeout && enElapsed < ChannelTimeout, $"Answers took {zhElapsed.TotalSeconds:0.0} s and {enElapsed.TotalSeconds:0.0} s.");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthDuring);
        Assert.True(afterZh.Text.Contains("Asia/Tokyo", StringComparison.Ordinal), afterZh.ToString());
        Assert.True(afterEn.Text.Contains("Asia/Tokyo", StringComparison.Ordinal) && !afterEn.Text.Contains("Berlin", StringComparison.Ordinal), afterEn.ToString());
        Assert.True(changedEn.Text.Contains("Europe/Berlin", StringComparison.Ordinal), changedEn.ToString());
        Assert.False(bot.HasExited, bot.RecentOutput);
    }
}
