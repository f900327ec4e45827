using System.Diagnostics;
using System.Net;

namespace OutreachBot.Reliability.Support;

/// <summary>
/// The bot as a Kestrel child process that stores in Azure Tables (a test's own Azurite, or a proxy in front of it),
/// talked to over real HTTP: the tests that make that storage hang, vanish or go away and come back.
/// </summary>
internal static class BotOnAzureTables
{
    public static Task<BotProcess> StartAsync(string connectionString) =>
        BotProcess.StartAsync(RepositoryPaths.OutreachBotDll, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "AzureTables",
            ["Storage__AzureTables__ConnectionString"] = connectionString,
        });

    /// <summary>A new user, in their language, who has set their time zone to Asia/Tokyo: a stored setting to read back later.</summary>
    public static async Task<ChatUser> UserInTokyoAsync(HttpClient http, BotProcess bot, string locale)
    {
        var user = ChatUser.As(http, bot.MessagesEndpoint, locale);
        Assert.Contains("Asia/Tokyo", (await user.SayAsync(locale == "zh-CN" ? "时区 Asia/Tokyo" : "timezone Asia/Tokyo")).Text);
        return user;
    }

    public static async Task<HttpStatusCode> HealthAsync(HttpClient http, BotProcess bot)
    {
        using var response = await http.GetAsync(new Uri(bot.BaseAddress, "/healthz"));
        return response.StatusCode;
    }

    /// <summary>How long until the bot reports healthy storage again; fails after 30 s.</summary>
    public static async Task<TimeSpan> WaitHealthyAsync(HttpClient http, BotProcess bot)
    {
        var watch = Stopwatch.StartNew();
        while (await HealthAsync(http, bot) != HttpStatusCode.OK)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "The bot did not report healthy storage within 30 s of the storage coming back.");
            await Task.Delay(200);
        }

        return watch.Elapsed;
    }
}
