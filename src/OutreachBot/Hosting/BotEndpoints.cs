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
    /// tenant outside the allow-list → 403. Authentication (401) and expectReplies are the adapter's.
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
            logger.LogWarning("MicrosoftAppId is not set: running in local/dev mode, requests to /api/messages are NOT authenticated");
        }
        else
        {
            logger.LogInformation("Bot Framework authentication is on for app {MicrosoftAppId} ({MicrosoftAppType})", identity.MicrosoftAppId, identity.MicrosoftAppType);
        }

        if (bot.AllowedTenantIds.Length > 0)
        {
            logger.LogInformation("Only tenants {AllowedTenantIds} are served", bot.AllowedTenantIds);
        }
    }

    private static async Task HandleMessagesAsync(
        HttpContext http,
        IBotFrameworkHttpAdapter adapter,
        IBot bot,
        IOptions<BotOptions> options,
        IOptions<BotIdentityOptions> identity,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(BotEndpoints));
        var limit = options.Value.MaxRequestBytes;
        if (http.Request.ContentLength > limit)
        {
            logger.LogWarning("Refused a {Length}-byte activity (limit {Limit})", http.Request.ContentLength, limit);
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var body = await ReadLimitedAsync(http.Request.Body, limit, http.RequestAborted);
        if (body is null)
        {
            logger.LogWarning("Refused an activity larger than {Limit} bytes", limit);
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var activity = ParseActivity(body, out var problem);
        if (activity is null)
        {
            logger.LogWarning("Refused a malformed activity: {Problem}", problem);
            await Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
            return;
        }

        var allowed = options.Value.AllowedTenantIds;
        var tenant = TenantOf(activity);
        if (allowed.Length > 0 && (tenant is null || !allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase)))
        {
            logger.LogWarning("Refused an activity from tenant {Tenant}, which is not allowed", tenant ?? "(none)");
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        // Bot Builder answers some malformed tokens with a 500 (or fetches signing keys for them first): refuse them here.
        if (!identity.Value.IsLocalMode && !IsWellFormedBearerToken(http.Request.Headers.Authorization.ToString()))
        {
            logger.LogWarning("Refused an activity without a well-formed Bot Framework bearer token");
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        http.Request.Body = new MemoryStream(body, writable: false);
        await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted);
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
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
            return json.ToObject<Activity>();
        }
        catch (JsonException exception)
        {
            problem = "The body is not valid activity JSON: " + exception.Message;
            return null;
        }
    }

    /// <summary>"Bearer" and a three-part JWT whose header names an asymmetric algorithm, as every Bot Framework token does.</summary>
    private static bool IsWellFormedBearerToken(string authorization)
    {
        const string Scheme = "Bearer ";
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parts = authorization[Scheme.Length..].Trim().Split('.');
        if (parts.Length != 3 || parts.Any(string.IsNullOrEmpty))
        {
            return false;
        }

        try
        {
            var padded = parts[0].Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var header = JObject.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(padded)));
            return header["alg"] is JValue { Type: JTokenType.String } alg && alg.Value<string>() is { Length: 5 } name && name[..2] is "RS" or "PS" or "ES";
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return false;
        }
    }

    private static string? TenantOf(Activity activity) =>
        activity.Conversation?.TenantId ?? (activity.ChannelData as JObject)?["tenant"]?["id"]?.Value<string>();
}
