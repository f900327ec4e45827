using System.Net;
using System.Text;

namespace OutreachBot.Reliability.Security;

/// <summary>Outside Development, a bot without an identity does not start unless someone asked for local mode.</summary>
public sealed class FailClosedStartupTests
{
    private static Task<BotProcess> StartAsync(string environment, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = environment, ["Storage__Provider"] = "InMemory" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return BotProcess.StartAsync(RepositoryPaths.OutreachBotDll, all);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Without_MicrosoftAppId_the_bot_refuses_to_start_and_names_the_setting_that_would_allow_it(string environment)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(environment));

        Assert.Contains($"MicrosoftAppId is not set in the {environment} environment", failure.Message);
        Assert.Contains("Bot:LocalMode=true", failure.Message);
    }

    [Fact]
    public async Task With_Bot_LocalMode_it_starts_unauthenticated_on_purpose_and_says_so()
    {
        await using var bot = await StartAsync("Production", ("Bot__LocalMode", "true"));
        using var http = new HttpClient();
        var activity = TeamsActivity.Load("message-personal.json").ExpectingReplies();

        using var response = await http.PostAsync(bot.MessagesEndpoint, new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(bot.Output, l => l.Contains("requests to /api/messages are NOT authenticated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Partly_configured_authentication_endpoints_stop_the_start_naming_what_is_missing()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(
            "Production",
            ("MicrosoftAppId", AuthenticationTests.AppId),
            ("MicrosoftAppPassword", "not-a-real-secret"),
            ("ToBotFromChannelOpenIdMetadataUrl", "https://127.0.0.1:1/v1/.well-known/openidconfiguration")));

        Assert.Contains("ToBotFromChannelTokenIssuer", failure.Message);
        Assert.Contains("OAuthUrl", failure.Message);
    }
}
