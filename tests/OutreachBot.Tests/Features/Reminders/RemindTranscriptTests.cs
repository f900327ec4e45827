namespace OutreachBot.Tests.Features.Reminders;

[Collection(RenderedCardsCollection.Name)]
public sealed class RemindTranscriptTests : IDisposable
{
    private readonly BotTestHost host = new();

    public void Dispose() => host.Dispose();

    private Task<IReadOnlyList<Reminder>> PendingAsync(string userId = "user-1") =>
        host.Services.GetRequiredService<ReminderRepository>().ListForOwnerAsync($"test:{userId}");

    /// <summary>A chat whose user has set their time zone, in the chat's language.</summary>
    private async Task<ChatTester> ChatInTimeZoneAsync(string locale, string zone, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var chat = host.Chat(locale: locale, source: test);
        await chat.SayAsync((locale == "zh-CN" ? "时区 " : "timezone ") + zone);
        return chat;
    }

    private static DateTimeOffset Utc(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Remind_in_English_confirms_the_local_time_and_stores_the_reminder()
    {
        var chat = await ChatInTimeZoneAsync("en-US", "America/New_York");

        var replies = await chat.SayAsync("remind next Tuesday 3pm call Li Lei");

        var card = Assert.Single(replies.Cards());
        Assert.Contains("Reminder set", replies.AllText());
        Assert.Contains("Tue, Dec 1, 2026, 3:00 PM (America/New_York)", replies.Seen());
        Assert.Contains("Cancel reminder", card.ButtonTitles());
        var stored = Assert.Single(await PendingAsync());
        Assert.Equal("call Li Lei", stored.Text);
        Assert.Equal(Utc("2026-12-01T20:00:00Z"), stored.Due);
        Assert.Equal(ReminderKind.Manual, stored.Kind);
    }

    [Fact]
    public async Task The_whole_English_sentence_works_too()
    {
        var chat = host.Chat(locale: "en-US");

        var replies = await chat.SayAsync("remind me next Tuesday 3pm to call Li Lei");

        Assert.Contains("Reminder set", replies.AllText());
        var stored = Assert.Single(await PendingAsync());
        Assert.Equal("call Li Lei", stored.Text);
        Assert.Equal(Utc("2026-12-01T15:00:00Z"), stored.Due);
    }

    [Fact]
    public async Task The_whole_Chinese_sentence_is_understood_in_the_users_time_zone()
    {
        var chat = await ChatInTimeZoneAsync("zh-CN", "Asia/Shanghai");

        var replies = await chat.SayAsync("下周二下午三点提醒我联系李雷");

        var text = replies.Cards()[0].ToString();
        Assert.Contains("提醒已设好", text);
        Assert.Contains("联系李雷", text);
        Assert.Contains("2026年12月1日（周二）15:00 (Asia/Shanghai)", text);
        Assert.Contains("取消提醒", replies.Cards()[0].ButtonTitles());
        var stored = Assert.Single(await PendingAsync());
        Assert.Equal(Utc("2026-12-01T07:00:00Z"), stored.Due);
    }

    [Fact]
    public async Task A_day_without_a_time_says_it_picked_nine_oclock()
    {
        var chat = await ChatInTimeZoneAsync("zh-CN", "Asia/Shanghai");

        var replies = await chat.SayAsync("提醒 3天后 发方案给支付中台");

        Assert.Contains("你没说具体几点，我先定在上午 9 点。", replies.AllText());
        Assert.Equal(Utc("2026-11-27T01:00:00Z"), Assert.Single(await PendingAsync()).Due);
    }

    [Fact]
    public async Task An_ambiguous_hour_asks_back_with_both_times_as_buttons_and_stores_nothing_until_one_is_picked()
    {
        var chat = host.Chat(locale: "en-US");

        var question = await chat.SayAsync("remind tomorrow at 3 call Li Lei");

        var card = Assert.Single(question.Cards());
        Assert.Contains("Which one did you mean?", question.AllText());
        Assert.Equal(["Wed, Nov 25, 3:00 AM", "Wed, Nov 25, 3:00 PM"], card.ButtonTitles());
        Assert.Empty(await PendingAsync());

        var picked = await chat.PressAsync(card, "Wed, Nov 25, 3:00 PM");

        Assert.Equal(200, picked.InvokeResponse().Status);
        Assert.Contains("Reminder set", picked.AllText());
        var stored = Assert.Single(await PendingAsync());
        Assert.Equal(Utc("2026-11-25T15:00:00Z"), stored.Due);
        Assert.Equal("call Li Lei", stored.Text);
    }

    [Fact]
    public async Task An_ambiguous_hour_in_Chinese_asks_back_in_Chinese()
    {
        var chat = await ChatInTimeZoneAsync("zh-CN", "Asia/Shanghai");

        var question = await chat.SayAsync("提醒 明天3点 给李雷打电话");

        Assert.Contains("你指的是哪一个", question.AllText());
        Assert.Equal(["11月25日（周三）03:00", "11月25日（周三）15:00"], question.Cards()[0].ButtonTitles());
        Assert.Empty(await PendingAsync());
    }

    [Theory]
    [InlineData("en-US", "remind yesterday 3pm call Li Lei", "That time has already passed")]
    [InlineData("zh-CN", "昨天下午三点提醒我联系李雷", "这个时间已经过去了")]
    public async Task A_time_in_the_past_asks_for_another_time_and_stores_nothing(string locale, string typed, string expected)
    {
        var chat = host.Chat(locale: locale);

        var replies = await chat.SayAsync(typed);

        Assert.Contains(expected, replies.AllText());
        Assert.Equal(3, replies.Cards()[0].ButtonTitles().Count);
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task A_past_time_offers_the_next_hour_which_schedules_when_pressed()
    {
        var chat = host.Chat(locale: "en-US");
        var question = await chat.SayAsync("remind yesterday 3pm call Li Lei");

        var picked = await chat.PressAsync(question.Cards()[0], "Tue, Nov 24, 7:20 AM");

        Assert.Contains("Reminder set", picked.AllText());
        Assert.Equal(BotTestHost.Now.AddHours(1), Assert.Single(await PendingAsync()).Due);
    }

    [Fact]
    public async Task A_candidate_pressed_after_its_time_passed_is_refused()
    {
        var chat = host.Chat(locale: "en-US");
        var question = await chat.SayAsync("remind yesterday 3pm call Li Lei");
        host.Clock.Advance(TimeSpan.FromHours(2));

        var picked = await chat.PressAsync(question.Cards()[0], "Tue, Nov 24, 7:20 AM");

        Assert.Contains("That time has passed in the meantime", picked.AllText());
        Assert.Empty(await PendingAsync());
    }

    [Theory]
    [InlineData("en-US", "remind call Li Lei", "I couldn't find a time")]
    [InlineData("zh-CN", "提醒 联系李雷", "我没找到时间")]
    [InlineData("en-US", "remind tomorrow 9am", "What should I remind you of?")]
    [InlineData("zh-CN", "提醒 明天上午9点", "要提醒你做什么呢？")]
    [InlineData("en-US", "remind", "Tell me when and what")]
    public async Task Missing_time_or_subject_gets_a_clear_answer_and_changes_nothing(string locale, string typed, string expected)
    {
        var chat = host.Chat(locale: locale);

        var replies = await chat.SayAsync(typed);

        Assert.Contains(expected, replies.AllText());
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task A_reminder_that_is_too_long_is_refused()
    {
        var chat = host.Chat(locale: "en-US");

        var replies = await chat.SayAsync("remind tomorrow 9am " + new string('x', 600));

        Assert.Contains("too long", replies.AllText());
        Assert.Empty(await PendingAsync());
    }
}
