using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Testing;

/// <summary>Keeps every event the outreach use cases publish, in order, for tests that check what was published.</summary>
public sealed class RecordingOutreachEvents : IOutreachEventPublisher
{
    public List<OutreachEvent> Published { get; } = [];

    public Task PublishAsync(OutreachEvent change, CancellationToken cancellationToken)
    {
        Published.Add(change);
        return Task.CompletedTask;
    }
}
