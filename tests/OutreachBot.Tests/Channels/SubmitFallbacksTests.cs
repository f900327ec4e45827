using Newtonsoft.Json;
using OutreachBot.Chat.Cards;
using OutreachBot.Chat.Output;
using OutreachBot.Development.WebChat;

namespace OutreachBot.Tests.Channels;

public sealed class SubmitFallbacksTests
{
    [Fact]
    public void Every_Action_Execute_in_a_card_becomes_its_Action_Submit_fallback_with_the_same_data()
    {
        var button = CardActions.Verb("Snooze", "reminder.snooze", new Dictionary<string, string> { ["id"] = "r1" });
        var card = new AdaptiveCard(
            [new ActionSet([button]), new Container([new TextBlock("Tap me")])],
            [CardActions.Command("Help", "help")]);
        var activity = new JObject { ["type"] = "message", ["attachments"] = new JArray(JObject.Parse(JsonConvert.SerializeObject(ChannelResponder.ToAttachment(card)))) };
        var body = activity.SelectToken("attachments[0].content.body")!;
        body[1]!["selectAction"] = body[0]!["actions"]![0]!.DeepClone();

        SubmitFallbacks.Apply(activity);

        var content = activity.SelectToken("attachments[0].content")!;
        Assert.DoesNotContain("Action.Execute", content.ToString());
        var submits = content.SelectTokens("$..[?(@.type == 'Action.Submit')]").ToList();
        Assert.Equal(3, submits.Count);
        Assert.All(submits, s => Assert.NotNull(s["title"]));
        Assert.Equal("r1", (string?)submits[0]["data"]!["id"]);
        Assert.Equal("reminder.snooze", (string?)submits[0]["data"]!["verb"]);
    }

    [Fact]
    public void An_activity_without_cards_is_left_as_it_is()
    {
        var activity = new JObject { ["type"] = "message", ["text"] = "Action.Execute" };
        var before = activity.ToString();

        SubmitFallbacks.Apply(activity);

        Assert.Equal(before, activity.ToString());
    }
}
