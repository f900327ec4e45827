using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace OutreachBot.Storage.Resilience;

/// <summary>
/// Wraps the configured adapter so a sick store costs a user seconds, not minutes. Every call is cut at
/// <see cref="StorageResilienceOptions.CallTimeout"/> or at what is left of the turn's <see cref="StorageDeadline"/>,
/// whichever comes first; repeated failures open a circuit breaker, and while it is open calls fail at once. Either way
/// the caller sees <see cref="StorageUnavailableException"/>, which the turn-error handler turns into the localized
/// apology. Conflicts, missing entities and bad arguments pass through untouched: they are answers, not failures.
/// </summary>
public sealed class ResilientEntityStore : IEntityStore, IDisposable
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(50);
    private readonly StorageResilienceOptions options;
    private readonly TimeProvider time;
    private readonly ResiliencePipeline pipeline;

    /// <param name="time">Real time in production: these bounds guard against real hangs, so a test's fake clock must not stretch them.</param>
    public ResilientEntityStore(IEntityStore inner, StorageResilienceOptions options, ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        Inner = inner ?? throw new ArgumentNullException(nameof(inner));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.time = time ?? TimeProvider.System;
        var builder = new ResiliencePipelineBuilder { TimeProvider = this.time, Name = "storage" }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<StorageUnavailableException>().Handle<TimeoutRejectedException>(),
                FailureRatio = 0.5,
                MinimumThroughput = Math.Max(2, options.BreakAfterFailures),
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(new TimeoutStrategyOptions { TimeoutGenerator = _ => ValueTask.FromResult(CallTimeout()) });
        if (loggers is not null)
        {
            builder.ConfigureTelemetry(loggers);
        }

        pipeline = builder.Build();
    }

    /// <summary>The adapter underneath (the load harness's counter, or the adapter itself).</summary>
    public IEntityStore Inner { get; }

    public Task<StoredEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
        RunAsync(token => Inner.GetAsync(table, partitionKey, rowKey, token), cancellationToken);

    public Task<StoredEntity> InsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) =>
        RunAsync(token => Inner.InsertAsync(table, partitionKey, rowKey, json, token), cancellationToken);

    public Task<StoredEntity> ReplaceAsync(string table, StoredEntity entity, CancellationToken cancellationToken = default) =>
        RunAsync(token => Inner.ReplaceAsync(table, entity, token), cancellationToken);

    public Task<StoredEntity> UpsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) =>
        RunAsync(token => Inner.UpsertAsync(table, partitionKey, rowKey, json, token), cancellationToken);

    public Task DeleteAsync(string table, string partitionKey, string rowKey, string? etag, CancellationToken cancellationToken = default) =>
        RunAsync(
            async token =>
            {
                await Inner.DeleteAsync(table, partitionKey, rowKey, etag, token).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public Task<IReadOnlyList<StoredEntity>> GetRowsAsync(string table, string partitionKey, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken = default) =>
        RunAsync(token => Inner.GetRowsAsync(table, partitionKey, rowKeys, token), cancellationToken);

    public Task<EntityPage> QueryAsync(string table, string partitionKey, RowKeyRange range, int pageSize, string? continuationToken, CancellationToken cancellationToken = default) =>
        RunAsync(token => Inner.QueryAsync(table, partitionKey, range, pageSize, continuationToken, token), cancellationToken);

    public Task<IReadOnlyList<StoredEntity>> SubmitBatchAsync(string table, string partitionKey, IReadOnlyList<EntityOperation> operations, CancellationToken cancellationToken = default) =>
        RunAsync(token => Inner.SubmitBatchAsync(table, partitionKey, operations, token), cancellationToken);

    /// <summary>
    /// What a card action would meet right now: the adapter's own check within the invoke budget, through the same
    /// breaker, so an open breaker (calls refused at once) reports unhealthy too.
    /// </summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        using var scope = StorageDeadline.Begin(options.InvokeTurnBudget, time);
        try
        {
            return await RunAsync(
                async token => await Inner.IsHealthyAsync(token).ConfigureAwait(false) ? true : throw new StorageUnavailableException("The storage health probe failed."),
                cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }

    public void Dispose() => (Inner as IDisposable)?.Dispose();

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        if (StorageDeadline.Remaining is { } left && left <= TimeSpan.Zero)
        {
            throw new StorageUnavailableException("The turn's time for storage is spent; the call was not made.");
        }

        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    try
                    {
                        return await call(token).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (token.IsCancellationRequested && !cancellationToken.IsCancellationRequested && exception is not OperationCanceledException)
                    {
                        // Cut off by the time limit, but reported in the SDK's own words (the Azure SDK wraps a cancelled
                        // retry in an AggregateException): it is a timeout all the same.
                        throw new OperationCanceledException("The storage call was cut off by its time limit.", exception, token);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new StorageUnavailableException($"Storage did not answer within {exception.Timeout.TotalSeconds:0.#} s.", exception);
        }
        catch (BrokenCircuitException exception)
        {
            throw new StorageUnavailableException("Storage failed repeatedly just now; calls are refused for a few seconds.", exception);
        }
    }

    private TimeSpan CallTimeout()
    {
        var timeout = options.CallTimeout;
        if (StorageDeadline.Remaining is { } left && left < timeout)
        {
            timeout = left;
        }

        return timeout < Shortest ? Shortest : timeout;
    }
}
