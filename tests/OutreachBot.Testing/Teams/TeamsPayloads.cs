using System.Text.Json.Nodes;

namespace OutreachBot.Testing;

/// <summary>
/// The Teams activity shapes (Teams/Payloads, copied from shared/teams-activities), for tests that claim Teams
/// behaviour. Embedded in the kit, so every test assembly and the load harness read the same files.
/// </summary>
public static class TeamsPayloads
{
    /// <summary>e.g. "message-personal.json", "invoke-adaptive-card-action.json", "conversation-update-install.json".</summary>
    public static JObject Load(string file) => JObject.Parse(Text(file));

    /// <summary>The same shape as a System.Text.Json node, for the HTTP harnesses.</summary>
    public static JsonObject LoadNode(string file) => JsonNode.Parse(Text(file))!.AsObject();

    public static JObject ExpectingReplies(this JObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    public static JObject WithText(this JObject activity, string text)
    {
        activity["text"] = text;
        return activity;
    }

    private static string Text(string file)
    {
        using var stream = typeof(TeamsPayloads).Assembly.GetManifestResourceStream("teams-activities/" + file)
            ?? throw new ArgumentException($"No Teams payload '{file}' in tests/OutreachBot.Testing/Teams/Payloads.", nameof(file));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
