using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using OutreachBot.Features.Reminders;

namespace OutreachBot.Tests.Features.Reminders;

/// <summary>One activity as the fake Bot Connector received it, with the fake clock's time of arrival.</summary>
public sealed record ReceivedActivity(string ConversationId, string? ReplyToId, JObject Activity, DateTimeOffset At)
{
    public string? IdempotencyKey => (string?)Activity["channelData"]?[BotFrameworkReminderDelivery.ChannelDataMarker]?["idempotencyKey"];

    public string AllText => string.Join("\n", Activity.SelectTokens("$..text").Select(t => (string?)t));
}

/// <summary>What the fake connector answers to one request: a status, optional headers and a JSON body.</summary>
public sealed record ConnectorAnswer(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ConnectorAnswer Accepted(string id) => new(201, new JObject { ["id"] = id }.ToString());

    public static ConnectorAnswer Throttled(int retryAfterSeconds) =>
        new(429, """{"error":{"code":"TooManyRequests","message":"Too many requests"}}""", new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public static ConnectorAnswer WritesBlocked { get; } =
        new(403, """{"error":{"code":"MessageWritesBlocked","message":"The user blocked the bot."}}""");
}

/// <summary>
/// Plays the Bot Connector on 127.0.0.1: POST /v3/conversations/{id}/activities and /v3/conversations/{id}/activities/{replyId},
/// the two routes the CloudAdapter uses to send. Records every request and answers with <see cref="Answer"/>.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TimeProvider clock;
    private readonly ConcurrentQueue<ReceivedActivity> received = new();
    private readonly Lock gate = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> waiters = [];
    private int requests;

    private FakeBotConnector(WebApplication app, TimeProvider clock)
    {
        this.app = app;
        this.clock = clock;
    }

    public Uri ServiceUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Decides the answer to the n-th request (1-based); accepts everything by default.</summary>
    public Func<int, ConnectorAnswer> Answer { get; set; } = n => ConnectorAnswer.Accepted($"activity-{n}");

    public IReadOnlyList<ReceivedActivity> Received => received.ToArray();

    public static async Task<FakeBotConnector> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new FakeBotConnector(app, clock);
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext http, string conversationId) => connector.ReceiveAsync(http, conversationId, null));
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (HttpContext http, string conversationId, string replyToId) => connector.ReceiveAsync(http, conversationId, replyToId));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        connector.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return connector;
    }

    /// <summary>Completes once at least <paramref name="count"/> requests have arrived.</summary>
    public Task WaitForRequestsAsync(int count)
    {
        lock (gate)
        {
            if (Volatile.Read(ref requests) >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, signal));
            return signal.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext http, string conversationId, string? replyToId)
    {
        using var reader = new StreamReader(http.Request.Body);
        var activity = JObject.Parse(await reader.ReadToEndAsync());
        received.Enqueue(new ReceivedActivity(Uri.UnescapeDataString(conversationId), replyToId, activity, clock.GetUtcNow()));
        int number;
        lock (gate)
        {
            number = ++requests;
        }

        var answer = Answer(number);
        http.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            http.Response.Headers[name] = value;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(answer.Body);
        await http.Response.CompleteAsync();
        lock (gate)
        {
            foreach (var waiter in waiters.Where(w => number >= w.Count).ToList())
            {
                waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }
}
