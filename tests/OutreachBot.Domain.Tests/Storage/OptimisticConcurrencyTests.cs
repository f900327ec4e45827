using OutreachBot.Domain.Storage;

namespace OutreachBot.Domain.Tests.Storage;

public sealed class OptimisticConcurrencyTests
{
    [Fact]
    public async Task An_attempt_that_lost_a_race_runs_again_until_it_wins()
    {
        var attempts = 0;

        var result = await OptimisticConcurrency.RetryAsync(_ =>
        {
            attempts++;
            return attempts < 3 ? throw new EntityConflictException("T1", "p", "r") : ValueTask.FromResult("saved");
        });

        Assert.Equal("saved", result);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task A_row_removed_between_read_and_write_counts_as_a_lost_race()
    {
        var attempts = 0;

        await OptimisticConcurrency.RetryAsync(_ =>
        {
            attempts++;
            return attempts == 1 ? throw new EntityNotFoundException("T1", "p", "r") : ValueTask.CompletedTask;
        });

        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task When_every_attempt_loses_the_last_conflict_reaches_the_caller_after_the_one_budget()
    {
        var attempts = 0;

        var conflict = await Assert.ThrowsAsync<EntityConflictException>(async () => await OptimisticConcurrency.RetryAsync<int>(_ =>
        {
            attempts++;
            throw new EntityConflictException("T1", "p", "r" + attempts);
        }));

        Assert.Equal(OptimisticConcurrency.MaxAttempts, attempts);
        Assert.Equal("r" + OptimisticConcurrency.MaxAttempts, conflict.RowKey);
    }

    [Fact]
    public async Task Other_failures_are_not_retried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<StorageUnavailableException>(async () => await OptimisticConcurrency.RetryAsync<int>(_ =>
        {
            attempts++;
            throw new StorageUnavailableException("down");
        }));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Many_writers_of_one_row_all_get_their_increment_in()
    {
        var store = new InMemoryEntityStore();
        await store.InsertAsync("Counters", "p", "c", "0");

        await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(() => OptimisticConcurrency.RetryAsync(async token =>
        {
            var current = (await store.GetAsync("Counters", "p", "c", token))!;
            await Task.Yield();
            await store.ReplaceAsync("Counters", current with { Json = (int.Parse(current.Json, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) }, token);
        }).AsTask())));

        Assert.Equal("24", (await store.GetAsync("Counters", "p", "c"))!.Json);
    }
}
