namespace OutreachBot.Reliability.Support;

/// <summary>
/// Two bot instances as deployed, over the same Azurite tables, the way two App Service instances share one storage
/// account; each is reached over its own HTTP client, and the domain's outreach use cases can be called on the same
/// tables directly.
/// </summary>
public sealed class TwoInstances : IDisposable
{
    private readonly AzuriteFixture azurite;
    private readonly string tablePrefix = TestStore.UniqueTablePrefix();
    private readonly Lazy<(BotTestHost Host, HttpClient Http)> first;
    private readonly Lazy<(BotTestHost Host, HttpClient Http)> second;

    public TwoInstances(AzuriteFixture azurite)
    {
        this.azurite = azurite;
        first = new(Start);
        second = new(Start);
    }

    /// <summary>The user talking to the first instance.</summary>
    public ChatUser First(SimulatedUser user) => new(first.Value.Http, first.Value.Host.MessagesEndpoint, user);

    /// <summary>The user talking to the second instance.</summary>
    public ChatUser Second(SimulatedUser user) => new(second.Value.Http, second.Value.Host.MessagesEndpoint, user);

    /// <summary>The tables both instances use, opened anew (as a third process would).</summary>
    public AzureTableEntityStore Store() =>
        new(new AzureTablesStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = tablePrefix });

    /// <summary>The outreach use cases over those tables, without the bot around them.</summary>
    public OutreachService Service() =>
        new(new OutreachRepository(Store()), new NoAlternativeDepartments(), new NextActionPlaybook(), TimeProvider.System);

    public void Dispose()
    {
        foreach (var instance in new[] { first, second }.Where(i => i.IsValueCreated))
        {
            instance.Value.Http.Dispose();
            instance.Value.Host.Dispose();
        }
    }

    private (BotTestHost Host, HttpClient Http) Start()
    {
        var host = new BotTestHost(BotTestOptions.AsDeployed with { Store = TestStore.AzureTables(azurite.ConnectionString, tablePrefix) });
        return (host, host.CreateClient());
    }
}
