using OutreachBot.Chat.Identity;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Shared;

/// <summary>
/// Told after every successful change of an outreach (created, contact, outcome, meeting, deadline…), so other
/// features react without the outreach feature knowing them: the reminders feature re-plans the automatic reminders.
/// Register implementations with <c>services.AddSingleton&lt;IOutreachChangeListener, T&gt;()</c>; all are called in turn.
/// A listener's failure is logged by the caller and does not undo the change.
/// </summary>
public interface IOutreachChangeListener
{
    Task OnOutreachChangedAsync(Outreach outreach, UserKey actor, CancellationToken cancellationToken);
}
