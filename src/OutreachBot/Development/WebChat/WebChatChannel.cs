using System.Net;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Development.WebChat;

/// <summary>
/// The local channel between the Web Chat page and the bot, doing what Azure's Direct Line service does: what the
/// page posts is echoed to the page and handed to the bot through the real adapter, with a service URL pointing back
/// here; what the bot sends to that URL (replies and proactive messages alike) is queued for the page to fetch.
/// </summary>
public sealed class WebChatChannel(
    DirectLineConversations conversations,
    IBotFrameworkHttpAdapter adapter,
    IBot bot,
    IOptions<WebChatOptions> options,
    TimeProvider clock,
    ILogger<WebChatChannel> logger)
{
    public const string ChannelId = "webchat";

    private static readonly HashSet<string> PageActivityTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing,
    };

    /// <summary>Fields the channel owns; a page cannot set them (deliveryMode would divert the bot's replies).</summary>
    private static readonly string[] ChannelFields =
    [
        "id", "timestamp", "serviceUrl", "channelId", "from", "recipient", "conversation", "replyToId", "callerId", "deliveryMode",
    ];

    public static ChannelAccount BotAccount { get; } = new("outreachbot", "OutreachBot", RoleTypes.Bot);

    public DirectLineConversations Conversations => conversations;

    /// <summary>Tells the bot that the user joined, the first time the page starts the conversation.</summary>
    public async Task<bool> StartAsync(DirectLineConversation conversation, Uri serviceUrl)
    {
        if (!conversation.Start())
        {
            return true;
        }

        var joined = new JObject
        {
            ["type"] = ActivityTypes.ConversationUpdate,
            ["membersAdded"] = new JArray(JObject.FromObject(BotAccount), UserAccount(conversation)),
            ["locale"] = conversation.Locale,
        };
        return await DeliverAsync(conversation, joined, serviceUrl);
    }

    /// <summary>
    /// Validates what the page posted, echoes it to the page (Web Chat marks a message as sent when it sees it come
    /// back) and runs the bot's turn. Returns the activity id, or why it was refused.
    /// </summary>
    public async Task<PostResult> PostFromPageAsync(DirectLineConversation conversation, JObject posted, Uri serviceUrl)
    {
        if (posted["type"] is not JValue { Type: JTokenType.String } type || !PageActivityTypes.Contains(type.Value<string>()!))
        {
            return PostResult.Refused("The activity needs a type: message, event or typing.");
        }

        var activity = (JObject)posted.DeepClone();
        foreach (var field in ChannelFields)
        {
            activity.Remove(field);
        }

        activity["channelId"] = ChannelId;
        activity["from"] = UserAccount(conversation);
        if (activity["locale"] is not JValue { Type: JTokenType.String } && conversation.Locale is not null)
        {
            activity["locale"] = conversation.Locale;
        }

        var id = conversation.Append(activity, clock.GetUtcNow(), options.Value.MaxActivitiesPerConversation);
        var delivered = await DeliverAsync(conversation, activity, serviceUrl);
        return delivered ? PostResult.Accepted(id) : PostResult.BotFailed(id);
    }

    /// <summary>An activity the bot sent to this channel's service URL: queued for the page, cards in the form Web Chat can run.</summary>
    public string AcceptFromBot(DirectLineConversation conversation, JObject activity, string? replyToId)
    {
        activity.Remove("serviceUrl");
        activity["channelId"] = ChannelId;
        activity["from"] ??= JObject.FromObject(BotAccount);
        activity["from"]!["role"] = RoleTypes.Bot;
        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }

        SubmitFallbacks.Apply(activity);
        return conversation.Append(activity, clock.GetUtcNow(), options.Value.MaxActivitiesPerConversation);
    }

    /// <summary>
    /// This server's own address as the socket sees it (not the Host header, which a caller chooses): the bot's
    /// replies go there.
    /// </summary>
    public static Uri ServiceUrl(HttpContext http)
    {
        var local = http.Connection.LocalIpAddress;
        if (local is null)
        {
            return new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        }

        if (local.IsIPv4MappedToIPv6)
        {
            local = local.MapToIPv4();
        }

        return new Uri($"{http.Request.Scheme}://{new IPEndPoint(local, http.Connection.LocalPort)}/");
    }

    private static JObject UserAccount(DirectLineConversation conversation) =>
        JObject.FromObject(new ChannelAccount(conversation.UserId, conversation.UserId, RoleTypes.User));

    /// <summary>Runs the bot's turn through the adapter exactly as a POST to /api/messages would.</summary>
    private async Task<bool> DeliverAsync(DirectLineConversation conversation, JObject activity, Uri serviceUrl)
    {
        var toBot = (JObject)activity.DeepClone();
        toBot["id"] ??= Guid.NewGuid().ToString("N");
        toBot["timestamp"] ??= clock.GetUtcNow().UtcDateTime;
        toBot["channelId"] = ChannelId;
        toBot["serviceUrl"] = serviceUrl.ToString();
        toBot["conversation"] = new JObject { ["id"] = conversation.Id, ["conversationType"] = "personal" };
        toBot["from"] ??= UserAccount(conversation);
        toBot["recipient"] = JObject.FromObject(BotAccount);

        var turn = new DefaultHttpContext();
        turn.Request.Method = HttpMethods.Post;
        turn.Request.ContentType = "application/json";
        turn.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(toBot.ToString(Formatting.None)), writable: false);
        turn.Response.Body = new MemoryStream();
        try
        {
            // Not the page's request token: a page that stops waiting must not cut a turn short halfway through its saves.
            await adapter.ProcessAsync(turn.Request, turn.Response, bot, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The bot failed a Web Chat turn in {Conversation}", conversation.Id);
            return false;
        }

        if (turn.Response.StatusCode >= 400)
        {
            logger.LogWarning("The adapter answered {Status} to a Web Chat activity in {Conversation}", turn.Response.StatusCode, conversation.Id);
            return false;
        }

        return true;
    }
}

public sealed record PostResult(string? Id, string? Problem, bool BotReached)
{
    public static PostResult Accepted(string id) => new(id, null, true);

    public static PostResult BotFailed(string id) => new(id, "The bot could not process the activity.", false);

    public static PostResult Refused(string problem) => new(null, problem, false);
}
