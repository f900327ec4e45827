namespace OutreachBot.Tests.Features.Outreaches;

/// <summary>The deadline question promises the default the bot will really use (Outreach:DefaultDeadlineDays).</summary>
public sealed class DeadlinePromptTests
{
    // BotTestHost.Now is Tuesday 24 November 2026: ten days later is Friday 4 December, seven days later Tuesday 1 December.
    [Theory]
    [InlineData("en-US", "Dec 4", "Dec 1")]
    [InlineData("zh-CN", "12月4日", "12月1日")]
    public async Task The_deadline_question_offers_the_configured_default_not_a_fixed_week(string locale, string tenDays, string sevenDays)
    {
        using var host = new BotTestHost(BotTestOptions.Quiet.With(("Outreach:DefaultDeadlineDays", "10")) with { Directory = TestDirectory.DemoCompany });
        var chat = host.Chat(locale: locale);

        await chat.SayAsync(locale == "en-US" ? "new Fraud checks built into the merchant checkout" : "新建 商户收银台内置的反欺诈检查");
        await chat.SayAsync(locale == "en-US" ? "payment gateway" : "支付网关");
        var askDeadline = (await chat.SayAsync(locale == "en-US" ? "Payments Platform" : "支付中台")).AllText();

        Assert.Contains(tenDays, askDeadline, StringComparison.Ordinal);
        Assert.DoesNotContain(sevenDays, askDeadline, StringComparison.Ordinal);
    }
}
