using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OutreachBot.Domain.Directory;

namespace OutreachBot.Tests.Features.Directory;

public sealed class DirectoryStartupTests
{
    [Fact]
    public async Task The_org_directory_is_loaded_before_the_bot_serves_its_first_request()
    {
        using var app = new BotTestHost(BotTestOptions.AsDeployed with { Store = TestStore.InMemory() });
        using var client = app.CreateClient();
        var find = TeamsPayloads.Load("message-personal.json").ExpectingReplies().WithText("find Payments Platform");
        find["locale"] = "en-US";

        using var first = await client.PostAsync("/api/messages", new StringContent(find.ToString(), System.Text.Encoding.UTF8, "application/json"));

        var said = string.Join("\n", JObject.Parse(await first.Content.ReadAsStringAsync()).SelectTokens("$..text").Select(t => (string?)t));
        Assert.Contains("1.\nPayments Platform", said);
        var directory = app.Services.GetRequiredService<LiveDirectory>().Current.Directory;
        Assert.True(directory.Departments.Count > 100, $"only {directory.Departments.Count} departments right after start");
    }
}
