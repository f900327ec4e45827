using OutreachBot.Domain.Reminders;

namespace OutreachBot.Features.Reminders;

/// <summary>Section "Reminders": the dispatcher that sends due reminders as proactive messages.</summary>
public sealed record ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>False stops this instance from sending (other instances sharing the store still do); reminders are still scheduled.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>How long one instance holds a claimed reminder before another may retry it.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Transient failures before a reminder is given up as Failed (throttling does not count).</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>The longest the dispatcher sleeps without looking, to pick up reminders other instances scheduled.</summary>
    public TimeSpan IdlePollInterval { get; init; } = TimeSpan.FromMinutes(1);

    public int MaxConcurrentDeliveries { get; init; } = 8;

    /// <summary>Partitions of the due-time index; all instances sharing a store must agree.</summary>
    public int DueIndexPartitions { get; init; } = 4;

    /// <summary>Wait before the first restart of a dispatcher loop that ended with an error; doubles up to <see cref="MaxRestartDelay"/>.</summary>
    public TimeSpan RestartDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRestartDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Used when a 429 comes without a usable Retry-After header.</summary>
    public TimeSpan DefaultRetryAfter { get; init; } = TimeSpan.FromSeconds(5);

    public ReminderDispatcherOptions ToDispatcherOptions() => new()
    {
        LeaseDuration = LeaseDuration,
        MaxAttempts = MaxAttempts,
        IdlePollInterval = IdlePollInterval,
        MaxConcurrentDeliveries = MaxConcurrentDeliveries,
    };
}
