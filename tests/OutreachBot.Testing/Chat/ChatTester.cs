using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using OutreachBot.Chat.Cards;

namespace OutreachBot.Testing;

/// <summary>
/// One user talking to the bot through Bot Builder's TestAdapter; every reply's cards are collected, and every reply
/// passes <see cref="CopyCheck"/> (no enum names, ISO timestamps, raw ids or "1 days" reach the user).
/// </summary>
public sealed class ChatTester
{
    private readonly BotTestHost host;
    private readonly TestAdapter adapter;
    private readonly ChannelAccount user;
    private readonly string source;
    private readonly List<string> allowedCopy = [];

    public ChatTester(BotTestHost host, string channel, string locale, string userId, string? aadObjectId, string source)
    {
        this.host = host;
        this.source = source;
        user = new ChannelAccount(userId, "Li Lei", aadObjectId: aadObjectId);
        adapter = new TestAdapter(new ConversationReference
        {
            ChannelId = channel,
            ServiceUrl = "https://test.example/",
            User = user,
            Bot = new ChannelAccount("bot", "OutreachBot"),
            Conversation = new ConversationAccount(id: $"{channel}-conversation-{userId}", conversationType: "personal"),
            Locale = locale,
        })
        {
            Locale = locale,
        };
        adapter.Use(new CollectCardsMiddleware(source));
    }

    public string Locale => adapter.Locale;

    /// <summary>
    /// Lets exactly these fragments through <see cref="CopyCheck"/>: text the test's user typed on purpose (an id pasted
    /// into a command, a PascalCase product name) that the bot rightly echoes.
    /// </summary>
    public ChatTester AllowCopy(params string[] fragments)
    {
        allowedCopy.AddRange(fragments);
        return this;
    }

    public Task<IReadOnlyList<Activity>> SayAsync(string text) => SendAsync(adapter.MakeActivity(text));

    /// <summary>Says each text in turn, as a user answering a flow's questions one by one; returns the replies to the last.</summary>
    public async Task<IReadOnlyList<Activity>> SayInTurnAsync(params string[] texts)
    {
        IReadOnlyList<Activity> replies = [];
        foreach (var text in texts)
        {
            replies = await SayAsync(text);
        }

        return replies;
    }

    public Task<IReadOnlyList<Activity>> SubmitAsync(IReadOnlyDictionary<string, string> data)
    {
        var activity = adapter.MakeActivity();
        activity.Value = JObject.FromObject(data);
        return SendAsync(activity);
    }

    public Task<IReadOnlyList<Activity>> ExecuteAsync(object? value)
    {
        var activity = adapter.MakeActivity();
        activity.Type = ActivityTypes.Invoke;
        activity.Name = "adaptiveCard/action";
        activity.Value = value is null ? null : JToken.FromObject(value);
        return SendAsync(activity);
    }

    /// <summary>Presses a card button as the channel would: Action.Execute on card channels.</summary>
    public Task<IReadOnlyList<Activity>> PressAsync(JObject card, string buttonTitle)
    {
        var action = Transcript.FindAction(card, buttonTitle);
        return ExecuteAsync(new { action = new { type = "Action.Execute", title = buttonTitle, verb = (string)action["verb"]!, data = action["data"] }, trigger = "manual" });
    }

    /// <summary>
    /// Sends an activity exactly as given (TestAdapter.ProcessActivityAsync would overwrite its conversation with the
    /// adapter's), for tests about conversation references.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> SendAsIsAsync(Activity activity)
    {
        using (var turn = new TurnContext(adapter, activity))
        {
            await host.Bot.OnTurnAsync(turn, CancellationToken.None);
        }

        var replies = new List<Activity>();
        while (adapter.GetNextReply() is Activity reply)
        {
            CardCollector.CollectFrom(source, reply);
            replies.Add(reply);
        }

        CopyCheck.AssertClean(replies, allowedCopy);
        return replies;
    }

    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        activity.From ??= user;
        activity.Locale ??= adapter.Locale;
        await adapter.ProcessActivityAsync(activity, host.Bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<Activity>();
        while (adapter.GetNextReply() is Activity reply)
        {
            replies.Add(reply);
        }

        CopyCheck.AssertClean(replies, allowedCopy);
        return replies;
    }
}

/// <summary>Reading replies the way a user sees them.</summary>
public static class Transcript
{
    /// <summary>Cards of messages, then the card of an Action.Execute invoke response, if any.</summary>
    public static IReadOnlyList<JObject> Cards(this IEnumerable<Activity> replies)
    {
        var list = replies.ToList();
        var messageCards = list.SelectMany(r => r.Attachments ?? [])
            .Where(a => a.ContentType == AdaptiveCard.ContentType)
            .Select(a => CardContent.Read(a.Content));
        var invokeCards = list.Where(r => r.Type == ActivityTypesEx.InvokeResponse)
            .Select(r => r.Value)
            .OfType<InvokeResponse>()
            .Select(r => r.Body)
            .OfType<AdaptiveCardInvokeResponse>()
            .Where(r => r.Type == AdaptiveCard.ContentType)
            .Select(r => CardContent.Read(r.Value));
        return messageCards.Concat(invokeCards).ToList();
    }

    /// <summary>
    /// Everything the user can read: message texts and every TextBlock of every card, as shown (the card carries its
    /// text escaped for Markdown; a renderer shows it without the escapes).
    /// </summary>
    public static string AllText(this IEnumerable<Activity> replies)
    {
        var list = replies.ToList();
        // A message's text is Markdown unless sent as plain (a card rendered as text for a channel without cards is).
        return string.Join("\n", list.Where(r => r.Text is not null).Select(r => r.TextFormat == TextFormatTypes.Plain ? r.Text : Shown(r.Text))
            .Concat(list.Cards().SelectMany(c => c.SelectTokens("$..text").Select(t => Shown((string)t!)))));
    }

    /// <summary>Card text as a Markdown renderer shows it: the escapes the bot adds to plain text removed.</summary>
    public static string Shown(string cardText) => CardMarkdown.Unescape(cardText);

    public static IReadOnlyList<string> ButtonTitles(this JObject card) =>
        card.SelectTokens("$..actions[*].title").Select(t => (string)t!).ToList();

    public static JObject FindAction(JObject card, string title) =>
        card.SelectTokens("$..actions[*]").OfType<JObject>().FirstOrDefault(a => (string?)a["title"] == title)
        ?? throw new InvalidOperationException($"No button '{title}' on the card: {card}");

    public static InvokeResponse InvokeResponse(this IEnumerable<Activity> replies) =>
        replies.Single(r => r.Type == ActivityTypesEx.InvokeResponse).Value as InvokeResponse
        ?? throw new InvalidOperationException("No invoke response.");
}
