using Newtonsoft.Json.Linq;

namespace OutreachBot.Testing;

/// <summary>A card attachment's content as the channel receives it: JSON text the bot wrote once, read as a JObject.</summary>
public static class CardContent
{
    public static JObject Read(object content) => content switch
    {
        JRaw raw => JObject.Parse((string)raw.Value!),
        JObject card => card,
        _ => JObject.FromObject(content),
    };
}
