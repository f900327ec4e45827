using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Shared;

/// <summary>
/// Hands every outreach event to every <see cref="IOutreachEventSubscriber"/> in registration order. A subscriber's
/// failure is logged and neither undoes the change (it is saved already) nor stops the subscribers after it.
/// Register subscribers with <c>services.AddSingleton&lt;IOutreachEventSubscriber, T&gt;()</c>.
/// </summary>
public sealed class OutreachEventPublisher(IEnumerable<IOutreachEventSubscriber> subscribers, ILogger<OutreachEventPublisher> logger) : IOutreachEventPublisher
{
    private readonly IOutreachEventSubscriber[] subscribers = [.. subscribers];

    public async Task PublishAsync(OutreachEvent change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var subscriber in subscribers)
        {
            try
            {
                await subscriber.OnOutreachEventAsync(change, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(
                    exception, "Outreach event subscriber {Subscriber} failed on {Event} for outreach {Outreach}", subscriber.GetType().Name, change.GetType().Name, change.Outreach.Id);
            }
        }
    }
}
