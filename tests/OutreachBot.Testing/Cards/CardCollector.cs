using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using OutreachBot.Chat.Cards;

namespace OutreachBot.Testing;

/// <summary>Every Adaptive Card any test makes the bot send, for the official renderer to check at the end of the run.</summary>
public static class CardCollector
{
    private static readonly ConcurrentQueue<CollectedCard> Cards = new();

    public static IReadOnlyList<CollectedCard> All => Cards.ToArray();

    public static void Add(string source, JToken card, int messageBytes) => Cards.Enqueue(new CollectedCard(source, card.ToString(Formatting.None), messageBytes));

    /// <summary>Collects the cards of outgoing messages and of Action.Execute invoke responses.</summary>
    public static void CollectFrom(string source, IActivity activity)
    {
        var messageBytes = JsonConvert.SerializeObject(activity).Length;
        foreach (var attachment in (activity as Activity)?.Attachments ?? [])
        {
            if (attachment.ContentType == AdaptiveCard.ContentType && attachment.Content is not null)
            {
                Add(source, CardContent.Read(attachment.Content), messageBytes);
            }
        }

        if (activity.Type == ActivityTypesEx.InvokeResponse && (activity as Activity)?.Value is InvokeResponse { Body: AdaptiveCardInvokeResponse { Type: AdaptiveCard.ContentType, Value: { } card } })
        {
            Add(source + " (invoke response)", CardContent.Read(card), messageBytes);
        }
    }
}

public sealed record CollectedCard(string Source, string Json, int MessageBytes);

public sealed class CollectCardsMiddleware(string source) : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            foreach (var activity in activities)
            {
                CardCollector.CollectFrom(source, activity);
            }

            return await nextSend();
        });
        return next(cancellationToken);
    }
}
