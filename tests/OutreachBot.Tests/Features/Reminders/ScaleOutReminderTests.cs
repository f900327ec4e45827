using System.Diagnostics;
using OutreachBot.Storage.AzureTables;
using OutreachBot.Testing;
using Xunit.Abstractions;

namespace OutreachBot.Tests.Features.Reminders;

/// <summary>Two bot instances (two hosts, two store clients) over one Azurite, sending to one fake Bot Connector.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScaleOutReminderTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Users = 250;
    private const int RemindersPerUser = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider clock = new(ReminderBotHost.Epoch);
    private readonly string tablePrefix = "r" + Guid.NewGuid().ToString("N")[..8];
    private FakeBotConnector connector = null!;

    public async Task InitializeAsync() => connector = await FakeBotConnector.StartAsync(clock);

    public async Task DisposeAsync() => await connector.DisposeAsync();

    private AzureTableEntityStore NewStoreClient() =>
        new(new AzureTablesStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = tablePrefix });

    [Fact]
    public async Task Two_dispatchers_over_one_Azurite_deliver_each_of_1000_due_reminders_exactly_once()
    {
        var seeding = NewStoreClient();
        var repository = new ReminderRepository(seeding, clock);
        var due = clock.GetUtcNow().AddMinutes(1);
        var owners = new string[Users];
        for (var u = 0; u < Users; u++)
        {
            owners[u] = await ReminderBotHost.UserTalkedToTheBotAsync(seeding, clock, connector.ServiceUrl, $"user-{u}", $"a:chat-{u}");
        }

        var reminders = Enumerable.Range(0, Users * RemindersPerUser)
            .Select(i => Reminder.CreateManual(owners[i % Users], $"a:chat-{i % Users}", $"follow up #{i}", due, clock.GetUtcNow()))
            .ToList();
        await Parallel.ForEachAsync(reminders, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (r, token) => await repository.ScheduleAsync(r, token));
        await using var first = await ReminderBotHost.StartAsync(NewStoreClient(), clock);
        await using var second = await ReminderBotHost.StartAsync(NewStoreClient(), clock);
        var firstAsleep = first.Dispatcher.NextSleepAsync();
        var secondAsleep = second.Dispatcher.NextSleepAsync();
        var stopwatch = Stopwatch.StartNew();

        clock.Advance(TimeSpan.FromMinutes(1));
        await connector.WaitForRequestsAsync(reminders.Count).WaitAsync(Patience);
        var deliveredIn = stopwatch.Elapsed;
        await Task.WhenAll(firstAsleep, secondAsleep).WaitAsync(Patience);
        firstAsleep = first.Dispatcher.NextSleepAsync();
        secondAsleep = second.Dispatcher.NextSleepAsync();
        clock.Advance(TimeSpan.FromMinutes(5));
        await Task.WhenAll(firstAsleep, secondAsleep).WaitAsync(Patience);

        output.WriteLine($"{reminders.Count} reminders delivered by two instances over Azurite in {deliveredIn.TotalSeconds:0.0} s");
        var keys = connector.Received.Select(r => r.IdempotencyKey).ToList();
        Assert.Equal(reminders.Count, keys.Count);
        Assert.Equal(reminders.Select(r => r.IdempotencyKey).Order(), keys.Order());
        var states = new List<ReminderState>();
        foreach (var owner in owners)
        {
            states.AddRange((await repository.ListForOwnerAsync(owner, includeFinished: true)).Select(r => r.State));
        }

        Assert.Equal(reminders.Count, states.Count(s => s == ReminderState.Sent));
    }
}
