using Newtonsoft.Json.Linq;

namespace OutreachBot.Development.WebChat;

/// <summary>
/// Web Chat parses Action.Execute (Adaptive Cards 1.4) but cannot run it ("unknown action"), so the card's own
/// Action.Submit fallback would never be used. The channel puts each fallback in its Execute's place, the way a host
/// without Universal Actions is meant to; the bot's cards stay the same for Teams.
/// </summary>
public static class SubmitFallbacks
{
    private const string CardContentType = "application/vnd.microsoft.card.adaptive";

    public static void Apply(JObject activity)
    {
        if (activity["attachments"] is not JArray attachments)
        {
            return;
        }

        foreach (var attachment in attachments.OfType<JObject>())
        {
            if ((string?)attachment["contentType"] == CardContentType && attachment["content"] is JObject card)
            {
                Replace(card);
            }
        }
    }

    private static void Replace(JToken token)
    {
        switch (token)
        {
            case JObject element:
                foreach (var property in element.Properties().ToList())
                {
                    if (property.Value is JObject { } action && Fallback(action) is { } submit)
                    {
                        property.Value = submit;
                    }

                    Replace(property.Value);
                }

                break;
            case JArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is JObject action && Fallback(action) is { } submit)
                    {
                        items[i] = submit;
                    }

                    Replace(items[i]);
                }

                break;
        }
    }

    private static JObject? Fallback(JObject action)
    {
        if ((string?)action["type"] != "Action.Execute" || action["fallback"] is not JObject { } fallback || (string?)fallback["type"] != "Action.Submit")
        {
            return null;
        }

        var submit = (JObject)fallback.DeepClone();
        foreach (var inherited in new[] { "title", "id", "style", "iconUrl", "tooltip", "isEnabled", "mode" })
        {
            if (submit[inherited] is null && action[inherited] is { } value)
            {
                submit[inherited] = value.DeepClone();
            }
        }

        return submit;
    }
}
