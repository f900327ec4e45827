using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Tests.Features.Outreaches;

/// <summary>A whole chat turn that records an outcome reads the outreach's record once and writes it once.</summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class OutcomeStorageReadsTests
{
    [Theory]
    [InlineData("refused", "Payments Platform said no")]
    [InlineData("interested", "Payments Platform is interested")]
    [InlineData("no-capacity", "Payments Platform is keen but short of people")]
    public async Task Pressing_an_outcome_button_reads_the_outreach_once_in_the_whole_turn(string outcome, string answer)
    {
        var store = new CountingEntityStore(new InMemoryEntityStore());
        using var bot = await OutreachChat.StartAsync(services => services.AddSingleton<IEntityStore>(store));
        var outreach = await bot.OutreachAsync("test:user-1", "Merchant risk checks", ["pay-core", "risk"]);
        var chat = bot.Host.Chat();
        var before = store.Snapshot();

        var replies = await chat.ExecuteAsync(OutreachChat.Invoke(RecordOutcome.Verb, new Dictionary<string, string>
        {
            ["outreachId"] = outreach.Id,
            ["departmentId"] = "pay-core",
            ["outcome"] = outcome,
        }));

        Assert.Contains(answer, replies.Seen());
        Assert.Equal(1, OutreachReads(store, before));
        Assert.Equal(1, Delta(store, before, "batch:outreaches:owner"));
    }

    [Fact]
    public async Task Typing_an_outcome_reads_my_outreaches_once_in_the_whole_turn()
    {
        var store = new CountingEntityStore(new InMemoryEntityStore());
        using var bot = await OutreachChat.StartAsync(services => services.AddSingleton<IEntityStore>(store));
        var outreach = await bot.OutreachAsync("test:user-1", "Merchant risk checks", ["pay-core", "risk"]);
        var chat = bot.Host.Chat();
        var before = store.Snapshot();

        var replies = await chat.SayAsync("outcome payments platform refused revenue is not their KPI");

        Assert.Contains("Payments Platform said no", replies.Seen());
        Assert.Equal(1, OutreachReads(store, before));
        Assert.Equal(1, Delta(store, before, "batch:outreaches:owner"));
        Assert.Equal(TargetStage.Refused, (await bot.Service.GetAsync(Requester.User("test:user-1"), outreach.Id)).Value!.FindTarget("pay-core")!.Stage);
    }

    /// <summary>Outreach records live in their owner's partition: a get reads one, a query reads the owner's list.</summary>
    private static long OutreachReads(CountingEntityStore store, IReadOnlyDictionary<string, long> before) =>
        Delta(store, before, "get:outreaches:owner") + Delta(store, before, "query:outreaches:owner");

    private static long Delta(CountingEntityStore store, IReadOnlyDictionary<string, long> before, string key) =>
        store.Snapshot().GetValueOrDefault(key) - before.GetValueOrDefault(key);
}
