namespace OutreachBot.Domain.Tests.Reminders;

public sealed class SlidingWindowRateLimiterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);
    private readonly SlidingWindowRateLimiter limiter;

    public SlidingWindowRateLimiterTests() => limiter = new SlidingWindowRateLimiter(SlidingWindowRateLimiter.TeamsPerConversation, time);

    [Fact]
    public void The_eighth_message_within_a_second_waits_for_the_second_to_pass()
    {
        var granted = SendMany("conv", 7);

        var eighth = limiter.TryAcquire("conv", out var availableAt);

        Assert.Equal(7, granted);
        Assert.False(eighth);
        Assert.Equal(Start.AddSeconds(1), availableAt);
    }

    [Fact]
    public void At_most_eight_messages_go_out_in_any_two_seconds()
    {
        SendMany("conv", 7);
        time.Advance(TimeSpan.FromSeconds(1));

        var eighth = limiter.TryAcquire("conv", out _);
        var ninth = limiter.TryAcquire("conv", out var availableAt);

        Assert.True(eighth);
        Assert.False(ninth);
        Assert.Equal(Start.AddSeconds(2), availableAt);
    }

    [Fact]
    public void Sending_as_fast_as_allowed_for_an_hour_respects_every_teams_window()
    {
        var sent = new List<DateTimeOffset>();
        while (time.GetUtcNow() < Start.AddHours(1))
        {
            if (limiter.TryAcquire("conv", out var availableAt))
            {
                sent.Add(time.GetUtcNow());
            }
            else
            {
                time.SetUtcNow(availableAt);
            }
        }

        Assert.Equal(1800, sent.Count(t => t < Start.AddHours(1)));
        foreach (var window in SlidingWindowRateLimiter.TeamsPerConversation)
        {
            var busiest = sent.Max(t => sent.Count(s => s >= t && s < t + window.Span));
            Assert.True(busiest <= window.Limit, $"{busiest} messages in {window.Span}, limit {window.Limit}");
        }
    }

    [Fact]
    public void Asking_whether_a_conversation_is_free_takes_no_slot()
    {
        SendMany("conv", 6);

        var free = limiter.IsAvailable("conv", out _);
        var seventh = limiter.TryAcquire("conv", out _);
        var full = limiter.IsAvailable("conv", out var availableAt);

        Assert.True(free);
        Assert.True(seventh);
        Assert.False(full);
        Assert.Equal(Start.AddSeconds(1), availableAt);
    }

    [Fact]
    public void Conversations_are_limited_independently()
    {
        SendMany("busy", 7);

        var other = limiter.TryAcquire("quiet", out _);

        Assert.True(other);
    }

    [Fact]
    public void A_retry_after_blocks_the_conversation_until_then()
    {
        limiter.BlockUntil("conv", Start.AddSeconds(30));
        time.Advance(TimeSpan.FromSeconds(29));

        var early = limiter.TryAcquire("conv", out var availableAt);
        time.Advance(TimeSpan.FromSeconds(1));
        var onTime = limiter.TryAcquire("conv", out _);

        Assert.False(early);
        Assert.Equal(Start.AddSeconds(30), availableAt);
        Assert.True(onTime);
    }

    [Fact]
    public void Quiet_conversations_are_forgotten()
    {
        limiter.TryAcquire("conv", out _);
        time.Advance(TimeSpan.FromHours(1));

        limiter.Prune();

        Assert.Equal(0, limiter.TrackedKeys);
    }

    private int SendMany(string key, int count) =>
        Enumerable.Range(0, count).Count(i => limiter.TryAcquire(key, out var ignored));
}
