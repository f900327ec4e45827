using Microsoft.Bot.Schema;

namespace OutreachBot.Tests.Chat;

[Collection(RenderedCardsCollection.Name)]
public sealed class CardActionTranscriptTests : IDisposable
{
    private readonly BotTestHost host = new();

    public void Dispose() => host.Dispose();

    private Task<UserProfile> ProfileAsync(string userId) =>
        host.Services.GetRequiredService<UserProfileStore>().GetAsync(new UserKey($"test:{userId}"), CancellationToken.None);

    [Fact]
    public async Task A_card_submission_and_the_same_action_typed_give_the_same_result()
    {
        var typing = host.Chat(userId: "typist");
        var clicking = host.Chat(userId: "clicker");
        var help = await clicking.SayAsync("help");
        var submitData = Testing.Transcript.FindAction(help.Cards()[0], "中文")["fallback"]!["data"]!.ToObject<Dictionary<string, string>>()!;

        var typed = await typing.SayAsync("language zh");
        var submitted = await clicking.SubmitAsync(submitData);

        Assert.Equal(Assert.Single(typed).Text, Assert.Single(submitted).Text);
        Assert.Equal("zh-CN", (await ProfileAsync("typist")).Language);
        Assert.Equal("zh-CN", (await ProfileAsync("clicker")).Language);
    }

    [Fact]
    public async Task Action_Execute_returns_200_with_the_updated_card()
    {
        var chat = host.Chat();
        var welcome = await chat.SayAsync("help");

        var replies = await chat.PressAsync(welcome.Cards()[0], "Settings");

        var response = replies.InvokeResponse();
        Assert.Equal(200, response.Status);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(response.Body);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.Type);
        Assert.Contains("Step 1 of 3", replies.AllText());
    }

    [Fact]
    public async Task Action_Execute_that_runs_a_text_only_command_answers_with_a_card_of_that_text()
    {
        var chat = host.Chat();

        var replies = await chat.ExecuteAsync(new { action = new { type = "Action.Execute", verb = "language", data = new { verb = "language", args = "en" } } });

        Assert.Equal(200, replies.InvokeResponse().Status);
        Assert.Equal("OK, I'll speak English from now on.", replies.AllText());
    }

    public static TheoryData<string, object?> MalformedInvokes => new()
    {
        { "no value", null },
        { "no action", new { trigger = "manual" } },
        { "no verb", new { action = new { type = "Action.Execute", data = new { x = "1" } } } },
        { "verb not a string", new { action = new { type = "Action.Execute", verb = 42 } } },
        { "data not an object", new { action = new { type = "Action.Execute", verb = "language", data = "zh" } } },
        { "unknown verb", new { action = new { type = "Action.Execute", verb = "selfDestruct" } } },
    };

    [Theory]
    [MemberData(nameof(MalformedInvokes))]
    public async Task A_malformed_invoke_gets_a_400_class_response_and_a_visible_message(string why, object? value)
    {
        var chat = host.Chat(locale: "zh-CN");

        var replies = await chat.ExecuteAsync(value);

        var response = replies.InvokeResponse();
        Assert.True(response.Status is >= 400 and < 500, why);
        Assert.Contains(replies, r => r.Text == "这个按钮无法处理，可能来自一条旧消息。请直接输入命令。");
    }

    [Fact]
    public async Task A_submission_without_a_verb_is_answered_not_thrown()
    {
        var chat = host.Chat();

        var replies = await chat.SubmitAsync(new Dictionary<string, string> { ["foo"] = "bar" });

        Assert.StartsWith("That button didn't work", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Slack_gets_the_same_content_as_text_with_numbered_choices_it_can_type_back()
    {
        var chat = host.Chat(channel: "slack");

        var help = await chat.SayAsync("help");
        var picked = await chat.SayAsync("3");

        var reply = Assert.Single(help);
        Assert.Empty(reply.Attachments ?? []);
        Assert.Contains("What I can do", reply.Text);
        Assert.Contains("1. Help\n2. Settings\n3. 中文", reply.Text);
        Assert.EndsWith("(Reply with a number to choose.)", reply.Text);
        Assert.Equal("好的，以后我用中文和你交流。", Assert.Single(picked).Text);
    }

    [Fact]
    public async Task Slack_flow_choices_are_numbered_and_answerable_by_number()
    {
        var chat = host.Chat(channel: "slack");

        var question = await chat.SayAsync("settings");
        var next = await chat.SayAsync("1");

        Assert.Contains("1. 中文\n2. English", Assert.Single(question).Text);
        Assert.StartsWith("Step 2 of 3", Assert.Single(next).Text);
    }
}
