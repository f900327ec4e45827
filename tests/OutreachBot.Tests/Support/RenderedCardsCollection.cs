namespace OutreachBot.Tests.Support;

/// <summary>
/// Every test class that makes the bot send cards belongs to this collection. When the collection ends, all cards
/// collected during it go through the official renderer; any error, warning or oversized message fails the run.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RenderedCardsCollection : ICollectionFixture<RenderedCardsCheck>
{
    public const string Name = "Rendered cards";
}

public sealed class RenderedCardsCheck : IDisposable
{
    public void Dispose()
    {
        var cards = CardCollector.All;
        if (cards.Count == 0)
        {
            return;
        }

        var problems = CardValidator.Problems(cards);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{problems.Count} problem(s) in {cards.Count} cards sent during the tests:\n" + string.Join("\n", problems));
        }
    }
}
