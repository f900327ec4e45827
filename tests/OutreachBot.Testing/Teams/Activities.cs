using System.Text.Json.Nodes;

namespace OutreachBot.Testing;

/// <summary>Teams personal-chat messages (the message-personal.json shape) from a simulated PM, for the HTTP harnesses.</summary>
public static class Activities
{
    public const string TenantId = "72f988bf-0000-4000-8000-0000000000aa";

    /// <summary>Nothing listens there: with expectReplies the bot never calls it, and a stray proactive call stays on this machine.</summary>
    public const string ServiceUrl = "http://127.0.0.1:9/";

    private static readonly JsonObject PersonalMessage = TeamsPayloads.LoadNode("message-personal.json");

    public static JsonObject Message(SimulatedUser user, string text, bool expectReplies = true)
    {
        var activity = PersonalMessage.DeepClone().AsObject();
        activity.Remove("localTimestamp");
        activity["id"] = Guid.NewGuid().ToString("N");
        activity["timestamp"] = DateTimeOffset.UtcNow.ToString("O");
        activity["serviceUrl"] = ServiceUrl;
        activity["from"] = new JsonObject { ["id"] = "29:" + user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId };
        activity["conversation"]!["id"] = "a:" + user.Id + "-personal";
        activity["conversation"]!["tenantId"] = TenantId;
        activity["channelData"]!["tenant"]!["id"] = TenantId;
        activity["locale"] = user.Locale;
        activity["entities"]![0]!["locale"] = user.Locale;
        activity["text"] = text;
        if (expectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        return activity;
    }
}

public sealed record SimulatedUser(string Id, string Name, string AadObjectId, string Locale)
{
    public bool IsChinese => Locale.StartsWith("zh", StringComparison.Ordinal);

    public static SimulatedUser Create(string run, int number, string locale) =>
        new($"load-{run}-{number}", (locale.StartsWith("zh", StringComparison.Ordinal) ? "压测用户" : "Load user ") + number, Guid.NewGuid().ToString(), locale);
}
