using Polly;
using Polly.Retry;

namespace OutreachBot.Domain.Storage;

/// <summary>
/// The one way every repository repeats a read-modify-write that lost a race. An attempt reads (with the ETag),
/// changes and writes conditionally; when the write is refused because someone else wrote first
/// (<see cref="EntityConflictException"/>) or removed the row meanwhile (<see cref="EntityNotFoundException"/>), the
/// whole attempt runs again on the latest version after a short, growing, jittered pause, so writers that collided
/// once do not collide again in lock-step. One budget for every aggregate; when it is spent the last conflict is
/// rethrown and the caller reports "busy".
/// </summary>
public static class OptimisticConcurrency
{
    /// <summary>Attempts before a lost race is reported: dozens of writers on one row all get through.</summary>
    public const int MaxAttempts = 16;

    /// <summary>The pause before the first retry; it doubles (with jitter) up to <see cref="MaxDelay"/>.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(10);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(500);

    // Pauses between attempts are real time on purpose: they spread real writers apart and are no business time, so a
    // test's fake clock must not be able to stall them.
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<EntityConflictException>().Handle<EntityNotFoundException>(),
            MaxRetryAttempts = MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = FirstDelay,
            MaxDelay = MaxDelay,
        })
        .Build();

    /// <summary>
    /// Runs <paramref name="attempt"/> until it completes without losing a race. An attempt signals a lost race by
    /// throwing <see cref="EntityConflictException"/> or <see cref="EntityNotFoundException"/> (the store does so for a
    /// stale ETag); when all <see cref="MaxAttempts"/> lost, the last of them is rethrown.
    /// </summary>
    public static ValueTask<T> RetryAsync<T>(Func<CancellationToken, ValueTask<T>> attempt, CancellationToken cancellationToken = default) =>
        Retry.ExecuteAsync(attempt, cancellationToken);

    /// <inheritdoc cref="RetryAsync{T}(Func{CancellationToken, ValueTask{T}}, CancellationToken)"/>
    public static ValueTask RetryAsync(Func<CancellationToken, ValueTask> attempt, CancellationToken cancellationToken = default) =>
        Retry.ExecuteAsync(attempt, cancellationToken);

    /// <summary>True when <paramref name="exception"/> is how a conditional write reports that another writer got there first.</summary>
    public static bool IsLostRace(Exception exception) => exception is EntityConflictException or EntityNotFoundException;
}
