using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.Reminders;
using OutreachBot.Domain.Storage.Reminders;
using OutreachBot.Storage.ConversationReferences;
using OutreachBot.Storage.UserProfiles;

namespace OutreachBot.Features.Reminders;

/// <summary>
/// Re-plans an outreach's automatic reminders after every change the outreach use cases publish: deadline, no reply
/// after a contact, the follow-up after "no manpower", preparation before a booked meeting. A finished outreach
/// (every target closed) keeps none.
/// </summary>
public sealed class OutreachReminderListener(
    ReminderRepository repository,
    AutomaticReminderRules rules,
    ConversationReferenceStore references,
    UserProfileStore profiles,
    ReminderDispatcher dispatcher,
    TimeProvider time) : IOutreachEventSubscriber
{
    public Task OnOutreachEventAsync(OutreachEvent change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ReplanAsync(change.Outreach, cancellationToken);
    }

    /// <summary>Replaces the outreach's automatic reminders with the plan for it as it stands, in its owner's language.</summary>
    public async Task ReplanAsync(Outreach outreach, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outreach);
        var owner = new UserKey(outreach.OwnerKey);
        var reference = await references.FindForUserAsync(owner, cancellationToken);
        var profile = await profiles.GetAsync(owner, cancellationToken);
        var culture = profile.Language ?? reference?.Locale ?? "en-US";
        var facts = OutreachReminderFacts.Of(outreach, reference?.Conversation?.Id ?? "user:" + outreach.OwnerKey, culture);
        var planned = outreach.IsOpen ? rules.Plan(facts, time.GetUtcNow()) : [];
        await repository.SyncAutomaticAsync(outreach.OwnerKey, outreach.Id, planned, cancellationToken);
        if (planned.Count > 0)
        {
            dispatcher.Wake(planned.Min(r => r.FireAt));
        }
    }
}
