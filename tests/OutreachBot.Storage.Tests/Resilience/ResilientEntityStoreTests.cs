using Microsoft.Extensions.Time.Testing;
using OutreachBot.Storage.Resilience;

namespace OutreachBot.Storage.Tests.Resilience;

public sealed class ResilientEntityStoreTests
{
    private static readonly StorageResilienceOptions Options = new()
    {
        CallTimeout = TimeSpan.FromSeconds(5),
        MessageTurnBudget = TimeSpan.FromSeconds(8),
        InvokeTurnBudget = TimeSpan.FromSeconds(3),
        BreakAfterFailures = 3,
        SamplingDuration = TimeSpan.FromSeconds(15),
        BreakDuration = TimeSpan.FromSeconds(5),
    };

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 6, 20, 0, TimeSpan.Zero));
    private readonly ScriptedStore inner = new();

    [Fact]
    public async Task A_call_that_hangs_is_cut_at_the_call_timeout_and_reported_unavailable()
    {
        var store = new ResilientEntityStore(inner.Hanging(), Options, time: clock);

        var call = store.GetAsync("Profiles", "p", "r");
        clock.Advance(TimeSpan.FromSeconds(5));

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => call);
        Assert.Contains("5 s", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hung_call_whose_sdk_reports_the_cut_in_its_own_exception_is_still_a_timeout()
    {
        var store = new ResilientEntityStore(inner.HangingThenWrapping(), Options, time: clock);

        var call = store.UpsertAsync("Profiles", "p", "r", "{}");
        clock.Advance(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<StorageUnavailableException>(() => call);
    }

    [Fact]
    public async Task In_a_turn_a_hung_call_gets_only_what_is_left_of_the_turn_budget()
    {
        var store = new ResilientEntityStore(inner.Hanging(), Options, time: clock);
        using var turn = StorageDeadline.Begin(TimeSpan.FromSeconds(3), clock);
        clock.Advance(TimeSpan.FromSeconds(1));

        var call = store.GetAsync("Profiles", "p", "r");
        clock.Advance(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAsync<StorageUnavailableException>(() => call);
    }

    [Fact]
    public async Task Once_the_turn_budget_is_spent_no_further_call_reaches_the_store()
    {
        var store = new ResilientEntityStore(inner, Options, time: clock);
        using var turn = StorageDeadline.Begin(TimeSpan.FromSeconds(3), clock);
        clock.Advance(TimeSpan.FromSeconds(4));

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.UpsertAsync("Profiles", "p", "r", "{}"));

        Assert.Equal(0, inner.Calls);
    }

    [Fact]
    public async Task Repeated_failures_open_the_breaker_so_calls_fail_at_once_until_the_break_is_over()
    {
        var store = new ResilientEntityStore(inner.Failing(), Options, time: clock);
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => store.GetAsync("Profiles", "p", "r"));
        }

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.GetAsync("Profiles", "p", "r"));
        var callsWhileOpen = inner.Calls;
        var healthyWhileOpen = await store.IsHealthyAsync();
        inner.Recover();
        clock.Advance(TimeSpan.FromSeconds(6));
        var healthyAfterBreak = await store.IsHealthyAsync();
        var found = await store.GetAsync("Profiles", "p", "r");

        Assert.Equal(3, callsWhileOpen);
        Assert.False(healthyWhileOpen);
        Assert.True(healthyAfterBreak);
        Assert.Null(found);
    }

    [Fact]
    public async Task Conflicts_are_answers_they_pass_through_and_never_open_the_breaker()
    {
        var store = new ResilientEntityStore(inner.Conflicting(), Options, time: clock);

        for (var i = 0; i < 6; i++)
        {
            await Assert.ThrowsAsync<EntityConflictException>(() => store.InsertAsync("Profiles", "p", "r", "{}"));
        }

        Assert.Equal(6, inner.Calls);
        Assert.True(await store.IsHealthyAsync());
    }

    /// <summary>An adapter that answers, hangs until cancelled, fails as unreachable, or reports a conflict.</summary>
    private sealed class ScriptedStore : IEntityStore
    {
        private Mode mode = Mode.Answer;
        private int calls;

        private enum Mode
        {
            Answer,
            Hang,
            HangThenWrap,
            Fail,
            Conflict,
        }

        public int Calls => calls;

        public ScriptedStore Hanging() => With(Mode.Hang);

        public ScriptedStore HangingThenWrapping() => With(Mode.HangThenWrap);

        public ScriptedStore Failing() => With(Mode.Fail);

        public ScriptedStore Conflicting() => With(Mode.Conflict);

        public void Recover() => mode = Mode.Answer;

        public Task<StoredEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
            Act<StoredEntity?>(null, cancellationToken);

        public Task<StoredEntity> InsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) =>
            Act(new StoredEntity(partitionKey, rowKey, json, "e"), cancellationToken);

        public Task<StoredEntity> ReplaceAsync(string table, StoredEntity entity, CancellationToken cancellationToken = default) =>
            Act(entity, cancellationToken);

        public Task<StoredEntity> UpsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) =>
            Act(new StoredEntity(partitionKey, rowKey, json, "e"), cancellationToken);

        public Task DeleteAsync(string table, string partitionKey, string rowKey, string? etag, CancellationToken cancellationToken = default) =>
            Act(true, cancellationToken);

        public Task<EntityPage> QueryAsync(string table, string partitionKey, RowKeyRange range, int pageSize, string? continuationToken, CancellationToken cancellationToken = default) =>
            Act(new EntityPage([], null), cancellationToken);

        public Task<IReadOnlyList<StoredEntity>> SubmitBatchAsync(string table, string partitionKey, IReadOnlyList<EntityOperation> operations, CancellationToken cancellationToken = default) =>
            Act<IReadOnlyList<StoredEntity>>([], cancellationToken);

        public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default) => Task.FromResult(mode is Mode.Answer or Mode.Conflict);

        private ScriptedStore With(Mode next)
        {
            mode = next;
            return this;
        }

        private async Task<T> Act<T>(T answer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            switch (mode)
            {
                case Mode.Hang:
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    break;
                case Mode.HangThenWrap:
                    try
                    {
                        await Task.Delay(Timeout.Infinite, cancellationToken);
                    }
                    catch (OperationCanceledException cancelled)
                    {
                        throw new AggregateException("Retry failed after 2 tries.", cancelled);
                    }

                    break;
                case Mode.Fail:
                    throw new StorageUnavailableException("unreachable (test)");
                case Mode.Conflict:
                    throw new EntityConflictException("Profiles", "p", "r");
            }

            return answer;
        }
    }
}
