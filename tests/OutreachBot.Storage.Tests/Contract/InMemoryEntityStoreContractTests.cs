namespace OutreachBot.Storage.Tests.Contract;

public sealed class InMemoryEntityStoreContractTests : EntityStoreContractTests
{
    protected override IEntityStore Store { get; } = new InMemoryEntityStore();
}
