using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using OutreachBot.Load;

namespace OutreachBot.Reliability.Security;

/// <summary>The real Kestrel process with an app id and a tenant allow-list, attacked over HTTP.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string OtherTenant = "11111111-0000-4000-8000-0000000000ff";
    private BotProcess? bot;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(15) };

    public async Task InitializeAsync() =>
        bot = await BotProcess.StartAsync(RepositoryPaths.OutreachBotDll, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "InMemory",
            ["MicrosoftAppId"] = "00000000-0000-4000-8000-0000000000b0",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["Bot__AllowedTenantIds__0"] = Activities.TenantId,
        });

    public async Task DisposeAsync()
    {
        http.Dispose();
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }
    }

    public static TheoryData<string, string?> Credentials => new()
    {
        { "no Authorization header", null },
        { "a bearer value that is no JWT", "Bearer not-a-token" },
        { "a basic credential", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot:secret")) },
        { "a JWT signed by someone else with an untrusted issuer", "Bearer " + ForgedJwt("https://evil.example.com/") },
        { "an unsigned JWT", "Bearer " + UnsignedJwt() },
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task A_request_from_an_allowed_tenant_without_a_valid_Bot_Framework_token_gets_401(string what, string? authorization)
    {
        var response = await PostAsync(Activities.TenantId, authorization);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_request_from_a_tenant_outside_the_allow_list_is_refused_before_anything_else()
    {
        var response = await PostAsync(OtherTenant, authorization: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(bot!.BaseAddress, "/healthz"))).StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string tenant, string? authorization)
    {
        var activity = Activities.Message(SimulatedUser.Create("auth", 1, "en-US"), "help");
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"]!["tenant"]!["id"] = tenant;
        using var request = new HttpRequestMessage(HttpMethod.Post, bot!.MessagesEndpoint)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return await http.SendAsync(request);
    }

    private static string ForgedJwt(string issuer)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}""");
        var payload = Base64Url($$"""{"iss":"{{issuer}}","aud":"00000000-0000-4000-8000-0000000000b0","serviceurl":"{{Activities.ServiceUrl}}","nbf":{{now - 60}},"exp":{{now + 3600}}}""");
        var signature = Convert.ToBase64String(HMACSHA256.HashData(RandomNumberGenerator.GetBytes(32), Encoding.ASCII.GetBytes(header + "." + payload)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{header}.{payload}.{signature}";
    }

    private static string UnsignedJwt()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Base64Url("""{"alg":"none","typ":"JWT"}""") + "." +
               Base64Url($$"""{"iss":"https://api.botframework.com","aud":"00000000-0000-4000-8000-0000000000b0","nbf":{{now - 60}},"exp":{{now + 3600}}}""") + ".";
    }

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
