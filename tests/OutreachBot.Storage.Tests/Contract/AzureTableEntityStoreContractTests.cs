using OutreachBot.Testing;

namespace OutreachBot.Storage.Tests.Contract;

[Collection(AzuriteCollection.Name)]
public sealed class AzureTableEntityStoreContractTests(AzuriteFixture azurite) : EntityStoreContractTests
{
    protected override IEntityStore Store { get; } = new AzureTableEntityStore(new AzureTablesStorageOptions
    {
        ConnectionString = azurite.ConnectionString,
        TablePrefix = "Contract",
    });
}
