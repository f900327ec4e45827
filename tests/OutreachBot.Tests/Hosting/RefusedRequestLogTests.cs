using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using OutreachBot.Hosting;

namespace OutreachBot.Tests.Hosting;

public sealed class RefusedRequestLogTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero));
    private readonly FakeLogger<RefusedRequestLog> logger = new();

    private RefusedRequestLog Log(int linesPerMinute) =>
        new(logger, time, Options.Create(new BotOptions { RefusalLogLinesPerMinute = linesPerMinute }));

    private IReadOnlyList<string> Lines(string startingWith) =>
        logger.Collector.GetSnapshot().Select(r => r.Message).Where(m => m.StartsWith(startingWith, StringComparison.Ordinal)).ToList();

    private static void Flood(RefusedRequestLog log, int requests)
    {
        for (var i = 0; i < requests; i++)
        {
            log.Refuse(401, "invalid signature", "192.0.2.7");
        }
    }

    [Fact]
    public void Each_refused_request_is_one_warning_line_with_status_reason_and_caller()
    {
        using var log = Log(linesPerMinute: 60);

        log.Refuse(401, "token expired", "192.0.2.7");

        var record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Equal("Refused a request to /api/messages with 401: token expired (from 192.0.2.7)", record.Message);
        Assert.Null(record.Exception);
    }

    [Fact]
    public void A_flood_logs_at_most_the_limit_and_the_rest_is_one_suppressed_line_a_minute_later()
    {
        using var log = Log(linesPerMinute: 10);

        Flood(log, 1000);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(10, Lines("Refused").Count);
        Assert.Equal(["Suppressed 990 more refused-request lines (at most 10 are logged per minute)"], Lines("Suppressed"));
    }

    [Fact]
    public void The_bucket_refills_at_the_limit_per_minute()
    {
        using var log = Log(linesPerMinute: 60);
        Flood(log, 60);

        time.Advance(TimeSpan.FromSeconds(5));
        Flood(log, 100);

        Assert.Equal(65, Lines("Refused").Count);
    }

    [Fact]
    public void No_suppressed_line_is_written_when_nothing_was_suppressed()
    {
        using var log = Log(linesPerMinute: 10);
        Flood(log, 3);

        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(Lines("Suppressed"));
    }

    [Fact]
    public void Requests_suppressed_just_before_shutdown_are_still_counted()
    {
        var log = Log(linesPerMinute: 2);
        Flood(log, 7);

        log.Dispose();

        Assert.Equal(["Suppressed 5 more refused-request lines (at most 2 are logged per minute)"], Lines("Suppressed"));
    }

    [Fact]
    public void Failures_outside_the_turn_are_logged_with_their_exception_within_the_same_limit()
    {
        using var log = Log(linesPerMinute: 2);
        log.Refuse(401, "invalid signature", "192.0.2.7");

        log.Fail(new InvalidOperationException("boom"), "192.0.2.8");
        log.Fail(new InvalidOperationException("boom again"), "192.0.2.8");
        log.Dispose();

        var error = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Equal("boom", error.Exception?.Message);
        Assert.Equal(["Suppressed 1 more refused-request lines (at most 2 are logged per minute)"], Lines("Suppressed"));
    }
}
