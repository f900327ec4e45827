using System.Text.Json.Nodes;

namespace OutreachBot.Load;

/// <summary>Teams-shaped activities (tests/OutreachBot.Tests/TestData/teams-activities/message-personal.json) for a simulated PM.</summary>
public static class Activities
{
    public const string TenantId = "72f988bf-0000-4000-8000-0000000000aa";

    /// <summary>Nothing listens there: with expectReplies the bot never calls it, and a stray proactive call stays on this machine.</summary>
    public const string ServiceUrl = "http://127.0.0.1:9/";

    public static JsonObject Message(SimulatedUser user, string text, bool expectReplies = true)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:" + user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = "a:" + user.Id + "-personal" },
            ["recipient"] = new JsonObject { ["id"] = "28:00000000-0000-4000-8000-0000000000b0", ["name"] = "OutreachBot" },
            ["textFormat"] = "plain",
            ["locale"] = user.Locale,
            ["text"] = text,
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = user.Locale, ["timezone"] = "Asia/Shanghai" }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        };
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
