using System.Text.Json.Nodes;

namespace OutreachBot.Reliability.Security;

/// <summary>The Teams activity shapes of the test kit, as System.Text.Json nodes for the HTTP tests.</summary>
public static class TeamsActivity
{
    public static JsonObject Load(string file) =>
        TeamsPayloads.LoadNode(file);

    public static JsonObject ExpectingReplies(this JsonObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    public static JsonObject FromTenant(this JsonObject activity, string tenant)
    {
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"]!["tenant"]!["id"] = tenant;
        return activity;
    }

    public static string ServiceUrl(this JsonObject activity) => (string)activity["serviceUrl"]!;
}
