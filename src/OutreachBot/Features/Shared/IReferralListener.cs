namespace OutreachBot.Features.Shared;

/// <summary>
/// Told after a user recorded "I was introduced" to a department, so other features keep the chain without the
/// department finder knowing them: the outreach feature stores it on the user's open outreach for that department.
/// Register with <c>services.AddSingleton&lt;IReferralListener, T&gt;()</c>. A listener may reply; its failure is logged
/// by the caller and does not undo the recorded introductions.
/// </summary>
public interface IReferralListener
{
    Task OnReferralRecordedAsync(RecordedReferral referral, ChatSession session, CancellationToken cancellationToken);
}

/// <summary>
/// The introductions the user confirmed, in order, as they happened (each introducer and the person they introduced the
/// user to), names in the user's language — whether or not they were recorded before.
/// </summary>
public sealed record RecordedReferral(string DepartmentId, IReadOnlyList<Introducer> Introducers);

/// <param name="ToPersonId">Whom the introducer introduced the user to.</param>
public sealed record Introducer(string PersonId, string Name, string DepartmentId, string? ToPersonId = null, string? ToName = null);
