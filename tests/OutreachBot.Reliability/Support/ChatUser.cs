using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace OutreachBot.Reliability.Support;

/// <summary>A simulated Teams user talking to a bot over HTTP with expectReplies.</summary>
public sealed class ChatUser(HttpClient http, Uri messages, SimulatedUser user)
{
    public SimulatedUser User => user;

    public static ChatUser As(HttpClient http, Uri messages, string locale) =>
        new(http, messages, SimulatedUser.Create(Guid.NewGuid().ToString("N")[..8], 1, locale));

    public async Task<Reply> SayAsync(string text)
    {
        using var content = new StringContent(Activities.Message(user, text).ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(messages, content);
        return new Reply(response.StatusCode, TurnClient.ReplyText(await response.Content.ReadAsStringAsync()));
    }

    public async Task<Reply> SendAsync(JsonObject activity)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(messages, content);
        return new Reply(response.StatusCode, TurnClient.ReplyText(await response.Content.ReadAsStringAsync()));
    }
}

public sealed record Reply(HttpStatusCode Status, string Text)
{
    public override string ToString() => $"{(int)Status}: {Text}";
}
