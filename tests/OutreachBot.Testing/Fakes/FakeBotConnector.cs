using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OutreachBot.Features.Reminders;

namespace OutreachBot.Testing;

/// <summary>One activity as the fake Bot Connector received it, with the clock's time of arrival.</summary>
public sealed record ReceivedActivity(string ConversationId, string? ReplyToId, JObject Activity, DateTimeOffset At)
{
    /// <summary>The reminder delivery's idempotency key ("reminderId:attempt"), when the activity is a reminder.</summary>
    public string? IdempotencyKey => (string?)Activity["channelData"]?[BotFrameworkReminderDelivery.ChannelDataMarker]?["idempotencyKey"];

    /// <summary>The reminder the activity delivers: the idempotency key without its attempt.</summary>
    public string? ReminderId => IdempotencyKey is { } key ? key[..key.LastIndexOf(':')] : null;

    public string AllText => string.Join("\n", Activity.SelectTokens("$..text").Select(t => (string?)t));
}

/// <summary>What the fake connector answers to one request: a status, optional headers and a JSON body.</summary>
public sealed record ConnectorAnswer(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ConnectorAnswer Accepted(string id) => new(201, new JObject { ["id"] = id }.ToString());

    public static ConnectorAnswer Throttled(int retryAfterSeconds) =>
        new(429, """{"error":{"code":"TooManyRequests","message":"Too many requests"}}""", new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture) });

    public static ConnectorAnswer WritesBlocked { get; } =
        new(403, """{"error":{"code":"MessageWritesBlocked","message":"The user blocked the bot."}}""");
}

/// <summary>A conversation member as Teams' roster returns it (TeamsChannelAccount).</summary>
public sealed record TeamsMember(string Id, string Name, string AadObjectId, string Email, string? UserPrincipalName = null, string TenantId = Activities.TenantId)
{
    public JObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["aadObjectId"] = AadObjectId,
        ["email"] = Email,
        ["userPrincipalName"] = UserPrincipalName ?? Email,
        ["tenantId"] = TenantId,
        ["userRole"] = "user",
    };
}

/// <summary>
/// Plays the Bot Connector on 127.0.0.1: POST /v3/conversations/{id}/activities and …/activities/{replyToId}, the two
/// routes the CloudAdapter sends through, and GET /v3/conversations/{id}/members/{memberId}, Teams' roster
/// (<c>TeamsInfo.GetMemberAsync</c>) answered from <see cref="Members"/>; anything else is 404. Records every activity (with the time on the given
/// clock), answers as <see cref="Answer"/> decides, and lets a test wait for the n-th request instead of sleeping.
/// Point the bot at it with a conversation reference whose serviceUrl is <see cref="ServiceUrl"/>.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly TimeProvider clock;
    private readonly ConcurrentQueue<ReceivedActivity> received = new();
    private readonly ConcurrentQueue<(string, string)> rosterRequests = new();
    private readonly Lock gate = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> waiters = [];
    private readonly SemaphoreSlim? oneAtATime;
    private LoopbackServer? server;
    private int requests;

    private FakeBotConnector(TimeProvider clock, bool oneRequestAtATime)
    {
        this.clock = clock;
        oneAtATime = oneRequestAtATime ? new SemaphoreSlim(1, 1) : null;
    }

    public Uri ServiceUrl => server?.Address ?? throw new InvalidOperationException("The connector is not started.");

    /// <summary>Decides the answer to the n-th request (1-based); accepts everything by default.</summary>
    public Func<int, ConnectorAnswer> Answer { get; set; } = n => ConnectorAnswer.Accepted($"activity-{n}");

    public IReadOnlyList<ReceivedActivity> Received => received.ToArray();

    /// <summary>The roster, by member id ("29:…"); a member not here gets 404 MemberNotFoundInConversation.</summary>
    public ConcurrentDictionary<string, TeamsMember> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Each roster request: (conversation or team id, member id).</summary>
    public IReadOnlyList<(string ConversationId, string MemberId)> RosterRequests => rosterRequests.ToArray();

    /// <summary>
    /// Runs when an activity has arrived, before the connector posts (records) it: a gate that holds the request. If the
    /// bot abandons the request meanwhile (it died), the activity is dropped unposted, as by a connector that never got to it.
    /// </summary>
    public Func<ReceivedActivity, CancellationToken, Task>? BeforePosting { get; set; }

    /// <summary>
    /// Runs once the activity is posted (recorded) and before the answer goes back: the connector's own latency after it
    /// commits (a delay), or a gate that holds the answer while a test kills the bot. Gets the request's abort token.
    /// </summary>
    public Func<ReceivedActivity, CancellationToken, Task>? AfterPosting { get; set; }

    /// <summary>Delays every roster answer (a slow connector); zero by default.</summary>
    public TimeSpan RosterDelay { get; set; }

    /// <summary>How many times each reminder was delivered, by reminder id.</summary>
    public IReadOnlyDictionary<string, int> RemindersDelivered =>
        Received.Select(r => r.ReminderId).OfType<string>().GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

    /// <param name="clock">The clock arrival times are read from (the system clock by default).</param>
    /// <param name="oneRequestAtATime">Take the next request only once the last one is answered (the real connector takes many at once).</param>
    public static async Task<FakeBotConnector> StartAsync(TimeProvider? clock = null, bool oneRequestAtATime = false)
    {
        var connector = new FakeBotConnector(clock ?? TimeProvider.System, oneRequestAtATime);
        connector.server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext http, string conversationId) => connector.ReceiveAsync(http, conversationId, null));
            app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (HttpContext http, string conversationId, string replyToId) => connector.ReceiveAsync(http, conversationId, replyToId));
            app.MapGet("/v3/conversations/{conversationId}/members/{memberId}", (HttpContext http, string conversationId, string memberId) => connector.MemberAsync(http, conversationId, memberId));
        });
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
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        oneAtATime?.Dispose();
    }

    private async Task MemberAsync(HttpContext http, string conversationId, string memberId)
    {
        var member = Uri.UnescapeDataString(memberId);
        rosterRequests.Enqueue((Uri.UnescapeDataString(conversationId), member));
        if (RosterDelay > TimeSpan.Zero)
        {
            await Task.Delay(RosterDelay, http.RequestAborted);
        }

        http.Response.ContentType = "application/json";
        if (Members.TryGetValue(member, out var found))
        {
            await http.Response.WriteAsync(found.ToJson().ToString());
            return;
        }

        http.Response.StatusCode = 404;
        await http.Response.WriteAsync("""{"error":{"code":"MemberNotFoundInConversation","message":"The member is not in the conversation."}}""");
    }

    private async Task ReceiveAsync(HttpContext http, string conversationId, string? replyToId)
    {
        if (oneAtATime is null)
        {
            await AnswerAsync(http, conversationId, replyToId);
            return;
        }

        await oneAtATime.WaitAsync(http.RequestAborted);
        try
        {
            await AnswerAsync(http, conversationId, replyToId);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task AnswerAsync(HttpContext http, string conversationId, string? replyToId)
    {
        using var reader = new StreamReader(http.Request.Body);
        var activity = JObject.Parse(await reader.ReadToEndAsync());
        if (!await PassAsync(BeforePosting, new ReceivedActivity(Uri.UnescapeDataString(conversationId), replyToId, activity, clock.GetUtcNow()), http.RequestAborted))
        {
            return;
        }

        var posted = new ReceivedActivity(Uri.UnescapeDataString(conversationId), replyToId, activity, clock.GetUtcNow());
        received.Enqueue(posted);
        int number;
        lock (gate)
        {
            number = ++requests;
        }

        try
        {
            if (!await PassAsync(AfterPosting, posted, http.RequestAborted))
            {
                return;
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
        }
        finally
        {
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

    /// <summary>Runs a hook; false when the bot abandoned the request meanwhile.</summary>
    private static async Task<bool> PassAsync(Func<ReceivedActivity, CancellationToken, Task>? hook, ReceivedActivity activity, CancellationToken aborted)
    {
        if (hook is null)
        {
            return true;
        }

        try
        {
            await hook(activity, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return false;
        }

        return !aborted.IsCancellationRequested;
    }
}
