namespace OutreachBot.Tests.Support;

/// <summary>
/// Every test class that makes the bot send cards belongs to this collection. When the collection ends, all cards
/// collected during it go through the official renderer (<see cref="RenderedCardsCheck"/>, in the test kit).
/// </summary>
[CollectionDefinition(Name)]
public sealed class RenderedCardsCollection : ICollectionFixture<RenderedCardsCheck>
{
    public const string Name = "Rendered cards";
}
