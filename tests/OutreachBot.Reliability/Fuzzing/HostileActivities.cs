using System.Text;
using System.Text.Json.Nodes;

namespace OutreachBot.Reliability.Fuzzing;

public enum HostileKind
{
    BrokenJson,
    WrongTypes,
    MissingIds,
    HugeValues,
    DeepNesting,
    InvalidUnicode,
    ForgedCardAction,
    ForgedInvoke,
    MentionOnly,
    OddActivityType,
}

public sealed record HostileActivity(HostileKind Kind, byte[] Body, string? InvokeName = null, bool ExpectsReplies = false)
{
    public string Preview => Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 1200));
}

/// <summary>
/// Seeded generator of malformed and hostile bodies for POST /api/messages. Every body starts from a valid Teams message
/// and breaks one thing (or several), so the bot's defences are hit at every layer: the edge guards, Bot Builder's
/// deserialisation, the router, the card-action readers and the storage keys.
/// </summary>
public sealed class HostileActivities(int seed)
{
    private static readonly string[] Fields = ["type", "id", "from", "conversation", "recipient", "text", "locale", "value", "entities", "channelData", "serviceUrl", "channelId", "timestamp", "attachments", "name", "deliveryMode", "membersAdded"];
    private static readonly string[] KnownVerbs = ["help", "language", "timezone", "iam", "settings", "cancel", "flow.answer", "new", "find", "outcome", "status", "", " ", "../../etc/passwd", "help; DROP TABLE BotState;--"];
    private readonly Random random = new(seed);
    private readonly SimulatedUser[] users = Enumerable.Range(0, 50).Select(n => SimulatedUser.Create("fuzz", n, n % 2 == 0 ? "zh-CN" : "en-US")).ToArray();

    public HostileActivity Next()
    {
        var kind = (HostileKind)random.Next(Enum.GetValues<HostileKind>().Length);
        if (kind is HostileKind.BrokenJson or HostileKind.InvalidUnicode)
        {
            return new HostileActivity(kind, kind == HostileKind.BrokenJson ? BrokenJson() : InvalidUnicode());
        }

        var activity = Mutate(kind);
        var invokeName = StringOf(activity["type"]) == "invoke" ? StringOf(activity["name"]) : null;
        return new HostileActivity(kind, Utf8(activity), invokeName, StringOf(activity["deliveryMode"]) == "expectReplies");
    }

    private JsonObject Valid()
    {
        var activity = Activities.Message(users[random.Next(users.Length)], Pick(["help", "帮助", "find 支付", "language en", "timezone Asia/Tokyo", "settings", "iam li@example.com", "hello"]));
        if (random.Next(5) == 0)
        {
            activity.Remove("deliveryMode");
        }

        return activity;
    }

    private JsonObject Mutate(HostileKind kind)
    {
        var activity = Valid();
        switch (kind)
        {
            case HostileKind.WrongTypes:
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    activity[Pick(Fields)] = WrongValue();
                }

                break;
            case HostileKind.MissingIds:
                foreach (var field in new[] { "id", "from", "conversation", "recipient", "serviceUrl", "channelId", "locale" }.Where(_ => random.Next(2) == 0))
                {
                    activity.Remove(field);
                }

                if (random.Next(3) == 0)
                {
                    activity["from"] = new JsonObject { ["name"] = "no id" };
                    activity["conversation"] = new JsonObject { ["tenantId"] = Activities.TenantId };
                }

                break;
            case HostileKind.HugeValues:
                var size = Pick([10_000, 60_000, 200_000, 300_000]);
                var target = Pick(["text", "from.id", "conversation.id", "locale", "channelId", "value.verb", "entities"]);
                var huge = new string(Pick(['长', 'a', '\'', '/', '#', '?', '\\']), size / 3);
                switch (target)
                {
                    case "text": activity["text"] = huge; break;
                    case "from.id": activity["from"]!["id"] = huge; activity["from"]!.AsObject().Remove("aadObjectId"); break;
                    case "conversation.id": activity["conversation"]!["id"] = huge; break;
                    case "value.verb": activity["text"] = ""; activity["value"] = new JsonObject { ["verb"] = huge }; break;
                    case "entities": activity["entities"] = new JsonArray(Enumerable.Range(0, size / 100).Select(n => (JsonNode)new JsonObject { ["type"] = "mention", ["text"] = "<at>x</at>" + n }).ToArray()); break;
                    default: activity[target] = huge; break;
                }

                break;
            case HostileKind.DeepNesting:
                JsonNode nested = new JsonObject { ["verb"] = "help" };
                for (var depth = random.Next(10, 200); depth > 0; depth--)
                {
                    nested = random.Next(2) == 0 ? new JsonObject { ["a"] = nested } : new JsonArray(nested);
                }

                activity[Pick(["value", "channelData", "text", "entities", "from"])] = nested;
                break;
            case HostileKind.ForgedCardAction:
                activity["text"] = Pick(["", " ", null!]);
                activity["value"] = Pick<JsonNode?>([
                    new JsonObject { ["verb"] = Pick(KnownVerbs), ["language"] = Pick(["xx", "zh", "", "'; --"]), ["timezone"] = "Mars/Olympus" },
                    new JsonObject { ["verb"] = new JsonArray(1, 2) },
                    new JsonObject { ["verb"] = 42 },
                    new JsonObject { ["msteams"] = new JsonObject { ["type"] = "messageBack" } },
                    new JsonObject(),
                    JsonValue.Create("verb=help"),
                    new JsonArray("help"),
                    null,
                    new JsonObject { ["verb"] = "flow.answer", ["flow"] = "settings", ["step"] = Pick([-1, 99, int.MaxValue]), ["value"] = "zh-CN" },
                ]);
                break;
            case HostileKind.ForgedInvoke:
                activity["type"] = "invoke";
                activity["name"] = Pick(["adaptiveCard/action", "adaptiveCard/action", "composeExtension/query", "task/fetch", "signin/verifyState", "", "x"]);
                activity["value"] = Pick<JsonNode?>([
                    new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = Pick(KnownVerbs), ["data"] = new JsonObject { ["verb"] = "language", ["language"] = "en" } } },
                    new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = 7 } },
                    new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "timezone", ["data"] = new JsonArray("Asia/Tokyo") } },
                    new JsonObject { ["action"] = "help" },
                    new JsonObject(),
                    null,
                    JsonValue.Create(12),
                ]);
                break;
            case HostileKind.MentionOnly:
                activity["conversation"]!["conversationType"] = Pick(["channel", "groupChat", "personal"]);
                activity["text"] = Pick(["<at>OutreachBot</at>", "<at>OutreachBot</at> ", "<at>OutreachBot</at><at>OutreachBot</at>", "<at></at>", "<at>OutreachBot", "</at>", "<at>OutreachBot</at>\u00a0\u200b"]);
                activity["entities"] = new JsonArray(new JsonObject
                {
                    ["type"] = "mention",
                    ["text"] = Pick(["<at>OutreachBot</at>", "", "<at>"]),
                    ["mentioned"] = Pick<JsonNode?>([new JsonObject { ["id"] = "28:00000000-0000-4000-8000-0000000000b0", ["name"] = "OutreachBot" }, null, JsonValue.Create("bot")]),
                });
                break;
            case HostileKind.OddActivityType:
                activity["type"] = Pick(["event", "typing", "conversationUpdate", "installationUpdate", "messageReaction", "endOfConversation", "messageUpdate", "messageDelete", "handoff", "trace", "MESSAGE", "unknownType", "\u0000"]);
                activity["action"] = Pick(["add", "remove", "add-upgrade", "", "x"]);
                activity["membersAdded"] = Pick<JsonNode?>([new JsonArray(new JsonObject { ["id"] = "29:someone" }), new JsonArray(), new JsonArray(JsonValue.Create(1)), null]);
                activity["reactionsAdded"] = Pick<JsonNode?>([new JsonArray(new JsonObject { ["type"] = "like" }), JsonValue.Create("like"), null]);
                break;
        }

        return activity;
    }

    private byte[] BrokenJson()
    {
        var valid = Utf8(Valid());
        return random.Next(6) switch
        {
            0 => valid[..random.Next(valid.Length)],
            1 => [.. valid[..random.Next(valid.Length)], (byte)Pick(['{', '[', '"', ',', ':', '}']), .. valid[random.Next(valid.Length)..]],
            2 => Enumerable.Range(0, random.Next(1, 2000)).Select(_ => (byte)random.Next(256)).ToArray(),
            3 => Encoding.UTF8.GetBytes(Pick(["null", "true", "42", "\"message\"", "[]", "{}", "{\"type\":null}", "{\"type\":\"\"}", "{\"type\":[\"message\"]}", "{\"type\":\"message\",\"type\":\"invoke\"}"])),
            4 => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(valid).Replace("\"", "'", StringComparison.Ordinal)),
            _ => [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. valid],
        };
    }

    private byte[] InvalidUnicode()
    {
        var json = Valid().ToJsonString();
        var insert = Pick(["\\ud800", "\\udfff", "\\ud83d", "\\u0000", "\\uffff", "\\ufffe", "\\u202e", "\\ud800\\ud800", "\\udc00x"]);
        var text = json.Replace("\"text\":\"", "\"text\":\"" + insert, StringComparison.Ordinal);
        if (random.Next(2) == 0)
        {
            text = text.Replace("\"name\":\"", "\"name\":\"" + insert, StringComparison.Ordinal);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (random.Next(3) == 0)
        {
            var at = Array.IndexOf(bytes, (byte)':', random.Next(bytes.Length / 2)) + 2;
            bytes = [.. bytes[..Math.Clamp(at, 0, bytes.Length)], .. Pick<byte[]>([[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80]]), .. bytes[Math.Clamp(at, 0, bytes.Length)..]];
        }

        return bytes;
    }

    private JsonNode? WrongValue() => random.Next(7) switch
    {
        0 => JsonValue.Create(random.Next()),
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => new JsonArray(1, "two", null),
        3 => new JsonObject { ["unexpected"] = new JsonObject { ["x"] = 1 } },
        4 => null,
        5 => JsonValue.Create(double.MaxValue),
        _ => JsonValue.Create("2026-13-45T99:99:99Z"),
    };

    private static string? StringOf(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private T Pick<T>(T[] options) => options[random.Next(options.Length)];

    private static byte[] Utf8(JsonObject activity) => Encoding.UTF8.GetBytes(activity.ToJsonString());
}
