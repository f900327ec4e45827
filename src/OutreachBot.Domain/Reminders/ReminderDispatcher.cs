using OutreachBot.Domain.Storage.Reminders;

namespace OutreachBot.Domain.Reminders;

public sealed record ReminderDispatcherOptions
{
    /// <summary>How long a claim holds a reminder; after that another instance (or this one after a crash) retries it with the same idempotency key.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Transient failures before the reminder is marked Failed; throttling (Retry-After) does not count.</summary>
    public int MaxAttempts { get; init; } = 8;

    public TimeSpan BaseRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Sent more than this after its due time (e.g. due while the bot was down), a reminder is labelled late.</summary>
    public TimeSpan LateAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest sleep: picks up reminders other instances scheduled without waking this one.</summary>
    public TimeSpan IdlePollInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Pause after the store was unreachable before the next pass.</summary>
    public TimeSpan StorageRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxConcurrentDeliveries { get; init; } = 8;
}

/// <summary>What one pass did, and when the next one should run (null when nothing is scheduled).</summary>
public sealed record DispatchPassResult(
    int Delivered,
    int Retried,
    int Throttled,
    int Blocked,
    int Failed,
    int ClaimedElsewhere,
    int Repaired,
    DateTimeOffset? NextWakeAt);

/// <summary>
/// Sends due reminders exactly once across any number of instances sharing one store:
/// reads the due-time index up to now, claims each reminder with an ETag-conditional Scheduled → Claimed update
/// (lease owner and expiry), delivers through <see cref="IReminderDelivery"/>, then marks it Sent and drops its index entry.
/// A claim whose lease ran out (the claimer crashed) is retried with the same idempotency key. Failures back off
/// exponentially with jitter, Retry-After is honoured, Blocked stops. Each conversation stays within
/// <see cref="SlidingWindowRateLimiter.TeamsPerConversation"/>, with a safety margin (per instance; the transport's 429 handling covers the rest).
/// Between passes it sleeps until the next fire time, at most <see cref="ReminderDispatcherOptions.IdlePollInterval"/>,
/// or until <see cref="Wake"/>.
/// </summary>
public sealed class ReminderDispatcher
{
    private readonly ReminderRepository repository;
    private readonly IReminderDelivery delivery;
    private readonly TimeProvider time;
    private readonly ReminderDispatcherOptions options;
    private readonly SlidingWindowRateLimiter rateLimiter;
    private readonly Func<double> jitter;
    private TaskCompletionSource wakeSignal = NewSignal();
    private TaskCompletionSource<DateTimeOffset> sleepingSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int passes;

    public ReminderDispatcher(
        ReminderRepository repository,
        IReminderDelivery delivery,
        TimeProvider time,
        ReminderDispatcherOptions? options = null,
        string? instanceId = null,
        SlidingWindowRateLimiter? rateLimiter = null,
        Func<double>? jitter = null)
    {
        this.repository = repository;
        this.delivery = delivery;
        this.time = time;
        this.options = options ?? new ReminderDispatcherOptions();
        InstanceId = instanceId ?? Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..8];
        this.rateLimiter = rateLimiter ?? new SlidingWindowRateLimiter(SlidingWindowRateLimiter.TeamsPerConversationWithMargin(TimeSpan.FromMilliseconds(250)), time);
        this.jitter = jitter ?? Random.Shared.NextDouble;
    }

    public string InstanceId { get; }

    /// <summary>Passes run so far; a health check or a test can watch it.</summary>
    public int PassCount => Volatile.Read(ref passes);

    /// <summary>Call after scheduling or snoozing a reminder that may be due before the dispatcher's planned wake-up.</summary>
    public void Wake() => Volatile.Read(ref wakeSignal).TrySetResult();

    /// <summary>The hosted-service loop: a pass, then sleep until the next fire time or a <see cref="Wake"/>.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            // Armed before the pass, so a Wake() during the pass cuts the following sleep short.
            var wake = NewSignal();
            Volatile.Write(ref wakeSignal, wake);
            DateTimeOffset wakeAt;
            try
            {
                var pass = await RunOnceAsync(cancellationToken);
                wakeAt = pass.NextWakeAt ?? DateTimeOffset.MaxValue;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Domain.Storage.StorageUnavailableException)
            {
                wakeAt = time.GetUtcNow() + options.StorageRetryDelay;
            }

            await SleepAsync(wakeAt, wake, cancellationToken);
        }
    }

    /// <summary>One pass over everything due now.</summary>
    public async Task<DispatchPassResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref passes);
        var now = time.GetUtcNow();
        var tally = new PassTally();
        var due = new List<DueIndexEntry>();
        await foreach (var entry in repository.ReadDueAsync(now, cancellationToken))
        {
            due.Add(entry);
        }

        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentDeliveries, CancellationToken = cancellationToken },
            async (entry, token) => await ProcessAsync(entry, now, tally, token));

        tally.RevisitAt(await repository.NextFireAtAsync(now, cancellationToken));
        rateLimiter.Prune();
        return tally.ToResult();
    }

    private async Task ProcessAsync(DueIndexEntry entry, DateTimeOffset now, PassTally tally, CancellationToken cancellationToken)
    {
        // A throttled conversation is skipped before any read, so a backlog behind the rate limit costs one index read per pass.
        if (!rateLimiter.IsAvailable(entry.ConversationKey, out var freeAt))
        {
            tally.RevisitAt(freeAt);
            tally.Add(ref tally.Throttled);
            return;
        }

        var current = await repository.GetVersionedAsync(entry.OwnerKey, entry.ReminderId, cancellationToken);
        if (current is null || current.Reminder.FireAt != entry.FireAt)
        {
            await RepairStaleEntryAsync(entry, now, tally, cancellationToken);
            return;
        }

        var reminder = current.Reminder;
        if (reminder.IsFinished)
        {
            await repository.DeleteIndexEntryAsync(entry, cancellationToken);
            tally.Add(ref tally.Repaired);
            return;
        }

        if (reminder is { State: ReminderState.Claimed, LeaseExpiresAt: { } leaseEnd } && leaseEnd > now)
        {
            tally.RevisitAt(leaseEnd);
            tally.Add(ref tally.ClaimedElsewhere);
            return;
        }

        if (!rateLimiter.TryAcquire(reminder.ConversationKey, out var availableAt))
        {
            tally.RevisitAt(availableAt);
            tally.Add(ref tally.Throttled);
            return;
        }

        var claimed = await repository.TryReplaceAsync(current, reminder with
        {
            State = ReminderState.Claimed,
            LeaseOwner = InstanceId,
            LeaseExpiresAt = now + options.LeaseDuration,
            Attempts = reminder.Attempts + 1,
        }, cancellationToken);
        if (claimed is null)
        {
            tally.Add(ref tally.ClaimedElsewhere);
            return;
        }

        var isLate = time.GetUtcNow() - reminder.Due > options.LateAfter;
        var result = await DeliverAsync(claimed.Reminder, isLate, cancellationToken);
        await RecordAsync(claimed, result, isLate, tally, cancellationToken);
    }

    private async Task<DeliveryResult> DeliverAsync(Reminder reminder, bool isLate, CancellationToken cancellationToken)
    {
        try
        {
            return await delivery.SendAsync(reminder, reminder.IdempotencyKey, isLate, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The outcome is unknown; the retry carries the same idempotency key, so the transport can drop a duplicate.
            return new DeliveryResult.TransientFailure(ex.GetType().Name + ": " + ex.Message);
        }
    }

    private async Task RecordAsync(VersionedReminder claimed, DeliveryResult result, bool isLate, PassTally tally, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reminder = claimed.Reminder with { LeaseOwner = null, LeaseExpiresAt = null };
        switch (result)
        {
            case DeliveryResult.Delivered:
                await repository.TryFinishAsync(claimed, reminder with { State = ReminderState.Sent, SentAt = now, Late = isLate, LastError = null }, cancellationToken);
                tally.Add(ref tally.Delivered);
                break;
            case DeliveryResult.Blocked blocked:
                await repository.TryFinishAsync(claimed, reminder with { State = ReminderState.Blocked, LastError = blocked.Reason }, cancellationToken);
                tally.Add(ref tally.Blocked);
                break;
            case DeliveryResult.RetryAfter retry:
                rateLimiter.BlockUntil(reminder.ConversationKey, now + retry.Delay);
                await repository.TryRescheduleAsync(claimed, reminder with
                {
                    State = ReminderState.Scheduled,
                    FireAt = now + retry.Delay,
                    Attempts = reminder.Attempts - 1,
                    LastError = $"Throttled; retry after {retry.Delay.TotalSeconds:0.#} s",
                }, cancellationToken);
                tally.Add(ref tally.Retried);
                break;
            case DeliveryResult.TransientFailure failure when reminder.Attempts >= options.MaxAttempts:
                await repository.TryFinishAsync(claimed, reminder with { State = ReminderState.Failed, LastError = failure.Reason }, cancellationToken);
                tally.Add(ref tally.Failed);
                break;
            case DeliveryResult.TransientFailure failure:
                await repository.TryRescheduleAsync(claimed, reminder with
                {
                    State = ReminderState.Scheduled,
                    FireAt = now + Backoff(reminder.Attempts),
                    LastError = failure.Reason,
                }, cancellationToken);
                tally.Add(ref tally.Retried);
                break;
        }
    }

    /// <summary>Exponential, capped, with "equal jitter": half the delay fixed, half random, so instances spread out.</summary>
    internal TimeSpan Backoff(int attempts)
    {
        var exponential = options.BaseRetryDelay * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var capped = exponential < options.MaxRetryDelay ? exponential : options.MaxRetryDelay;
        return capped * (0.5 + (0.5 * Math.Clamp(jitter(), 0, 1)));
    }

    private async Task RepairStaleEntryAsync(DueIndexEntry entry, DateTimeOffset now, PassTally tally, CancellationToken cancellationToken)
    {
        var repairableAt = entry.CreatedAt + repository.Options.IndexRepairGrace;
        if (repairableAt > now)
        {
            tally.RevisitAt(repairableAt);
            return;
        }

        await repository.DeleteIndexEntryAsync(entry, cancellationToken);
        tally.Add(ref tally.Repaired);
    }

    private async Task SleepAsync(DateTimeOffset wakeAt, TaskCompletionSource wake, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var delay = wakeAt - now;
        delay = delay < options.IdlePollInterval ? delay : options.IdlePollInterval;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using var stopSleeping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(delay, time, stopSleeping.Token);
        Interlocked.Exchange(ref sleepingSignal, new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult(now + delay);
        await Task.WhenAny(timer, wake.Task);
        await stopSleeping.CancelAsync();
    }

    /// <summary>Completes when the loop next goes to sleep, with the time it will wake up; lets tests move a fake clock safely.</summary>
    internal Task<DateTimeOffset> NextSleepAsync() => Volatile.Read(ref sleepingSignal).Task;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class PassTally
    {
        public int Delivered;
        public int Retried;
        public int Throttled;
        public int Blocked;
        public int Failed;
        public int ClaimedElsewhere;
        public int Repaired;
        private readonly Lock gate = new();
        private DateTimeOffset? revisitAt;

        public void Add(ref int counter) => Interlocked.Increment(ref counter);

        public void RevisitAt(DateTimeOffset? at)
        {
            lock (gate)
            {
                if (at is not null && (revisitAt is null || at < revisitAt))
                {
                    revisitAt = at;
                }
            }
        }

        public DispatchPassResult ToResult() =>
            new(Delivered, Retried, Throttled, Blocked, Failed, ClaimedElsewhere, Repaired, revisitAt);
    }
}
