namespace OutreachBot.Storage.Resilience;

/// <summary>
/// The time left for storage in the current turn. The turn pipeline opens a scope with the turn's budget; every call
/// through <see cref="ResilientEntityStore"/> in that asynchronous flow gets at most what is left, whoever made the call
/// and whatever token it passed. Ambient on purpose: the bound must hold for code that never heard of it.
/// </summary>
public static class StorageDeadline
{
    private static readonly AsyncLocal<Deadline?> Current = new();

    /// <summary>Starts a budget for the calls that follow in this flow; a budget already running is never extended.</summary>
    public static IDisposable Begin(TimeSpan budget, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        var previous = Current.Value;
        var deadline = new Deadline(clock, clock.GetTimestamp(), budget);
        Current.Value = previous is not null && previous.Remaining() < budget ? previous : deadline;
        return new Scope(previous);
    }

    /// <summary>What is left of the current budget, or null outside any turn.</summary>
    public static TimeSpan? Remaining => Current.Value?.Remaining();

    private sealed record Deadline(TimeProvider Time, long Started, TimeSpan Budget)
    {
        public TimeSpan Remaining() => Budget - Time.GetElapsedTime(Started);
    }

    private sealed class Scope(Deadline? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
