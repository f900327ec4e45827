using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OutreachBot.Features.Reminders;

namespace OutreachBot.Tests.Features.Reminders;

public sealed class ReminderDispatcherServiceTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_dispatcher_loop_that_fails_is_logged_and_restarted_after_the_restart_delay()
    {
        var clock = new FakeTimeProvider(ReminderBotHost.Epoch);
        var store = new FailingOnceStore(new InMemoryEntityStore());
        var dispatcher = new ReminderDispatcher(new ReminderRepository(store, clock), new NeverCalledDelivery(), clock);
        var logger = new ListLogger<ReminderDispatcherService>();
        var options = Options.Create(new ReminderOptions { RestartDelay = TimeSpan.FromSeconds(5) });
        using var service = new ReminderDispatcherService(dispatcher, options, clock, logger);
        var asleep = dispatcher.NextSleepAsync();

        await service.StartAsync(CancellationToken.None);
        await store.Failed.WaitAsync(Safety);
        var failedAt = clock.GetUtcNow();
        while (dispatcher.PassCount < 2 && !asleep.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Yield();
        }

        await asleep.WaitAsync(Safety);
        await service.StopAsync(CancellationToken.None);

        Assert.True(clock.GetUtcNow() - failedAt >= TimeSpan.FromSeconds(5), $"restarted after {clock.GetUtcNow() - failedAt}");
        Assert.Equal(2, dispatcher.PassCount);
        var error = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    [Fact]
    public async Task A_disabled_dispatcher_never_runs()
    {
        var clock = new FakeTimeProvider(ReminderBotHost.Epoch);
        var dispatcher = new ReminderDispatcher(new ReminderRepository(new InMemoryEntityStore(), clock), new NeverCalledDelivery(), clock);
        using var service = new ReminderDispatcherService(dispatcher, Options.Create(new ReminderOptions { Enabled = false }), clock, new ListLogger<ReminderDispatcherService>());

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(Safety);

        Assert.Equal(0, dispatcher.PassCount);
    }

    private sealed class NeverCalledDelivery : IReminderDelivery
    {
        public Task<DeliveryResult> SendAsync(Reminder reminder, string idempotencyKey, bool isLate, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Nothing is due in these tests.");
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        public ConcurrentQueue<(LogLevel Level, Exception? Exception)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, exception));
    }

    /// <summary>The first query fails with a bug-like exception (not a storage outage, which the dispatcher handles itself).</summary>
    private sealed class FailingOnceStore(IEntityStore inner) : IEntityStore
    {
        private readonly TaskCompletionSource failed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Failed => failed.Task;

        public Task<EntityPage> QueryAsync(string table, string partitionKey, RowKeyRange range, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
        {
            if (failed.TrySetResult())
            {
                throw new InvalidOperationException("first query fails");
            }

            return inner.QueryAsync(table, partitionKey, range, pageSize, continuationToken, cancellationToken);
        }

        public Task<StoredEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) => inner.GetAsync(table, partitionKey, rowKey, cancellationToken);

        public Task<StoredEntity> InsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) => inner.InsertAsync(table, partitionKey, rowKey, json, cancellationToken);

        public Task<StoredEntity> ReplaceAsync(string table, StoredEntity entity, CancellationToken cancellationToken = default) => inner.ReplaceAsync(table, entity, cancellationToken);

        public Task<StoredEntity> UpsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) => inner.UpsertAsync(table, partitionKey, rowKey, json, cancellationToken);

        public Task DeleteAsync(string table, string partitionKey, string rowKey, string? etag, CancellationToken cancellationToken = default) => inner.DeleteAsync(table, partitionKey, rowKey, etag, cancellationToken);

        public Task<IReadOnlyList<StoredEntity>> SubmitBatchAsync(string table, string partitionKey, IReadOnlyList<EntityOperation> operations, CancellationToken cancellationToken = default) => inner.SubmitBatchAsync(table, partitionKey, operations, cancellationToken);

        public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default) => inner.IsHealthyAsync(cancellationToken);
    }
}
