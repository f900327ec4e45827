using Microsoft.Extensions.Options;
using OutreachBot.Features.Shared;

namespace OutreachBot.Tests.Features.Shared;

/// <summary>Bounded writes per user: exports and self-set reminders have a daily quota, told in the user's language.</summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class DailyQuotaTests
{
    [Fact]
    public async Task Exports_stop_at_the_daily_quota_with_a_clear_message_and_start_again_the_next_day()
    {
        using var bot = await OutreachChat.StartAsync(Quotas(exports: 2, reminders: 50));
        await bot.OutreachAsync("test:user-1", "Checkout risk control", ["risk"]);
        var chat = bot.Host.Chat();
        await chat.SayAsync("export");
        await chat.SayAsync("export");

        var refused = await chat.SayAsync("export");
        bot.Host.Clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await chat.SayAsync("export");

        Assert.Equal("You have exported 2 times today, the daily limit. The links you already have keep working; you can export again tomorrow.", Assert.Single(refused).Text);
        Assert.Empty(refused.Cards());
        Assert.Single(tomorrow.Cards());
        Assert.DoesNotContain("daily limit", tomorrow.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_stop_at_the_daily_quota_in_Chinese_and_nothing_is_stored()
    {
        using var bot = await OutreachChat.StartAsync(Quotas(exports: 20, reminders: 2));
        var chat = bot.Host.Chat(locale: "zh-CN");
        await chat.SayAsync("下周二下午三点提醒我联系李雷");
        await chat.SayAsync("下周三下午三点提醒我联系韩梅梅");

        var refused = await chat.SayAsync("下周四下午三点提醒我联系王芳");

        Assert.Equal("你今天已经设置了 2 个提醒，达到每日上限，这一个没有设置。明天可以继续设置；发送“提醒列表”查看已有的提醒。", Assert.Single(refused).Text);
        var stored = await bot.Host.Services.GetRequiredService<ReminderRepository>().ListForOwnerAsync("test:user-1");
        Assert.Equal(2, stored.Count);
    }

    [Fact]
    public async Task One_users_quota_is_theirs_alone()
    {
        using var bot = await OutreachChat.StartAsync(Quotas(exports: 20, reminders: 1));
        await bot.Host.Chat(userId: "a").SayAsync("remind next Tuesday 3pm call Li Lei");

        var other = await bot.Host.Chat(userId: "b").SayAsync("remind next Tuesday 3pm call Li Lei");

        Assert.Contains("Reminder set", other.AllText());
    }

    [Theory]
    [InlineData("Quotas:ExportsPerDay", "0", "Quotas:ExportsPerDay must be between 1 and 10000 (was 0).")]
    [InlineData("Quotas:RemindersPerDay", "-5", "Quotas:RemindersPerDay must be between 1 and 10000 (was -5).")]
    public void A_quota_out_of_range_stops_the_bot_at_start_with_the_setting_named(string key, string value, string message)
    {
        var failure = Record.Exception(() =>
        {
            using var host = new BotTestHost(BotTestOptions.Quiet.With((key, value)));
            host.CreateClient().Dispose();
        });

        Assert.NotNull(failure);
        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }

    private static Action<IServiceCollection> Quotas(int exports, int reminders) =>
        services => services.AddSingleton(Options.Create(new QuotaOptions { ExportsPerDay = exports, RemindersPerDay = reminders }));
}
