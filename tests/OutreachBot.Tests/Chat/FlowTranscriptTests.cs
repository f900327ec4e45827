namespace OutreachBot.Tests.Chat;

[Collection(RenderedCardsCollection.Name)]
public sealed class FlowTranscriptTests : IDisposable
{
    private readonly BotTestHost host = new();

    public void Dispose() => host.Dispose();

    private Task<UserProfile> ProfileAsync(string userId = "user-1") =>
        host.Services.GetRequiredService<UserProfileStore>().GetAsync(new UserKey($"test:{userId}"), CancellationToken.None);

    [Fact]
    public async Task Settings_flow_cancelled_midway_saves_nothing()
    {
        var chat = host.Chat(locale: "zh-CN");
        await chat.SayAsync("设置");
        await chat.SayAsync("English");

        var cancelled = await chat.SayAsync("取消");
        var after = await chat.SayAsync("帮助");

        Assert.Equal("已取消设置，没有保存任何内容。", Assert.Single(cancelled).Text);
        Assert.Null((await ProfileAsync()).Language);
        Assert.Contains("我能帮你做什么", after.AllText());
    }

    [Fact]
    public async Task Settings_flow_asks_each_step_and_saves_on_confirmation()
    {
        var chat = host.Chat(locale: "en-US");

        var first = await chat.SayAsync("settings");
        var second = await chat.PressAsync(first.Cards()[0], "中文");
        var third = await chat.SayAsync("Asia/Shanghai");
        var done = await chat.SayAsync("是");

        Assert.Contains("Step 1 of 3", first.AllText());
        Assert.Contains("Step 2 of 3", second.AllText());
        Assert.Contains("Step 3 of 3 — save language 中文 and time zone Asia/Shanghai?", third.AllText());
        Assert.Equal("设置已保存。时区 Asia/Shanghai，现在是 2026年11月24日（周二）14:20 (Asia/Shanghai)。", Assert.Single(done).Text);
        var profile = await ProfileAsync();
        Assert.Equal(("zh-CN", "Asia/Shanghai", true), (profile.Language, profile.TimeZoneId, profile.TimeZoneChosen));
    }

    [Fact]
    public async Task A_flow_interrupted_by_a_restart_resumes_on_the_next_message()
    {
        var before = host.Chat(locale: "en-US");
        await before.SayAsync("settings");
        await before.SayAsync("2");

        host.Restart();
        var after = host.Chat(locale: "en-US");
        var resumed = await after.SayAsync("America/New_York");
        var saved = await after.SayAsync("yes");

        Assert.Contains("Step 3 of 3 — save language English and time zone America/New_York?", resumed.AllText());
        Assert.StartsWith("Settings saved. Time zone America/New_York", Assert.Single(saved).Text);
        Assert.Equal("America/New_York", (await ProfileAsync()).TimeZoneId);
    }

    [Fact]
    public async Task An_invalid_answer_is_asked_again_with_the_reason()
    {
        var chat = host.Chat();
        await chat.SayAsync("settings");
        await chat.SayAsync("English");

        var replies = await chat.SayAsync("Mars/Olympus");

        Assert.Equal(2, replies.Count);
        Assert.Contains("\"Mars/Olympus\" is not a time zone I know", replies[0].Text);
        Assert.StartsWith("Step 2 of 3", replies[1].Text);
    }

    [Fact]
    public async Task Help_inside_a_flow_explains_the_step_and_asks_again()
    {
        var chat = host.Chat();
        await chat.SayAsync("settings");

        var replies = await chat.SayAsync("help");

        Assert.Equal("You are in settings (step 1 of 3). Answer the question below, or type cancel to leave.", replies[0].Text);
        Assert.Contains("Step 1 of 3", replies.AllText());
    }

    [Fact]
    public async Task A_new_command_mid_flow_asks_to_leave_and_runs_the_command_on_yes()
    {
        var chat = host.Chat();
        await chat.SayAsync("settings");

        var question = await chat.SayAsync("/timezone Asia/Tokyo");
        var answer = await chat.PressAsync(question.Cards()[0], "Yes");

        Assert.Contains("You are in the middle of settings. Leave it and do the new command?", question.AllText());
        Assert.Contains("Left settings.", answer.AllText());
        Assert.Contains("Time zone set to Asia/Tokyo.", answer.AllText());
    }

    [Fact]
    public async Task Answering_no_to_leaving_keeps_the_flow_at_the_same_step()
    {
        var chat = host.Chat(locale: "zh-CN");
        await chat.SayInTurnAsync("设置", "中文", "/进展");

        var replies = await chat.SayAsync("否");
        var saved = await chat.SayAsync("Asia/Shanghai");

        Assert.Contains("第 2 步（共 3 步）", replies.AllText());
        Assert.Contains("第 3 步（共 3 步）", saved.AllText());
    }

    [Fact]
    public async Task A_button_from_an_earlier_step_does_not_answer_the_current_one()
    {
        var chat = host.Chat();
        var first = await chat.SayAsync("settings");
        await chat.SayAsync("English");

        var replies = await chat.PressAsync(first.Cards()[0], "中文");

        Assert.Contains("That button belongs to an earlier question", replies.AllText());
        Assert.Null((await ProfileAsync()).Language);
    }
}
