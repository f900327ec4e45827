namespace OutreachBot.Testing;

/// <summary>
/// One Azurite per test assembly, shared by every class in the collection. xunit wants the definition in the test
/// assembly itself, so this one file is linked into each project that needs Azurite; the fixture is in the kit.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
