namespace OutreachBot.Domain.Outreaches;

/// <summary>
/// Something that happened to an outreach, published by <see cref="OutreachService"/> after the change was saved.
/// <see cref="Outreach"/> is the outreach as saved (read it, do not change it); <see cref="Actor"/> is who changed it.
/// </summary>
public abstract record OutreachEvent(Outreach Outreach, string Actor, DateTimeOffset At);

/// <summary>A new outreach, with whatever prep and first target it was created with.</summary>
public sealed record OutreachCreated(Outreach Outreach, string Actor, DateTimeOffset At) : OutreachEvent(Outreach, Actor, At);

public sealed record PrepUpdated(Outreach Outreach, string Actor, DateTimeOffset At) : OutreachEvent(Outreach, Actor, At);

public sealed record SharingChanged(Outreach Outreach, string Actor, DateTimeOffset At) : OutreachEvent(Outreach, Actor, At);

public sealed record DeadlineChanged(Outreach Outreach, string Actor, DateTimeOffset At) : OutreachEvent(Outreach, Actor, At);

/// <param name="FromFinder">The department came from a finder's result (org chart, search, referrals), so its route is a lead.</param>
public sealed record TargetAdded(Outreach Outreach, string Actor, DateTimeOffset At, OutreachTarget Target, bool FromFinder)
    : OutreachEvent(Outreach, Actor, At);

public sealed record ContactRecorded(Outreach Outreach, string Actor, DateTimeOffset At, ContactEntry Contact) : OutreachEvent(Outreach, Actor, At);

public sealed record OutcomeRecorded(Outreach Outreach, string Actor, DateTimeOffset At, string DepartmentId, ContactOutcome Outcome)
    : OutreachEvent(Outreach, Actor, At);

public sealed record MeetingScheduled(Outreach Outreach, string Actor, DateTimeOffset At, string DepartmentId, DateTimeOffset MeetingAt)
    : OutreachEvent(Outreach, Actor, At);

/// <summary>The partner agreed; when it was the last open partner the outreach is now closed (<c>Outreach.IsOpen</c> is false).</summary>
public sealed record PartnerAgreed(Outreach Outreach, string Actor, DateTimeOffset At, string DepartmentId, Agreement Agreement) : OutreachEvent(Outreach, Actor, At);

/// <summary>The partner was dropped; when it was the last open partner the outreach is now closed.</summary>
public sealed record TargetDropped(Outreach Outreach, string Actor, DateTimeOffset At, string DepartmentId) : OutreachEvent(Outreach, Actor, At);

/// <summary>A partner that had ended (<see cref="DepartmentId"/>), or the closed outreach itself (null), is open again.</summary>
public sealed record OutreachReopened(Outreach Outreach, string Actor, DateTimeOffset At, string? DepartmentId) : OutreachEvent(Outreach, Actor, At);

public sealed record ReferralRecorded(Outreach Outreach, string Actor, DateTimeOffset At, string DepartmentId) : OutreachEvent(Outreach, Actor, At);

public sealed record InsightRecorded(Outreach Outreach, string Actor, DateTimeOffset At, string DepartmentId) : OutreachEvent(Outreach, Actor, At);

/// <summary>Where the outreach use cases publish their events. The host fans them out to every <see cref="IOutreachEventSubscriber"/>.</summary>
public interface IOutreachEventPublisher
{
    /// <summary>
    /// Tells every subscriber. Never throws for a subscriber's failure: the change is saved already, and one
    /// subscriber failing must not stop the others.
    /// </summary>
    Task PublishAsync(OutreachEvent change, CancellationToken cancellationToken);
}

/// <summary>Reacts to outreach changes (e.g. reminders re-plan). Register as many as needed; each hears every event.</summary>
public interface IOutreachEventSubscriber
{
    Task OnOutreachEventAsync(OutreachEvent change, CancellationToken cancellationToken);
}

/// <summary>Publishes nowhere: for tools and tests that use the outreach use cases without subscribers.</summary>
public sealed class NoOutreachEvents : IOutreachEventPublisher
{
    public static NoOutreachEvents Instance { get; } = new();

    public Task PublishAsync(OutreachEvent change, CancellationToken cancellationToken) => Task.CompletedTask;
}
