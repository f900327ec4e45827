using System.Net;
using System.Text;

namespace OutreachBot.Tests.Channels;

/// <summary>A channel without Adaptive Cards (Slack through Azure Bot Service), end to end through /api/messages.</summary>
public sealed class SlackChannelTests : IDisposable
{
    private readonly BotTestHost factory = new(BotTestOptions.AsDeployed);

    public void Dispose() => factory.Dispose();

    private static JObject SlackMessage(string text, string locale = "zh-CN") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "slack",
        ["serviceUrl"] = "https://slack.botframework.com/",
        ["from"] = new JObject { ["id"] = "U0123ABC:T0456DEF", ["name"] = "lilei" },
        ["recipient"] = new JObject { ["id"] = "B0789GHI:T0456DEF", ["name"] = "outreachbot" },
        ["conversation"] = new JObject { ["id"] = "B0789GHI:T0456DEF:D0AB12CD3" },
        ["locale"] = locale,
        ["text"] = text,
        ["deliveryMode"] = "expectReplies",
    };

    private async Task<JArray> SayAsync(string text, string locale = "zh-CN")
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsync("/api/messages", new StringContent(SlackMessage(text, locale).ToString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!;
    }

    [Fact]
    public async Task Help_on_Slack_is_readable_text_with_numbered_choices_and_no_attachments()
    {
        var replies = await SayAsync("帮助");

        var reply = Assert.Single(replies);
        Assert.Empty((JArray?)reply["attachments"] ?? []);
        var text = (string)reply["text"]!;
        Assert.Contains("我能帮你做什么", text);
        Assert.Contains("1. 帮助\n2. 设置\n3. English", text);
        Assert.EndsWith("（回复序号即可选择。）", text);
        Assert.DoesNotContain("Action.", text);
    }

    [Fact]
    public async Task Typing_a_number_on_Slack_picks_that_choice()
    {
        await SayAsync("帮助");

        var picked = await SayAsync("3");

        Assert.Equal("OK, I'll speak English from now on.", (string?)Assert.Single(picked)["text"]);
    }

    [Fact]
    public async Task A_flow_question_on_Slack_lists_its_answers_by_number_and_takes_one_by_number()
    {
        var question = await SayAsync("settings", "en-US");
        var next = await SayAsync("2", "en-US");

        Assert.Contains("1. 中文\n2. English", (string?)Assert.Single(question)["text"]);
        Assert.StartsWith("Step 2 of 3", (string?)Assert.Single(next)["text"]);
        Assert.Empty((JArray?)Assert.Single(next)["attachments"] ?? []);
    }
}
