using System.Net;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Development.WebChat;

/// <summary>
/// The two Bot Connector endpoints the adapter calls at the Web Chat service URL: send to conversation and reply to
/// activity. Only this machine may call them (the adapter, unauthenticated in local mode); the conversation id, which
/// cannot be guessed, says which page gets the activity.
/// </summary>
internal static class LocalConnectorEndpoints
{
    public static void MapLocalConnector(this IEndpointRouteBuilder endpoints)
    {
        var connector = endpoints.MapGroup("/v3/conversations/{conversationId}/activities");
        connector.MapPost("", (HttpContext http, string conversationId, WebChatChannel channel, IOptions<WebChatOptions> options) =>
            AcceptAsync(http, conversationId, null, channel, options.Value));
        connector.MapPost("/{activityId}", (HttpContext http, string conversationId, string activityId, WebChatChannel channel, IOptions<WebChatOptions> options) =>
            AcceptAsync(http, conversationId, activityId, channel, options.Value));
    }

    private static async Task<IResult> AcceptAsync(HttpContext http, string conversationId, string? replyToId, WebChatChannel channel, WebChatOptions options)
    {
        if (http.Connection.RemoteIpAddress is { } caller && !IPAddress.IsLoopback(caller))
        {
            return WebChatHttp.Error(StatusCodes.Status403Forbidden, "Forbidden", "Only the bot on this machine may send to Web Chat conversations.");
        }

        if (channel.Conversations.Find(conversationId) is not { } conversation)
        {
            return WebChatHttp.Error(StatusCodes.Status404NotFound, "ConversationNotFound", "The Web Chat conversation has ended or never existed.");
        }

        var (activity, problem) = await WebChatHttp.ReadObjectAsync(http.Request, options.MaxActivityBytes, required: true, http.RequestAborted);
        if (activity is null)
        {
            return problem!;
        }

        if (activity["type"] is not JValue { Type: JTokenType.String })
        {
            return WebChatHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", "The activity has no type.");
        }

        var id = channel.AcceptFromBot(conversation, activity, replyToId);
        return WebChatHttp.Json(new JObject { ["id"] = id });
    }
}
