using System.Net;
using System.Text;

namespace OutreachBot.Reliability.Fuzzing;

/// <summary>The shapes the fuzzer found answered with 500 by Bot Builder, now refused at the edge with 400.</summary>
public sealed class MalformedActivityTests : IDisposable
{
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("outreachbot-malformed-");

    public void Dispose() => scratch.Delete(recursive: true);

    [Theory]
    [InlineData("serviceUrl", null)]
    [InlineData("serviceUrl", "215013632")]
    [InlineData("serviceUrl", "http:/\uFFFD/127.0.0.1:9/")]
    [InlineData("serviceUrl", "file:///etc/passwd")]
    [InlineData("conversation", null)]
    [InlineData("conversation", "{}")]
    public async Task An_activity_without_a_usable_service_url_or_conversation_id_gets_400(string field, string? value)
    {
        using var bot = new BotTestHost(BotTestOptions.AsDeployed with { Store = TestStore.Sqlite(Path.Combine(scratch.FullName, "malformed.db")) });
        using var http = bot.CreateClient();
        var activity = Activities.Message(SimulatedUser.Create("malformed", 1, "en-US"), "help");
        activity.Remove(field);
        if (value is not null)
        {
            activity[field] = value.StartsWith('{') ? System.Text.Json.Nodes.JsonNode.Parse(value) : value;
        }

        var response = await http.PostAsync(bot.MessagesEndpoint, new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
