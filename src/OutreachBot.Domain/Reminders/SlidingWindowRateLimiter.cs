namespace OutreachBot.Domain.Reminders;

public sealed record RateWindow(int Limit, TimeSpan Span);

/// <summary>
/// Per-key sliding-window limits ("at most 7 in any 1 s and 8 in any 2 s ..."), driven by a <see cref="TimeProvider"/>.
/// A refused call learns when the key is next available, so the caller can sleep instead of polling.
/// </summary>
public sealed class SlidingWindowRateLimiter
{
    /// <summary>Teams' per-bot, per-conversation limits.</summary>
    public static IReadOnlyList<RateWindow> TeamsPerConversation { get; } =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromHours(1)),
    ];

    /// <summary>
    /// Teams' limits with every window widened by <paramref name="margin"/>: Teams counts arrivals, and network jitter can
    /// bunch messages that left evenly spaced. The dispatcher uses a 250 ms margin.
    /// </summary>
    public static IReadOnlyList<RateWindow> TeamsPerConversationWithMargin(TimeSpan margin) =>
        TeamsPerConversation.Select(w => w with { Span = w.Span + margin }).ToList();

    private readonly IReadOnlyList<RateWindow> windows;
    private readonly TimeProvider time;
    private readonly TimeSpan longest;
    private readonly Dictionary<string, KeyState> keys = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public SlidingWindowRateLimiter(IReadOnlyList<RateWindow> windows, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Count == 0 || windows.Any(w => w.Limit < 1 || w.Span <= TimeSpan.Zero))
        {
            throw new ArgumentException("Each window needs a positive limit and span.", nameof(windows));
        }

        this.windows = windows;
        this.time = time;
        longest = windows.Max(w => w.Span);
    }

    /// <summary>Whether <paramref name="key"/> could send now, without taking a slot; if not, when it can.</summary>
    public bool IsAvailable(string key, out DateTimeOffset availableAt)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            availableAt = keys.TryGetValue(key, out var state) ? state.AvailableAt(windows, now) : now;
            return availableAt <= now;
        }
    }

    /// <summary>Takes a slot for <paramref name="key"/> now if every window allows it; otherwise says when one frees up.</summary>
    public bool TryAcquire(string key, out DateTimeOffset availableAt)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (!keys.TryGetValue(key, out var state))
            {
                state = new KeyState();
                keys[key] = state;
            }

            state.Forget(now - longest);
            availableAt = state.AvailableAt(windows, now);
            if (availableAt > now)
            {
                return false;
            }

            state.Sent.Add(now);
            return true;
        }
    }

    /// <summary>Honours a Retry-After: nothing goes to <paramref name="key"/> before <paramref name="until"/>.</summary>
    public void BlockUntil(string key, DateTimeOffset until)
    {
        lock (gate)
        {
            if (!keys.TryGetValue(key, out var state))
            {
                state = new KeyState();
                keys[key] = state;
            }

            state.BlockedUntil = until > state.BlockedUntil ? until : state.BlockedUntil;
        }
    }

    /// <summary>Drops keys with no sends inside the longest window, so memory follows active conversations only.</summary>
    public void Prune()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            foreach (var (key, state) in keys.ToList())
            {
                state.Forget(now - longest);
                if (state.Sent.Count == 0 && state.BlockedUntil <= now)
                {
                    keys.Remove(key);
                }
            }
        }
    }

    internal int TrackedKeys
    {
        get
        {
            lock (gate)
            {
                return keys.Count;
            }
        }
    }

    private sealed class KeyState
    {
        public List<DateTimeOffset> Sent { get; } = [];

        public DateTimeOffset BlockedUntil { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset AvailableAt(IReadOnlyList<RateWindow> windows, DateTimeOffset now)
        {
            var availableAt = BlockedUntil > now ? BlockedUntil : now;
            foreach (var window in windows)
            {
                if (Sent.Count >= window.Limit)
                {
                    var freesAt = Sent[Sent.Count - window.Limit] + window.Span;
                    availableAt = freesAt > availableAt ? freesAt : availableAt;
                }
            }

            return availableAt;
        }

        public void Forget(DateTimeOffset olderThanOrAt)
        {
            var stale = 0;
            while (stale < Sent.Count && Sent[stale] <= olderThanOrAt)
            {
                stale++;
            }

            Sent.RemoveRange(0, stale);
        }
    }
}
