using System.Net;
using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using OutreachBot.Hosting;
using OutreachBot.Storage.ConversationReferences;

namespace OutreachBot.Tests.Channels;

/// <summary>The bot, in Development, on Kestrel at a free loopback port: the local channel needs real HTTP both ways.</summary>
public sealed class WebChatServer : IDisposable
{
    public WebChatServer()
    {
        Factory = new BotTestHost(BotTestOptions.AsDeployed with { Kestrel = true });
    }

    public BotTestHost Factory { get; }

    public HttpClient Client() => Factory.CreateClient();

    public void Dispose() => Factory.Dispose();
}

[Collection(RenderedCardsCollection.Name)]
public sealed class DirectLineChannelTests(WebChatServer server) : IClassFixture<WebChatServer>
{
    private static IReadOnlyList<JObject> Cards(IEnumerable<JObject> activities, [System.Runtime.CompilerServices.CallerMemberName] string source = "")
    {
        var cards = activities.SelectMany(a => a["attachments"]?.OfType<JObject>() ?? [])
            .Where(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive")
            .Select(a => (JObject)a["content"]!)
            .ToList();
        foreach (var card in cards)
        {
            CardCollector.Add("webchat " + source, card, card.ToString().Length);
        }

        return cards;
    }

    /// <summary>Past the welcome, the card "help" is answered with.</summary>
    private static async Task<JObject> HelpCardAsync(DirectLineClient chat, [System.Runtime.CompilerServices.CallerMemberName] string source = "")
    {
        await chat.PollAsync();
        await chat.SayAsync("help");
        return Cards(await chat.PollAsync(), source).Single();
    }

    [Fact]
    public async Task Starting_a_conversation_welcomes_the_user_with_a_card()
    {
        using var http = server.Client();
        var chat = await DirectLineClient.StartAsync(http, locale: "zh-CN");

        var activities = await chat.PollAsync();

        var welcome = Assert.Single(Cards(activities));
        Assert.Contains("你好，我是 OutreachBot", welcome.ToString());
    }

    [Fact]
    public async Task Help_posted_by_the_page_is_echoed_and_answered_with_the_help_card_on_the_next_poll()
    {
        using var http = server.Client();
        var chat = await DirectLineClient.StartAsync(http);
        await chat.PollAsync();

        var posted = await chat.SayAsync("help");
        var activities = await chat.PollAsync();

        var echo = activities[0];
        Assert.Equal((string?)posted["id"], (string?)echo["id"]);
        Assert.Equal("help", (string?)echo["text"]);
        Assert.Equal("dl_test_user", (string?)echo["from"]!["id"]);
        Assert.Equal("user", (string?)echo["from"]!["role"]);
        Assert.NotNull(echo["channelData"]!["clientActivityID"]);
        var reply = activities[1];
        Assert.Equal("bot", (string?)reply["from"]!["role"]);
        Assert.Equal((string?)echo["id"], (string?)reply["replyToId"]);
        var card = Assert.Single(Cards([reply]));
        Assert.Contains("What I can do", card.ToString());
    }

    [Fact]
    public async Task Card_buttons_reach_Web_Chat_as_Action_Submit_since_it_cannot_run_Action_Execute()
    {
        using var http = server.Client();
        var chat = await DirectLineClient.StartAsync(http);

        var card = await HelpCardAsync(chat);

        var types = card.SelectTokens("$..type").Select(t => (string)t!).ToList();
        Assert.DoesNotContain("Action.Execute", types);
        Assert.Equal(["Help", "Settings", "中文"], card["actions"]!.Select(a => (string)a["title"]!));
        Assert.All(card["actions"]!, a => Assert.Equal("Action.Submit", (string?)a["type"]));
    }

    [Fact]
    public async Task Pressing_a_card_button_posts_its_data_and_the_bots_answer_appears()
    {
        using var http = server.Client();
        var chat = await DirectLineClient.StartAsync(http, userId: "dl_button_user");
        var chinese = (await HelpCardAsync(chat))["actions"]!.Single(a => (string?)a["title"] == "中文");

        await chat.PostAsync(new JObject { ["type"] = "message", ["value"] = chinese["data"], ["locale"] = "en-US" });
        var answer = await chat.PollAsync();

        Assert.Equal("好的，以后我用中文和你交流。", (string?)answer[^1]["text"]);
    }

    [Fact]
    public async Task A_proactive_message_to_the_stored_conversation_reference_reaches_the_page()
    {
        using var http = server.Client();
        var chat = await DirectLineClient.StartAsync(http, userId: "dl_proactive_user");
        await chat.SayAsync("help");
        await chat.PollAsync();
        var user = UserKey.From(new Activity { ChannelId = "webchat", From = new ChannelAccount("dl_proactive_user") });
        var reference = await server.Factory.Services.GetRequiredService<ConversationReferenceStore>().FindForUserAsync(user, CancellationToken.None);
        var adapter = server.Factory.Services.GetRequiredService<OutreachCloudAdapter>();

        await adapter.ContinueConversationAsync(new ClaimsIdentity(), reference!, (turn, ct) => turn.SendActivityAsync("Time to call Li Lei", cancellationToken: ct), CancellationToken.None);
        var activities = await chat.PollAsync();

        Assert.Equal(chat.ConversationId, reference!.Conversation.Id);
        Assert.Equal("Time to call Li Lei", (string?)Assert.Single(activities)["text"]);
    }

    [Fact]
    public async Task A_conversation_can_be_read_and_written_only_with_its_own_token()
    {
        using var http = server.Client();
        var mine = await DirectLineClient.StartAsync(http, userId: "dl_owner");
        var other = await DirectLineClient.StartAsync(http, userId: "dl_intruder");
        var path = $"/v3/directline/conversations/{mine.ConversationId}/activities";

        using var withOtherToken = await other.RawAsync(HttpMethod.Get, path + "?watermark=0", null, other.Token);
        using var withoutToken = await other.RawAsync(HttpMethod.Post, path, new JObject { ["type"] = "message", ["text"] = "hi" }, null);
        using var unknown = await other.RawAsync(HttpMethod.Get, "/v3/directline/conversations/not-a-conversation/activities", null, other.Token);

        Assert.Equal(HttpStatusCode.Forbidden, withOtherToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("{\"text\": \"no type\"}")]
    [InlineData("{\"type\": \"invoke\", \"name\": \"adaptiveCard/action\"}")]
    [InlineData("[1, 2]")]
    [InlineData("{not json")]
    public async Task A_malformed_activity_from_the_page_gets_400_and_nothing_reaches_the_bot(string body)
    {
        using var http = server.Client();
        var chat = await DirectLineClient.StartAsync(http);
        await chat.PollAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", chat.Token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await chat.PollAsync());
    }

    [Fact]
    public async Task The_bot_side_endpoint_refuses_a_conversation_that_does_not_exist()
    {
        using var http = server.Client();

        using var response = await http.PostAsync("/v3/conversations/unknown/activities", new StringContent("{\"type\":\"message\",\"text\":\"hi\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_page_and_its_settings_are_served_in_both_languages()
    {
        using var http = server.Client();

        var page = await http.GetStringAsync("/");
        var script = await http.GetAsync("/webchat/page.js");
        var settings = JObject.Parse(await http.GetStringAsync("/webchat/settings"));

        Assert.Contains("/webchat/page.js", page);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("domain: '/v3/directline'", await script.Content.ReadAsStringAsync());
        Assert.Equal("OutreachBot 本地网页聊天", (string?)settings["texts"]!["zh-CN"]!["Page.Title"]);
        Assert.Equal("OutreachBot — local Web Chat", (string?)settings["texts"]!["en-US"]!["Page.Title"]);
    }
}
