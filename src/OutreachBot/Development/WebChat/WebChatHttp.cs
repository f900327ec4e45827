using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Development.WebChat;

/// <summary>Reading and writing the JSON of the Direct Line and Bot Connector protocols.</summary>
internal static class WebChatHttp
{
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    /// <summary>The body as a JSON object; <c>null</c> with a reason when it is too large, empty where one is required, or not an object.</summary>
    public static async Task<(JObject? Body, IResult? Problem)> ReadObjectAsync(HttpRequest request, int limit, bool required, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (null, Error(StatusCodes.Status413PayloadTooLarge, "TooLarge", $"The body is larger than {limit.ToString(CultureInfo.InvariantCulture)} bytes."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, Error(StatusCodes.Status413PayloadTooLarge, "TooLarge", $"The body is larger than {limit.ToString(CultureInfo.InvariantCulture)} bytes."));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return required ? (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be a JSON object.")) : (new JObject(), null);
        }

        try
        {
            buffer.Position = 0;
            using var reader = new JsonTextReader(new StreamReader(buffer)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            return JToken.ReadFrom(reader) is JObject body
                ? (body, null)
                : (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be a JSON object."));
        }
        catch (JsonException exception)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not valid JSON: " + exception.Message));
        }
    }

    /// <summary>Newtonsoft-serialized, because activities are Bot Framework JSON.</summary>
    public static IResult Json(JToken body, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(body.ToString(Formatting.None), "application/json; charset=utf-8", statusCode: statusCode);

    /// <summary>The error shape Direct Line and the Bot Connector use.</summary>
    public static IResult Error(int statusCode, string code, string message) =>
        Json(new JObject { ["error"] = new JObject { ["code"] = code, ["message"] = message } }, statusCode);
}
