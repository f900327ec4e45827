using System.Net;
using System.Text;

namespace OutreachBot.Tests.Hosting;

[Collection(RenderedCardsCollection.Name)]
public sealed class MessagesEndpointTests : IDisposable
{
    private readonly BotTestHost factory;

    public MessagesEndpointTests()
    {
        factory = BotFactory(new InMemoryEntityStore());
    }

    public void Dispose() => factory.Dispose();

    private static BotTestHost BotFactory(IEntityStore store, params (string Key, string? Value)[] settings) =>
        new(BotTestOptions.AsDeployed.With(settings) with { Store = TestStore.Given(store), Directory = TestDirectory.Empty });

    /// <summary>The status code a Teams personal message gets from a bot configured with <paramref name="settings"/>.</summary>
    private static async Task<HttpStatusCode> PersonalMessageStatusAsync(params (string Key, string? Value)[] settings)
    {
        using var app = BotFactory(new InMemoryEntityStore(), settings);
        using var response = await PostAsync(app, TeamsPayloads.Load("message-personal.json").ExpectingReplies().ToString());
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> PostAsync(BotTestHost app, string body, string contentType = "application/json")
    {
        using var client = app.CreateClient();
        return await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, contentType));
    }

    private static async Task<JArray> RepliesAsync(HttpResponseMessage response)
    {
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        var activities = (JArray)body["activities"]!;
        foreach (var card in activities.SelectTokens("$..attachments[?(@.contentType == 'application/vnd.microsoft.card.adaptive')].content"))
        {
            CardCollector.Add("http", card, card.Parent!.Parent!.Parent!.Parent!.ToString().Length);
        }

        return activities;
    }

    [Fact]
    public async Task A_Teams_personal_message_with_expectReplies_gets_the_reply_in_the_HTTP_response()
    {
        var activity = TeamsPayloads.Load("message-personal.json").ExpectingReplies();

        var response = await PostAsync(factory, activity.ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await RepliesAsync(response));
        Assert.Equal("需要借助对方部门的什么能力？（例如“支付网关”）", (string?)reply.SelectToken("attachments[0].content.body[0].text"));
    }

    [Fact]
    public async Task A_channel_mention_is_stripped_before_the_command_is_read()
    {
        var activity = TeamsPayloads.Load("message-channel-mention.json").ExpectingReplies().WithText("<at>OutreachBot</at> help");

        var response = await PostAsync(factory, activity.ToString());

        var replies = await RepliesAsync(response);
        Assert.Contains("What I can do", replies.ToString());
    }

    [Fact]
    public async Task A_mention_entity_without_its_mentioned_account_is_ignored_rather_than_failing_the_turn()
    {
        var activity = TeamsPayloads.Load("message-channel-mention.json").ExpectingReplies().WithText("<at>OutreachBot</at> help");
        activity["entities"] = new JArray(new JObject { ["type"] = "mention", ["text"] = "<at>OutreachBot</at>" });

        var response = await PostAsync(factory, activity.ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("What I can do", (await RepliesAsync(response)).ToString());
    }

    [Theory]
    [InlineData("composeExtension/query")]
    [InlineData("task/fetch")]
    public async Task An_invoke_the_bot_does_not_offer_gets_400_not_a_server_error(string name)
    {
        var activity = TeamsPayloads.Load("invoke-adaptive-card-action.json");
        activity["name"] = name;

        var response = await PostAsync(factory, activity.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Install_gets_a_welcome_card_in_the_users_language()
    {
        var activity = TeamsPayloads.Load("conversation-update-install.json").ExpectingReplies();
        activity["locale"] = "zh-CN";

        var response = await PostAsync(factory, activity.ToString());

        Assert.Contains("你好，我是 OutreachBot", (await RepliesAsync(response)).ToString());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"hello\": \"world\"}")]
    [InlineData("{\"type\": 42}")]
    [InlineData("")]
    public async Task A_body_that_is_not_an_activity_gets_400_not_500(string body)
    {
        var response = await PostAsync(factory, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_with_one_megabyte_of_text_is_refused_and_the_bot_keeps_serving()
    {
        var huge = TeamsPayloads.Load("message-personal.json").ExpectingReplies().WithText(new string('长', 1024 * 1024));
        var normal = TeamsPayloads.Load("message-personal.json").ExpectingReplies().WithText("help");

        var refused = await PostAsync(factory, huge.ToString());
        var after = await PostAsync(factory, normal.ToString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task An_activity_from_a_tenant_outside_the_allow_list_is_refused_with_403()
    {
        var status = await PersonalMessageStatusAsync(("Bot:AllowedTenantIds:0", "11111111-0000-4000-8000-000000000000"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task An_activity_from_an_allowed_tenant_is_served()
    {
        var status = await PersonalMessageStatusAsync(("Bot:AllowedTenantIds:0", "72f988bf-0000-4000-8000-0000000000aa"));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task With_an_app_id_configured_a_request_without_a_token_gets_401()
    {
        var status = await PersonalMessageStatusAsync(("MicrosoftAppId", "00000000-0000-4000-8000-0000000000b0"), ("MicrosoftAppPassword", "not-a-real-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task In_local_mode_a_stray_bearer_token_is_ignored_rather_than_validated_against_Microsofts_keys()
    {
        var activity = TeamsPayloads.Load("message-personal.json").ExpectingReplies();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6Ing_In0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2ln");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task When_storage_is_down_the_user_is_asked_to_try_again_without_a_stack_trace()
    {
        using var app = BotFactory(new UnavailableStore());
        var activity = TeamsPayloads.Load("message-personal.json").ExpectingReplies().WithText("帮助");

        var response = await PostAsync(app, activity.ToString());

        var text = (await RepliesAsync(response)).ToString();
        Assert.Contains("抱歉，暂时无法访问数据存储，请稍后再试。", text);
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain(" at ", text);
    }

    [Fact]
    public async Task Healthz_is_200_when_storage_answers_and_503_when_it_does_not()
    {
        using var down = BotFactory(new UnavailableStore());
        using var upClient = factory.CreateClient();
        using var downClient = down.CreateClient();

        var up = await upClient.GetAsync("/healthz");
        var failing = await downClient.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failing.StatusCode);
    }

    /// <summary>A store whose backing service is unreachable: every call fails the way the adapters report it.</summary>
    private sealed class UnavailableStore : IEntityStore
    {
        private static StorageUnavailableException Down() => new("storage is unreachable (test)");

        public Task<StoredEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) => throw Down();

        public Task<StoredEntity> InsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) => throw Down();

        public Task<StoredEntity> ReplaceAsync(string table, StoredEntity entity, CancellationToken cancellationToken = default) => throw Down();

        public Task<StoredEntity> UpsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) => throw Down();

        public Task DeleteAsync(string table, string partitionKey, string rowKey, string? etag, CancellationToken cancellationToken = default) => throw Down();

        public Task<EntityPage> QueryAsync(string table, string partitionKey, RowKeyRange range, int pageSize, string? continuationToken, CancellationToken cancellationToken = default) => throw Down();

        public Task<IReadOnlyList<StoredEntity>> SubmitBatchAsync(string table, string partitionKey, IReadOnlyList<EntityOperation> operations, CancellationToken cancellationToken = default) => throw Down();

        public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);
    }
}
