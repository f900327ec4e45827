using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace OutreachBot.Reliability.Security;

/// <summary>
/// The real bot process (Development, so a leaked stack trace would show) with an app id and a tenant allow-list,
/// validating tokens offline against <see cref="LoopbackOpenIdProvider"/>, attacked over HTTP with Teams activities.
/// </summary>
public sealed class AuthenticationTests(AuthenticationTests.Edge edge) : IClassFixture<AuthenticationTests.Edge>
{
    public const string AppId = "00000000-0000-4000-8000-0000000000b0";
    public const string AllowedTenant = "72f988bf-0000-4000-8000-0000000000aa";
    private const string OtherTenant = "11111111-0000-4000-8000-0000000000ff";

    public static TheoryData<string> TokensThatDoNotValidate =>
    [
        "no Authorization header",
        "an empty bearer",
        "a Basic credential",
        "a bearer that is no JWT",
        "the review's RS256 header with a garbage payload",
        "a header that is not JSON",
        "a payload that is not an object",
        "an unsigned token (alg none)",
        "HS256 keyed with the channel's public key",
        "HS256 signed by someone else with an untrusted issuer",
        "PS256, which Bot Framework does not sign with",
        "a forged signature under the trusted key id",
        "an unknown key id",
        "a signature cut short",
        "a not-before an hour ahead",
        "expired an hour ago",
        "no expiry",
        "an untrusted issuer",
        "the audience of another bot",
        "another service URL",
        "a key endorsed only for Web Chat",
        "an Emulator issuer",
        "a skill's claims",
        "20 KB of claims",
    ];

    [Theory]
    [MemberData(nameof(TokensThatDoNotValidate))]
    public async Task A_Teams_message_with_a_token_that_does_not_validate_gets_401_and_no_body(string token)
    {
        var activity = TeamsActivity.Load("message-personal.json").ExpectingReplies();

        var (status, body) = await edge.PostAsync(activity, Authorization(token, activity.ServiceUrl()));

        Assert.True(status == HttpStatusCode.Unauthorized, $"{token}: {(int)status} {body}");
        Assert.Equal("", body);
    }

    [Theory]
    [InlineData("message-personal.json")]
    [InlineData("message-channel-mention.json")]
    [InlineData("conversation-update-install.json")]
    public async Task A_correctly_signed_Teams_activity_reaches_the_bot_and_gets_its_reply(string shape)
    {
        var activity = TeamsActivity.Load(shape).ExpectingReplies();

        var (status, body) = await edge.PostAsync(activity, edge.Provider.TokenFor(AppId, activity.ServiceUrl()).Bearer);

        Assert.True(status == HttpStatusCode.OK, $"{(int)status} {body}{Environment.NewLine}{edge.Bot.RecentOutput}");
        Assert.NotEmpty(JsonNode.Parse(body)!["activities"]!.AsArray());
    }

    [Fact]
    public async Task Without_a_valid_token_a_tenant_outside_the_allow_list_also_gets_401_so_the_list_cannot_be_probed()
    {
        var outside = TeamsActivity.Load("message-personal.json").ExpectingReplies().FromTenant(OtherTenant);
        var inside = TeamsActivity.Load("message-personal.json").ExpectingReplies();

        var (outsideStatus, _) = await edge.PostAsync(outside, Authorization("an unknown key id", outside.ServiceUrl()));
        var (insideStatus, _) = await edge.PostAsync(inside, Authorization("an unknown key id", inside.ServiceUrl()));

        Assert.Equal(HttpStatusCode.Unauthorized, outsideStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, insideStatus);
    }

    [Fact]
    public async Task With_a_valid_token_a_tenant_outside_the_allow_list_gets_403_and_the_bot_keeps_serving()
    {
        var outside = TeamsActivity.Load("message-personal.json").ExpectingReplies().FromTenant(OtherTenant);
        var inside = TeamsActivity.Load("message-personal.json").ExpectingReplies();

        var (outsideStatus, _) = await edge.PostAsync(outside, edge.Provider.TokenFor(AppId, outside.ServiceUrl()).Bearer);
        var (insideStatus, _) = await edge.PostAsync(inside, edge.Provider.TokenFor(AppId, inside.ServiceUrl()).Bearer);

        Assert.Equal(HttpStatusCode.Forbidden, outsideStatus);
        Assert.Equal(HttpStatusCode.OK, insideStatus);
    }

    private string? Authorization(string token, string serviceUrl)
    {
        var valid = edge.Provider.TokenFor(AppId, serviceUrl);
        var now = DateTimeOffset.UtcNow;
        return token switch
        {
            "no Authorization header" => null,
            "an empty bearer" => "Bearer ",
            "a Basic credential" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot:secret")),
            "a bearer that is no JWT" => "Bearer not-a-token",
            "the review's RS256 header with a garbage payload" => "Bearer eyJhbGciOiJSUzI1NiJ9.eA.x",
            "a header that is not JSON" => "Bearer " + Base64UrlEncoder.Encode("{not json") + "." + valid.Encode().Split('.')[1] + ".c2ln",
            "a payload that is not an object" => "Bearer " + valid.Encode().Split('.')[0] + "." + Base64UrlEncoder.Encode("[1,2]") + ".c2ln",
            "an unsigned token (alg none)" => (valid with { Algorithm = "none" }).Bearer,
            "HS256 keyed with the channel's public key" =>
                (valid with { Algorithm = "HS256", HmacSecret = edge.Provider.TeamsKey.Rsa.ExportSubjectPublicKeyInfo() }).Bearer,
            "HS256 signed by someone else with an untrusted issuer" =>
                (valid with { Algorithm = "HS256", HmacSecret = RandomNumberGenerator.GetBytes(32), Issuer = "https://evil.example.com/" }).Bearer,
            "PS256, which Bot Framework does not sign with" => (valid with { Algorithm = "PS256" }).Bearer,
            "a forged signature under the trusted key id" => (valid with { Key = edge.Attacker, KeyId = edge.Provider.TeamsKey.Id }).Bearer,
            "an unknown key id" => (valid with { Key = edge.Attacker }).Bearer,
            "a signature cut short" => valid.Bearer[..^12],
            "a not-before an hour ahead" => (valid with { NotBefore = now.AddHours(1), Expires = now.AddHours(2) }).Bearer,
            "expired an hour ago" => (valid with { NotBefore = now.AddHours(-2), Expires = now.AddHours(-1) }).Bearer,
            "no expiry" => (valid with { Expires = null }).Bearer,
            "an untrusted issuer" => (valid with { Issuer = "https://evil.example.com/" }).Bearer,
            "the audience of another bot" => (valid with { Audience = "00000000-0000-4000-8000-0000000000b1" }).Bearer,
            "another service URL" => (valid with { ServiceUrl = "https://evil.example.com/" }).Bearer,
            "a key endorsed only for Web Chat" => (valid with { Key = edge.Provider.WebChatKey }).Bearer,
            "an Emulator issuer" => (valid with
            {
                Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
                ExtraClaims = new Dictionary<string, string> { ["ver"] = "1.0", ["appid"] = AppId },
            }).Bearer,
            "a skill's claims" => (valid with
            {
                Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
                ExtraClaims = new Dictionary<string, string> { ["ver"] = "1.0", ["appid"] = "00000000-0000-4000-8000-0000000000c5" },
            }).Bearer,
            "20 KB of claims" => (valid with { ExtraClaims = new Dictionary<string, string> { ["pad"] = new string('a', 20 * 1024) } }).Bearer,
            _ => throw new ArgumentOutOfRangeException(nameof(token), token, "no such case"),
        };
    }

    /// <summary>One loopback OpenID provider and one bot process for the class: starting a bot takes seconds.</summary>
    public sealed class Edge : IAsyncLifetime
    {
        private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(15) };
        private LoopbackOpenIdProvider? provider;
        private BotProcess? bot;

        public LoopbackOpenIdProvider Provider => provider!;

        public BotProcess Bot => bot!;

        /// <summary>A key nobody published.</summary>
        public SigningKey Attacker { get; } = SigningKey.Create("attacker-key");

        public async Task InitializeAsync()
        {
            provider = await LoopbackOpenIdProvider.StartAsync();
            var settings = new Dictionary<string, string>(provider.BotSettings(AppId))
            {
                ["Storage__Provider"] = "InMemory",
                ["Bot__AllowedTenantIds__0"] = AllowedTenant,
            };
            bot = await BotProcess.StartAsync(RepositoryPaths.OutreachBotDll, settings);
        }

        public async Task DisposeAsync()
        {
            http.Dispose();
            Attacker.Dispose();
            if (bot is not null)
            {
                await bot.DisposeAsync();
            }

            if (provider is not null)
            {
                await provider.DisposeAsync();
            }
        }

        public async Task<(HttpStatusCode Status, string Body)> PostAsync(JsonObject activity, string? authorization)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Bot.MessagesEndpoint)
            {
                Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}
