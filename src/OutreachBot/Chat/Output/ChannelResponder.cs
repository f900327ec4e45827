using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Chat.Output;

/// <summary>Sends a turn's outbox in the form the channel understands: cards where supported, numbered text elsewhere.</summary>
public static class ChannelResponder
{
    private static readonly HashSet<string> CardChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        "msteams", "webchat", "directline", "test", "emulator",
    };

    /// <summary>Text channels that render Markdown (emphasis); on the others (SMS, Facebook, LINE, …) a mark would show as typed.</summary>
    private static readonly HashSet<string> MarkdownTextChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        "slack", "telegram", "skype", "email",
    };

    public static bool SupportsCards(string? channelId) => channelId is not null && CardChannels.Contains(channelId);

    public static bool RendersMarkdown(string? channelId) => channelId is not null && (CardChannels.Contains(channelId) || MarkdownTextChannels.Contains(channelId));

    public static Attachment ToAttachment(AdaptiveCard card) => ToAttachment(CardJson.Serialize(card));

    /// <summary>
    /// The card's JSON as content that Bot Builder's serializer writes as it stands: serialized once, not parsed into
    /// a JObject that the attachment converter then copies and writes again (a third of a simple turn's CPU).
    /// </summary>
    public static Attachment ToAttachment(string cardJson) =>
        new() { ContentType = AdaptiveCard.ContentType, Content = new JRaw(cardJson) };

    public static async Task SendAsync(ChatSession session, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var cards = SupportsCards(session.Turn.Activity.ChannelId);
        var choices = new List<NumberedChoice>();
        var activities = new List<IActivity>(messages.Count);
        foreach (var message in messages)
        {
            if (message.Card is { } card && cards)
            {
                activities.Add(MessageFactory.Attachment(ToAttachment(CardBudget.FitJson(card, session.Text<ChatTexts>("Card.Cut")))));
            }
            else if (message.Card is { } textCard)
            {
                var before = choices.Count;
                var markdown = RendersMarkdown(session.Turn.Activity.ChannelId);
                var text = CardTextRenderer.Render(textCard, choices, markdown);
                if (choices.Count > before)
                {
                    text += "\n" + session.Text<ChatTexts>("Text.ReplyWithNumber");
                }

                var reply = MessageFactory.Text(text);
                reply.TextFormat = markdown ? TextFormatTypes.Markdown : TextFormatTypes.Plain;
                activities.Add(reply);
            }
            else
            {
                // Plain: the bot's sentences carry no Markdown, and what a user typed that they echo must show as typed.
                var plain = MessageFactory.Text(message.Text);
                plain.TextFormat = TextFormatTypes.Plain;
                activities.Add(plain);
            }
        }

        session.Conversation.Choices = choices;
        if (activities.Count > 0)
        {
            await session.Turn.SendActivitiesAsync([.. activities], cancellationToken);
        }
    }
}
