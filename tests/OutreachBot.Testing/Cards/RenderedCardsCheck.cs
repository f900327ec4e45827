namespace OutreachBot.Testing;

/// <summary>
/// A collection fixture: when the collection ends, every card collected during it (<see cref="CardCollector"/>) goes
/// through the official renderer; any error, warning or oversized message fails the run. A test assembly declares the
/// collection (xunit looks for it there), e.g. OutreachBot.Tests' RenderedCardsCollection.
/// </summary>
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
