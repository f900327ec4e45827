using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Development.WebChat;

/// <summary>
/// The Direct Line 3.0 endpoints that botframework-webchat's DirectLine client uses in polling mode
/// (webSocket: false): token, start conversation, post activity, get activities after a watermark.
/// </summary>
internal static partial class DirectLineEndpoints
{
    public static void MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var directLine = endpoints.MapGroup("/v3/directline");
        directLine.MapPost("/tokens/generate", GenerateTokenAsync);
        directLine.MapPost("/tokens/refresh", RefreshToken);
        directLine.MapPost("/conversations", StartConversationAsync);
        directLine.MapGet("/conversations/{conversationId}", Reconnect);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivities);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
    }

    /// <summary>A new conversation for the user the page names (an id it keeps in its storage), or a fresh user.</summary>
    private static async Task<IResult> GenerateTokenAsync(HttpContext http, WebChatChannel channel, IOptions<WebChatOptions> options)
    {
        var (body, problem) = await WebChatHttp.ReadObjectAsync(http.Request, 4096, required: false, http.RequestAborted);
        if (body is null)
        {
            return problem!;
        }

        var requestedUser = body.SelectToken("user.id") as JValue;
        var userId = requestedUser?.Value as string;
        if (userId is not null && !UserIdPattern().IsMatch(userId))
        {
            return WebChatHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", "user.id must be 1–64 letters, digits, '_' or '-'.");
        }

        var conversation = channel.Conversations.Create(userId ?? "dl_" + Guid.NewGuid().ToString("N"), Locale(body["locale"]));
        return WebChatHttp.Json(Describe(conversation, options.Value));
    }

    private static IResult RefreshToken(HttpContext http, WebChatChannel channel, IOptions<WebChatOptions> options) =>
        Authorized(http, channel, null, conversation => WebChatHttp.Json(Describe(conversation, options.Value)));

    private static async Task<IResult> StartConversationAsync(HttpContext http, WebChatChannel channel, IOptions<WebChatOptions> options)
    {
        var access = channel.Conversations.Authorize(null, WebChatHttp.BearerToken(http.Request), out var conversation);
        if (access != ConversationAccess.Granted)
        {
            return Denied(access);
        }

        var firstTime = !conversation!.Started;
        if (!await channel.StartAsync(conversation, WebChatChannel.ServiceUrl(http)))
        {
            return WebChatHttp.Error(StatusCodes.Status502BadGateway, "BotError", "The bot could not be reached.");
        }

        return WebChatHttp.Json(Describe(conversation, options.Value), firstTime ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static IResult Reconnect(HttpContext http, string conversationId, WebChatChannel channel, IOptions<WebChatOptions> options) =>
        Authorized(http, channel, conversationId, conversation => WebChatHttp.Json(Describe(conversation, options.Value)));

    private static IResult GetActivities(HttpContext http, string conversationId, string? watermark, WebChatChannel channel, IOptions<WebChatOptions> options) =>
        Authorized(http, channel, conversationId, conversation =>
        {
            var after = long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            var (activities, next) = conversation.After(after, options.Value.MaxActivitiesPerPoll);
            return WebChatHttp.Json(new JObject
            {
                ["activities"] = new JArray(activities),
                ["watermark"] = next.ToString(CultureInfo.InvariantCulture),
            });
        });

    private static async Task<IResult> PostActivityAsync(HttpContext http, string conversationId, WebChatChannel channel, IOptions<WebChatOptions> options)
    {
        var access = channel.Conversations.Authorize(conversationId, WebChatHttp.BearerToken(http.Request), out var conversation);
        if (access != ConversationAccess.Granted)
        {
            return Denied(access);
        }

        var (activity, problem) = await WebChatHttp.ReadObjectAsync(http.Request, options.Value.MaxActivityBytes, required: true, http.RequestAborted);
        if (activity is null)
        {
            return problem!;
        }

        var result = await channel.PostFromPageAsync(conversation!, activity, WebChatChannel.ServiceUrl(http));
        return result switch
        {
            { BotReached: true } => WebChatHttp.Json(new JObject { ["id"] = result.Id }),
            { Id: not null } => WebChatHttp.Error(StatusCodes.Status502BadGateway, "BotError", result.Problem!),
            _ => WebChatHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", result.Problem!),
        };
    }

    private static IResult Authorized(HttpContext http, WebChatChannel channel, string? conversationId, Func<DirectLineConversation, IResult> then)
    {
        var access = channel.Conversations.Authorize(conversationId, WebChatHttp.BearerToken(http.Request), out var conversation);
        return access == ConversationAccess.Granted ? then(conversation!) : Denied(access);
    }

    /// <summary>Web Chat reads 403 as an expired token and 404 as an ended conversation.</summary>
    private static IResult Denied(ConversationAccess access) => access == ConversationAccess.Forbidden
        ? WebChatHttp.Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token does not belong to this conversation, or has expired.")
        : WebChatHttp.Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found: it may have expired. Reload the page to start a new one.");

    private static JObject Describe(DirectLineConversation conversation, WebChatOptions options) => new()
    {
        ["conversationId"] = conversation.Id,
        ["token"] = conversation.Token,
        ["expires_in"] = (int)options.IdleTimeout.TotalSeconds,
    };

    private static string? Locale(JToken? token) =>
        token is JValue { Value: string locale } && LocalePattern().IsMatch(locale) ? locale : null;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UserIdPattern();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LocalePattern();
}
