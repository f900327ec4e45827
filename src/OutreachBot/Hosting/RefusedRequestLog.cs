using Microsoft.Extensions.Options;

namespace OutreachBot.Hosting;

/// <summary>
/// One short line per request refused at the edge (or failed there with a 500), through a token bucket: at most
/// <see cref="BotOptions.RefusalLogLinesPerMinute"/> lines a minute (bursts up to that many), the rest counted and
/// reported once a minute as one "suppressed" line. Anyone can send refused requests, so they must not be able to
/// fill the log.
/// </summary>
public sealed partial class RefusedRequestLog : IDisposable
{
    private static readonly TimeSpan SummaryPeriod = TimeSpan.FromMinutes(1);
    private readonly ILogger<RefusedRequestLog> logger;
    private readonly TimeProvider time;
    private readonly double capacity;
    private readonly double tokensPerSecond;
    private readonly ITimer summary;
    private readonly Lock gate = new();
    private double tokens;
    private long refilledAt;
    private long suppressed;

    public RefusedRequestLog(ILogger<RefusedRequestLog> logger, TimeProvider time, IOptions<BotOptions> options)
    {
        this.logger = logger;
        this.time = time;
        capacity = options.Value.RefusalLogLinesPerMinute;
        tokensPerSecond = capacity / 60.0;
        tokens = capacity;
        refilledAt = time.GetTimestamp();
        summary = time.CreateTimer(_ => ReportSuppressed(), null, SummaryPeriod, SummaryPeriod);
    }

    /// <param name="status">The HTTP status the request got.</param>
    /// <param name="reason">A fixed, short description; never text taken from the request.</param>
    /// <param name="remoteAddress">The caller's address, so a flood can be traced.</param>
    public void Refuse(int status, string reason, string? remoteAddress)
    {
        if (TryTake())
        {
            LogRefused(logger, status, reason, remoteAddress ?? "unknown");
        }
        else
        {
            Interlocked.Increment(ref suppressed);
        }
    }

    /// <summary>A request that failed outside its turn (a 500): logged with its exception, through the same bucket.</summary>
    public void Fail(Exception exception, string? remoteAddress)
    {
        if (TryTake())
        {
            LogFailed(logger, remoteAddress ?? "unknown", exception);
        }
        else
        {
            Interlocked.Increment(ref suppressed);
        }
    }

    public void Dispose()
    {
        summary.Dispose();
        ReportSuppressed();
    }

    private bool TryTake()
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            tokens = Math.Min(capacity, tokens + (time.GetElapsedTime(refilledAt, now).TotalSeconds * tokensPerSecond));
            refilledAt = now;
            if (tokens < 1)
            {
                return false;
            }

            tokens--;
            return true;
        }
    }

    private void ReportSuppressed()
    {
        var count = Interlocked.Exchange(ref suppressed, 0);
        if (count > 0)
        {
            LogSuppressed(logger, count, (int)capacity);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused a request to /api/messages with {Status}: {Reason} (from {RemoteAddress})")]
    private static partial void LogRefused(ILogger logger, int status, string reason, string remoteAddress);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "A request to /api/messages failed outside its turn and got 500 (from {RemoteAddress})")]
    private static partial void LogFailed(ILogger logger, string remoteAddress, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Suppressed {Count} more refused-request lines (at most {Limit} are logged per minute)")]
    private static partial void LogSuppressed(ILogger logger, long count, int limit);
}
