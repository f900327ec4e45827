namespace OutreachBot.Domain.Reminders;

/// <summary>
/// The transport port: sends one reminder to its conversation (in the bot: ContinueConversationAsync on the stored
/// conversation reference found by <see cref="Reminder.ConversationKey"/>). A retry of the same delivery carries the same
/// <paramref name="idempotencyKey"/>, so the transport can drop a duplicate when an earlier attempt's outcome is unknown.
/// Exceptions are treated as <see cref="DeliveryResult.TransientFailure"/>.
/// </summary>
public interface IReminderDelivery
{
    Task<DeliveryResult> SendAsync(Reminder reminder, string idempotencyKey, bool isLate, CancellationToken cancellationToken);
}

public abstract record DeliveryResult
{
    private DeliveryResult()
    {
    }

    public static DeliveryResult Success { get; } = new Delivered();

    public sealed record Delivered : DeliveryResult;

    /// <summary>Throttled (HTTP 429): try again no sooner than <see cref="Delay"/>; not counted as a failure.</summary>
    public sealed record RetryAfter(TimeSpan Delay) : DeliveryResult;

    /// <summary>The user blocked the bot (403 MessageWritesBlocked) or the conversation is gone: stop, keep the reminder, record why.</summary>
    public sealed record Blocked(string Reason) : DeliveryResult;

    /// <summary>412/502/503/504, timeouts: retried with exponential backoff and jitter.</summary>
    public sealed record TransientFailure(string Reason) : DeliveryResult;
}
