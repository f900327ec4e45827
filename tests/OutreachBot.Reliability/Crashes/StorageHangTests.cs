using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Xunit.Abstractions;

namespace OutreachBot.Reliability.Crashes;

/// <summary>
/// Azure Tables that hangs (Azurite frozen with SIGSTOP: connections accepted, nothing answered) or is emptied (every
/// table deleted) while the bot runs as a Kestrel child process, talked to over real HTTP through /api/messages.
/// Times are generous upper bounds (Teams' own limits), not performance targets.
/// </summary>
public sealed class StorageHangTests(ITestOutputHelper output)
{
    private static readonly TimeSpan MessageLimit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CardActionLimit = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task With_a_frozen_store_every_user_gets_the_apology_inside_teams_limits_and_the_bot_recovers_when_it_thaws()
    {
        await using var azurite = await AzuriteProcess.StartNewAsync();
        await using var bot = await BotOnAzureTables.StartAsync(azurite.ConnectionString);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var chinese = await BotOnAzureTables.UserInTokyoAsync(http, bot, "zh-CN");
        var english = await BotOnAzureTables.UserInTokyoAsync(http, bot, "en-US");

        azurite.Freeze();
        try
        {
            var (zh, zhTime) = await TimedAsync(() => chinese.SayAsync("时区 Europe/Berlin"));
            var (en, enTime) = await TimedAsync(() => english.SayAsync("timezone Europe/Berlin"));
            var (card, cardTime) = await TimedAsync(() => PressCardButtonAsync(http, bot.MessagesEndpoint, english.User));
            var (health, healthTime) = await TimedAsync(() => BotOnAzureTables.HealthAsync(http, bot));
            output.WriteLine($"Frozen store: zh apology {zhTime.TotalSeconds:0.0} s, en apology {enTime.TotalSeconds:0.0} s, card action {cardTime.TotalSeconds:0.0} s, /healthz {(int)health} in {healthTime.TotalSeconds:0.0} s");

            Assert.True(zh.Text.Contains("抱歉，暂时无法访问数据存储，请稍后再试。", StringComparison.Ordinal), zh + Environment.NewLine + bot.RecentOutput);
            Assert.True(en.Text.Contains("Sorry, I can't reach my storage right now. Please try again in a moment.", StringComparison.Ordinal), en.ToString());
            Assert.True(zhTime < MessageLimit && enTime < MessageLimit, $"The apologies took {zhTime.TotalSeconds:0.0} s and {enTime.TotalSeconds:0.0} s.");
            Assert.Equal(HttpStatusCode.OK, card.Status);
            Assert.Contains("Sorry, I can't reach my storage right now.", card.Body, StringComparison.Ordinal);
            Assert.True(cardTime < CardActionLimit, $"The card action was answered after {cardTime.TotalSeconds:0.0} s.");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health);
        }
        finally
        {
            azurite.Thaw();
        }

        var recovery = await BotOnAzureTables.WaitHealthyAsync(http, bot);
        var afterZh = await chinese.SayAsync("时区");
        var afterEn = await english.SayAsync("timezone");
        var changed = await english.SayAsync("timezone Europe/Berlin");
        output.WriteLine($"Healthy again {recovery.TotalSeconds:0.0} s after the thaw");

        Assert.Contains("Asia/Tokyo", afterZh.Text, StringComparison.Ordinal);
        Assert.True(afterEn.Text.Contains("Asia/Tokyo", StringComparison.Ordinal) && !afterEn.Text.Contains("Berlin", StringComparison.Ordinal), afterEn.ToString());
        Assert.Contains("Europe/Berlin", changed.Text, StringComparison.Ordinal);
        Assert.False(bot.HasExited, bot.RecentOutput);
    }

    [Fact]
    public async Task Tables_deleted_while_the_bot_runs_are_created_again_and_turns_and_health_keep_working()
    {
        await using var azurite = await AzuriteProcess.StartNewAsync();
        await using var bot = await BotOnAzureTables.StartAsync(azurite.ConnectionString);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var user = await BotOnAzureTables.UserInTokyoAsync(http, bot, "en-US");
        var tables = await TableNamesAsync(azurite);

        await DeleteAllTablesAsync(azurite);
        var firstTurn = await user.SayAsync("timezone Europe/Berlin");
        var readBack = await user.SayAsync("timezone");
        await DeleteAllTablesAsync(azurite);
        var health = await BotOnAzureTables.HealthAsync(http, bot);
        var afterHealth = await user.SayAsync("timezone America/New_York");
        var recreated = await TableNamesAsync(azurite);

        Assert.NotEmpty(tables);
        Assert.Contains("Europe/Berlin", firstTurn.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sorry", firstTurn.Text, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", readBack.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health);
        Assert.Contains("America/New_York", afterHealth.Text, StringComparison.Ordinal);
        Assert.Subset(recreated.ToHashSet(), tables.Where(t => t is "botstate" or "userprofiles").ToHashSet());
        Assert.False(bot.HasExited, bot.RecentOutput);
    }

    /// <summary>A Teams Action.Execute (adaptiveCard/action invoke) from one of the bot's cards.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> PressCardButtonAsync(HttpClient http, Uri messages, SimulatedUser user)
    {
        var activity = Activities.Message(user, "", expectReplies: false);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("text");
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "reminders.snooze", ["data"] = new JsonObject { ["reminderId"] = "r-1" } },
            ["trigger"] = "manual",
        };
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(messages, content);
        return (response.StatusCode, System.Text.RegularExpressions.Regex.Unescape(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<(T Result, TimeSpan Elapsed)> TimedAsync<T>(Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        var result = await action();
        return (result, watch.Elapsed);
    }

    private static async Task<List<string>> TableNamesAsync(AzuriteProcess azurite)
    {
        var names = new List<string>();
        await foreach (var table in new TableServiceClient(azurite.ConnectionString).QueryAsync())
        {
            names.Add(table.Name);
        }

        return names;
    }

    private static async Task DeleteAllTablesAsync(AzuriteProcess azurite)
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        foreach (var name in await TableNamesAsync(azurite))
        {
            await service.DeleteTableAsync(name);
        }
    }
}
