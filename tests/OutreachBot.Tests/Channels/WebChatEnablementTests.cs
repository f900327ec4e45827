using System.Net;

namespace OutreachBot.Tests.Channels;

public sealed class WebChatEnablementTests
{
    private static async Task<(HttpStatusCode Page, HttpStatusCode Token)> ProbeAsync(string environment, params (string Key, string? Value)[] settings)
    {
        using var factory = new BotTestHost(BotTestOptions.AsDeployed.With(settings) with { Environment = environment });
        using var client = factory.CreateClient();
        using var page = await client.GetAsync("/");
        using var token = await client.PostAsync("/v3/directline/tokens/generate", null);
        return (page.StatusCode, token.StatusCode);
    }

    [Fact]
    public async Task Outside_Development_Web_Chat_is_off_and_its_paths_are_404()
    {
        var probed = await ProbeAsync("Production", ("Bot:LocalMode", "true"));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), probed);
    }

    [Fact]
    public async Task WebChat_Enabled_turns_it_on_in_any_environment()
    {
        var probed = await ProbeAsync("Production", ("WebChat:Enabled", "true"), ("Bot:LocalMode", "true"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), probed);
    }

    [Fact]
    public async Task WebChat_Enabled_false_turns_it_off_in_Development()
    {
        var (page, _) = await ProbeAsync("Development", ("WebChat:Enabled", "false"));

        Assert.Equal(HttpStatusCode.NotFound, page);
    }

    [Fact]
    public async Task With_a_Microsoft_app_id_Web_Chat_stays_off_because_its_channel_cannot_sign_activities()
    {
        var probed = await ProbeAsync("Development", ("MicrosoftAppId", "00000000-0000-4000-8000-0000000000b0"), ("MicrosoftAppPassword", "not-a-real-secret"));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), probed);
    }
}
