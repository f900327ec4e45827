namespace OutreachBot.Reliability.Crashes;

public sealed class KilledBotTests : IDisposable
{
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("outreachbot-kill-");

    public void Dispose() => scratch.Delete(recursive: true);

    private Dictionary<string, string> OnSqlite() => new()
    {
        ["Storage__Provider"] = "Sqlite",
        ["Storage__Sqlite__Path"] = Path.Combine(scratch.FullName, "outreachbot.db"),
    };

    [Fact]
    public async Task A_flow_interrupted_by_SIGKILL_resumes_at_the_same_step_after_a_restart_on_the_same_SQLite_file()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        var port = RepositoryPaths.FreeLoopbackPort();
        var messages = new Uri($"http://127.0.0.1:{port}/api/messages");
        var english = ChatUser.As(http, messages, "en-US");
        var chinese = ChatUser.As(http, messages, "zh-CN");
        await using (var bot = await BotProcess.StartAsync(RepositoryPaths.OutreachBotDll, OnSqlite(), port))
        {
            Assert.Contains("Step 1 of 3", (await english.SayAsync("settings")).Text);
            Assert.Contains("Step 2 of 3", (await english.SayAsync("English")).Text);
            Assert.Contains("第 1 步", (await chinese.SayAsync("设置")).Text);

            bot.Kill();
        }

        await using var restarted = await BotProcess.StartAsync(RepositoryPaths.OutreachBotDll, OnSqlite(), port);
        var confirm = await english.SayAsync("Asia/Tokyo");
        var saved = await english.SayAsync("yes");
        var chineseNext = await chinese.SayAsync("中文");

        Assert.Contains("Step 3 of 3", confirm.Text);
        Assert.Contains("Asia/Tokyo", confirm.Text);
        Assert.Contains("Settings saved", saved.Text);
        Assert.Contains("第 2 步", chineseNext.Text);
    }

    [Fact]
    public async Task Turns_in_flight_when_the_bot_is_killed_leave_every_flow_at_a_step_it_can_continue_from()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        var port = RepositoryPaths.FreeLoopbackPort();
        var messages = new Uri($"http://127.0.0.1:{port}/api/messages");
        var users = Enumerable.Range(0, 12).Select(_ => ChatUser.As(http, messages, "en-US")).ToList();
        await using (var bot = await BotProcess.StartAsync(RepositoryPaths.OutreachBotDll, OnSqlite(), port))
        {
            await Task.WhenAll(users.Select(u => u.SayAsync("settings")));
            var inFlight = users.Select(u => SafeSayAsync(u, "English")).ToList();
            await Task.Delay(TimeSpan.FromMilliseconds(30));
            bot.Kill();
            await Task.WhenAll(inFlight);
        }

        await using var restarted = await BotProcess.StartAsync(RepositoryPaths.OutreachBotDll, OnSqlite(), port);
        var after = await Task.WhenAll(users.Select(u => u.SayAsync("English")));

        // Either the killed turn was saved (the flow is at step 2: "English" is no time zone, so it asks again) or it
        // was not (step 1 takes "English" now): never a broken flow, never an error.
        Assert.All(after, r => Assert.True(
            r.Text.Contains("Step 2 of 3", StringComparison.Ordinal) || r.Text.Contains("time zone", StringComparison.OrdinalIgnoreCase),
            r.ToString()));
        Assert.DoesNotContain(after, r => r.Text.Contains("Sorry", StringComparison.Ordinal));
    }

    private static async Task<Reply?> SafeSayAsync(ChatUser user, string text)
    {
        try
        {
            return await user.SayAsync(text);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
