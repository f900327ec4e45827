namespace OutreachBot.Storage.Tests.Contract;

public sealed class SqliteEntityStoreContractTests : EntityStoreContractTests, IDisposable
{
    private readonly TemporaryDirectory directory = new();
    private readonly SqliteEntityStore store;

    public SqliteEntityStoreContractTests()
    {
        store = new SqliteEntityStore(new SqliteStorageOptions { Path = directory.File("contract.db") });
    }

    protected override IEntityStore Store => store;

    public void Dispose()
    {
        store.Dispose();
        directory.Dispose();
    }
}
