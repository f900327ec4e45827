namespace OutreachBot.Tests.Chat;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("status payments", "status", "payments")]
    [InlineData("进展 支付中台", "status", "支付中台")]
    [InlineData("进展支付中台", "status", "支付中台")]
    [InlineData("/Outcome D11 refused not our KPI", "outcome", "D11 refused not our KPI")]
    [InlineData("结果 风控部 拒绝 不是我们的KPI", "outcome", "风控部 拒绝 不是我们的KPI")]
    [InlineData("提醒列表", "reminders", "")]
    [InlineData("提醒 下周二下午三点 联系李雷", "remind", "下周二下午三点 联系李雷")]
    [InlineData("ＴＩＭＥＺＯＮＥ Asia/Shanghai", "timezone", "Asia/Shanghai")]
    [InlineData("我是 lilei@example.com", "iam", "lilei@example.com")]
    public void Commands_are_read_in_both_languages_with_their_arguments(string text, string command, string arguments)
    {
        var parsed = ProductCommands.Parser.Parse(text);

        var found = Assert.IsType<ParsedText.Command>(parsed);
        Assert.Equal((command, arguments), (found.Definition.Name, found.Arguments));
    }

    [Fact]
    public void Mid_flow_a_Chinese_word_that_merely_starts_like_a_command_is_an_answer()
    {
        var parsed = ProductCommands.Parser.Parse("找不到负责人", strict: true);

        Assert.IsType<ParsedText.Unknown>(parsed);
    }

    [Theory]
    [InlineData("stauts", "status")]
    [InlineData("hepl", "help")]
    [InlineData("pipline", "pipeline")]
    [InlineData("referal", "referrals")]
    public void A_near_miss_suggests_the_command(string typed, string expected)
    {
        var parsed = Assert.IsType<ParsedText.Unknown>(ProductCommands.Parser.Parse(typed));

        Assert.Equal(expected, parsed.Suggestion?.Name);
    }

    [Fact]
    public void Unrelated_words_suggest_nothing()
    {
        var parsed = Assert.IsType<ParsedText.Unknown>(ProductCommands.Parser.Parse("weather tomorrow"));

        Assert.Null(parsed.Suggestion);
    }
}
