using System.Buffers;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Hosting;

public static class BotEndpoints
{
    /// <summary>
    /// POST /api/messages. The body is checked before Bot Builder sees it: too large → 413, not a JSON activity → 400,
    /// any token that does not validate → 401, then (only for authenticated callers) a tenant outside the allow-list →
    /// 403. Each refusal is one rate-limited log line; no answer ever carries a stack trace.
    /// </summary>
    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleMessagesAsync);
        return endpoints;
    }

    public static void LogAuthenticationMode(this WebApplication app)
    {
        var identity = app.Services.GetRequiredService<IOptions<BotIdentityOptions>>().Value;
        var bot = app.Services.GetRequiredService<IOptions<BotOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OutreachBot.Startup");
        if (identity.IsLocalMode)
        {
            logger.LogWarning("MicrosoftAppId is not set: running in local mode, requests to /api/messages are NOT authenticated");
        }
        else
        {
            logger.LogInformation("Bot Framework authentication is on for app {MicrosoftAppId} ({MicrosoftAppType}), endpoints from {Endpoints}",
                identity.MicrosoftAppId, identity.MicrosoftAppType, identity.HasCustomEndpoints ? "settings" : "the public cloud");
            if (bot.LocalMode)
            {
                logger.LogWarning("Bot:LocalMode is ignored because MicrosoftAppId is set: every request is authenticated");
            }
        }

        if (bot.AllowedTenantIds.Length > 0)
        {
            logger.LogInformation("Only tenants {AllowedTenantIds} are served", bot.AllowedTenantIds);
        }
    }

    private static async Task HandleMessagesAsync(
        HttpContext http,
        OutreachCloudAdapter adapter,
        BotRequestAuthenticator authenticator,
        IBot bot,
        IOptions<BotOptions> options,
        RefusedRequestLog refusals)
    {
        try
        {
            await ServeMessageAsync(http, adapter, authenticator, bot, options.Value, refusals);
        }
        catch (Exception exception) when (!http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted)
        {
            // Whatever escapes the turn's own error handler is answered without a stack trace, also in Development.
            if (exception is BadHttpRequestException badRequest)
            {
                refusals.Refuse(badRequest.StatusCode, "unreadable request body", http.Connection.RemoteIpAddress?.ToString());
                http.Response.StatusCode = badRequest.StatusCode;
                return;
            }

            refusals.Fail(exception, http.Connection.RemoteIpAddress?.ToString());
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    /// <summary>Size, shape, identity, tenant — in that order, so nobody learns the allow-list without a valid token.</summary>
    private static async Task ServeMessageAsync(HttpContext http, OutreachCloudAdapter adapter, BotRequestAuthenticator authenticator, IBot bot, BotOptions options, RefusedRequestLog refusals)
    {
        var caller = http.Connection.RemoteIpAddress?.ToString();
        var limit = options.MaxRequestBytes;
        var body = http.Request.ContentLength > limit ? null : await ReadLimitedAsync(http.Request.Body, http.Request.ContentLength, limit, http.RequestAborted);
        if (body is null)
        {
            refusals.Refuse(StatusCodes.Status413PayloadTooLarge, $"body over {limit} bytes", caller);
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var activity = ParseActivity(body, out var problem);
        if (activity is null)
        {
            refusals.Refuse(StatusCodes.Status400BadRequest, "not a Bot Framework activity", caller);
            await Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
            return;
        }

        var authentication = await authenticator.AuthenticateAsync(activity, http.Request.Headers.Authorization.ToString(), http.RequestAborted);
        if (!authentication.IsAuthenticated)
        {
            refusals.Refuse(StatusCodes.Status401Unauthorized, authentication.Refusal, caller);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var allowed = options.AllowedTenantIds;
        var tenant = TenantOf(activity);
        if (allowed.Length > 0 && (tenant is null || !allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase)))
        {
            refusals.Refuse(StatusCodes.Status403Forbidden, tenant is null ? "no tenant" : "tenant not allowed", caller);
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await adapter.ProcessAuthenticatedAsync(authentication.Result!, activity, bot, http.Response, http.RequestAborted);
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long? declaredLength, int limit, CancellationToken cancellationToken)
    {
        // The declared length sizes the buffer (one array, no copies); the limit still holds if the body says otherwise.
        using var buffer = new MemoryStream(declaredLength is > 0 and var length && length <= limit ? (int)length : 0);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    private static Activity? ParseActivity(byte[] body, out string problem)
    {
        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(body))) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            var token = JToken.ReadFrom(reader);
            if (token is not JObject json || json["type"] is not JValue { Type: JTokenType.String } type || string.IsNullOrWhiteSpace(type.Value<string>()))
            {
                problem = "The body is not a Bot Framework activity (a JSON object with a \"type\").";
                return null;
            }

            // Bot Builder needs both to answer at all; without them it fails with a 500 before our turn starts.
            if (json["serviceUrl"] is not JValue { Type: JTokenType.String } serviceUrl
                || !Uri.TryCreate(serviceUrl.Value<string>(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                problem = "The activity has no valid \"serviceUrl\".";
                return null;
            }

            if (json["conversation"] is not JObject conversation || conversation["id"] is not JValue { Type: JTokenType.String } id || string.IsNullOrWhiteSpace(id.Value<string>()))
            {
                problem = "The activity has no \"conversation.id\".";
                return null;
            }

            problem = "";
            using var activityReader = new JsonTextReader(new StreamReader(new MemoryStream(body), Encoding.UTF8)) { MaxDepth = null };
            return HttpHelper.BotMessageSerializer.Deserialize<Activity>(activityReader);
        }
        catch (JsonException exception)
        {
            problem = "The body is not valid activity JSON: " + exception.Message;
            return null;
        }
    }

    private static string? TenantOf(Activity activity) =>
        activity.Conversation?.TenantId ?? (activity.ChannelData as JObject)?["tenant"]?["id"]?.Value<string>();
}
