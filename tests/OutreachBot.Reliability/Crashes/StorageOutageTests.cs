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
        await using var bot = await BotProcess.StartAsync(RepositoryPaths.OutreachBotDll, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "AzureTables",
            ["Storage__AzureTables__ConnectionString"] = AzuriteProcess.ConnectionStringFor($"http://127.0.0.1:{network.Port}/{AzuriteProcess.AccountName}"),
        });
        using var http = new HttpClient { Timeout = ChannelTimeout + TimeSpan.FromSeconds(5) };
        var chinese = ChatUser.As(http, bot.MessagesEndpoint, "zh-CN");
        var english = ChatUser.As(http, bot.MessagesEndpoint, "en-US");
        Assert.Contains("Asia/Tokyo", (await english.SayAsync("timezone Asia/Tokyo")).Text);
        Assert.Contains("Asia/Tokyo", (await chinese.SayAsync("时区 Asia/Tokyo")).Text);

        await network.CutAsync();
        var watch = Stopwatch.StartNew();
        var duringZh = await chinese.SayAsync("时区 Europe/Berlin");
        var zhElapsed = watch.Elapsed;
        watch.Restart();
        var duringEn = await english.SayAsync("timezone Europe/Berlin");
        var enElapsed = watch.Elapsed;
        var healthDuring = await http.GetAsync(new Uri(bot.BaseAddress, "/healthz"));
        network.Open();
        await WaitHealthyAsync(http, bot.BaseAddress);
        var afterZh = await chinese.SayAsync("时区");
        var afterEn = await english.SayAsync("timezone");
        var changedEn = await english.SayAsync("timezone Europe/Berlin");

        Assert.Equal(HttpStatusCode.OK, duringZh.Status);
        Assert.Contains("抱歉，暂时无法访问数据存储，请稍后再试。", duringZh.Text, StringComparison.Ordinal);
        Assert.Contains("Sorry, I can't reach my storage right now. Please try again in a moment.", duringEn.Text);
        Assert.True(zhElapsed < ChannelTimeout && enElapsed < ChannelTimeout, $"Answers took {zhElapsed.TotalSeconds:0.0} s and {enElapsed.TotalSeconds:0.0} s.");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthDuring.StatusCode);
        Assert.True(afterZh.Text.Contains("Asia/Tokyo", StringComparison.Ordinal), afterZh.ToString());
        Assert.True(afterEn.Text.Contains("Asia/Tokyo", StringComparison.Ordinal) && !afterEn.Text.Contains("Berlin", StringComparison.Ordinal), afterEn.ToString());
        Assert.True(changedEn.Text.Contains("Europe/Berlin", StringComparison.Ordinal), changedEn.ToString());
        Assert.False(bot.HasExited, bot.RecentOutput);
    }

    private static async Task WaitHealthyAsync(HttpClient http, Uri bot)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using var response = await http.GetAsync(new Uri(bot, "/healthz"));
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "The bot did not report healthy storage within 30 s of Azurite's return.");
            await Task.Delay(200);
        }
    }
}
