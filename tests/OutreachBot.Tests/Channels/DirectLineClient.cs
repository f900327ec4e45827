using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace OutreachBot.Tests.Channels;

/// <summary>What botframework-webchat's DirectLine client does in polling mode, over real HTTP.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    private long watermark;

    public string ConversationId { get; private set; } = "";

    public string Token { get; private set; } = "";

    public static async Task<DirectLineClient> StartAsync(HttpClient http, string userId = "dl_test_user", string locale = "en-US")
    {
        var client = new DirectLineClient(http);
        var generated = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", new JObject { ["user"] = new JObject { ["id"] = userId }, ["locale"] = locale });
        client.Token = (string)generated["token"]!;
        var started = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", new JObject { ["user"] = new JObject { ["id"] = userId }, ["locale"] = locale });
        client.ConversationId = (string)started["conversationId"]!;
        return client;
    }

    public Task<JObject> PostAsync(JObject activity) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", activity);

    public Task<JObject> SayAsync(string text, string locale = "en-US") => PostAsync(new JObject
    {
        ["type"] = "message",
        ["text"] = text,
        ["locale"] = locale,
        ["from"] = new JObject { ["id"] = "someone-else", ["role"] = "user" },
        ["channelData"] = new JObject { ["clientActivityID"] = Guid.NewGuid().ToString("N") },
    });

    /// <summary>One poll: the activities after the last watermark.</summary>
    public async Task<IReadOnlyList<JObject>> PollAsync()
    {
        var page = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={watermark}", null);
        watermark = long.Parse((string)page["watermark"]!, System.Globalization.CultureInfo.InvariantCulture);
        return page["activities"]!.Cast<JObject>().ToList();
    }

    public async Task<HttpResponseMessage> RawAsync(HttpMethod method, string path, JObject? body, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }

    private async Task<JObject> SendAsync(HttpMethod method, string path, JObject? body)
    {
        using var response = await RawAsync(method, path, body, Token.Length > 0 ? Token : null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        Assert.NotEqual(HttpStatusCode.NoContent, response.StatusCode);
        return JObject.Parse(text);
    }
}
