namespace OutreachBot.Storage.Resilience;

/// <summary>
/// Section "Storage:Resilience": how long storage may make a user wait. Teams gives a message turn about 15 s and a
/// card action 5 s; the budgets leave room to send the apology after the last storage call gave up.
/// </summary>
public sealed record StorageResilienceOptions
{
    /// <summary>The longest one storage call may take, in a turn or not (the Azure SDK's own retries included).</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>All storage calls of one message turn together.</summary>
    public TimeSpan MessageTurnBudget { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>All storage calls of one invoke (card action) turn together; also the health probe's limit.</summary>
    public TimeSpan InvokeTurnBudget { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>After repeated failures, how long calls are refused at once instead of waiting on a sick store.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Failures (unavailable or timed out) within <see cref="SamplingDuration"/>, at least half of the calls, that open the breaker.</summary>
    public int BreakAfterFailures { get; init; } = 3;

    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(15);
}
