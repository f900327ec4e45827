using System.Text.Json.Nodes;

namespace OutreachBot.Reliability.Support;

public static class ChatUserExtensions
{
    /// <summary>An Action.Submit from a card button: a message with no text and the verb with its data as value.</summary>
    public static Task<Reply> SubmitAsync(this ChatUser user, string verb, IReadOnlyDictionary<string, string> data)
    {
        var activity = Activities.Message(user.User, "");
        activity.Remove("text");
        var value = new JsonObject { ["verb"] = verb };
        foreach (var (key, text) in data)
        {
            value[key] = text;
        }

        activity["value"] = value;
        return user.SendAsync(activity);
    }

    /// <summary>A message whose conversation reference points at <paramref name="serviceUrl"/> (a fake connector) for proactive sends.</summary>
    public static Task<Reply> SayViaAsync(this ChatUser user, string serviceUrl, string text)
    {
        var activity = Activities.Message(user.User, text);
        activity["serviceUrl"] = serviceUrl;
        return user.SendAsync(activity);
    }
}
