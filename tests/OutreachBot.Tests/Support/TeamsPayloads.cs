using Newtonsoft.Json.Linq;

namespace OutreachBot.Tests.Support;

/// <summary>The Teams activity shapes from TestData/teams-activities, for tests that claim Teams behaviour.</summary>
public static class TeamsPayloads
{
    public static JObject Load(string file) =>
        JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "teams-activities", file)));

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
}
