using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutreachBot.Load;

public enum TurnOutcome
{
    Answered,
    NotAvailable,
    ErrorReply,
    NoReply,
    HttpError,
    Timeout,
    Failed,
}

public sealed record TurnResult(string Command, double Milliseconds, TurnOutcome Outcome, int Status, string ReplyText)
{
    public bool IsError => Outcome is TurnOutcome.ErrorReply or TurnOutcome.NoReply or TurnOutcome.HttpError or TurnOutcome.Timeout or TurnOutcome.Failed;
}

/// <summary>Posts one activity to /api/messages with expectReplies and classifies what came back.</summary>
public sealed class TurnClient(HttpClient http, Uri messages)
{
    /// <summary>The host's "something went wrong" and "storage unavailable" texts (src/OutreachBot/Hosting/HostTexts*.resx).</summary>
    private static readonly string[] ErrorTexts =
    [
        "Sorry, something went wrong on my side",
        "Sorry, I can't reach my storage right now",
        "抱歉，我这边出了点问题",
        "抱歉，暂时无法访问数据存储",
    ];

    /// <summary>The router's answer for a command no feature has registered yet (src/OutreachBot/Chat/ChatTexts*.resx "NotAvailable").</summary>
    private static readonly string[] NotAvailableTexts = ["is not available yet in this version", "当前版本还不支持"];

    public static HttpClient CreateHttpClient(TimeSpan timeout) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10), UseProxy = false })
        {
            Timeout = timeout,
        };

    public async Task<TurnResult> SendAsync(string command, JsonObject activity, CancellationToken cancellationToken)
    {
        var body = activity.ToJsonString();
        var watch = Stopwatch.StartNew();
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(messages, content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            watch.Stop();
            return Classify(command, watch.Elapsed.TotalMilliseconds, response.StatusCode, text);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TurnResult(command, watch.Elapsed.TotalMilliseconds, TurnOutcome.Timeout, 0, "");
        }
        catch (HttpRequestException exception)
        {
            return new TurnResult(command, watch.Elapsed.TotalMilliseconds, TurnOutcome.Failed, 0, exception.Message);
        }
    }

    public static TurnResult Classify(string command, double milliseconds, HttpStatusCode status, string body)
    {
        var code = (int)status;
        if (code is < 200 or > 299)
        {
            return new TurnResult(command, milliseconds, TurnOutcome.HttpError, code, body);
        }

        var replies = ReplyText(body);
        var outcome = replies.Length == 0 ? TurnOutcome.NoReply
            : ErrorTexts.Any(e => replies.Contains(e, StringComparison.Ordinal)) ? TurnOutcome.ErrorReply
            : NotAvailableTexts.Any(e => replies.Contains(e, StringComparison.Ordinal)) ? TurnOutcome.NotAvailable
            : TurnOutcome.Answered;
        return new TurnResult(command, milliseconds, outcome, code, replies);
    }

    /// <summary>Everything the replies say, texts and cards, as one string.</summary>
    public static string ReplyText(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        try
        {
            return JsonNode.Parse(body)?["activities"] is JsonArray activities && activities.Count > 0
                ? Unescaped(activities.ToJsonString())
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static string Unescaped(string json) =>
        JsonSerializer.Serialize(JsonNode.Parse(json), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
