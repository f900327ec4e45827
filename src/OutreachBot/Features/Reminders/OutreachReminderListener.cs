using OutreachBot.Chat.Identity;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.Reminders;
using OutreachBot.Domain.Storage.Reminders;
using OutreachBot.Features.Shared;
using OutreachBot.Storage.ConversationReferences;
using OutreachBot.Storage.UserProfiles;

namespace OutreachBot.Features.Reminders;

/// <summary>
/// Re-plans an outreach's automatic reminders after every change: deadline, no reply after a contact, the follow-up
/// after "no manpower", preparation before a booked meeting. A finished outreach (every target closed) keeps none.
/// </summary>
public sealed class OutreachReminderListener(
    ReminderRepository repository,
    AutomaticReminderRules rules,
    ConversationReferenceStore references,
    UserProfileStore profiles,
    ReminderDispatcher dispatcher,
    TimeProvider time) : IOutreachChangeListener
{
    public async Task OnOutreachChangedAsync(Outreach outreach, UserKey actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outreach);
        var owner = new UserKey(outreach.OwnerKey);
        var reference = await references.FindForUserAsync(owner, cancellationToken);
        var profile = await profiles.GetAsync(owner, cancellationToken);
        var culture = profile.Language ?? reference?.Locale ?? "en-US";
        var facts = FactsOf(outreach, reference?.Conversation?.Id ?? "user:" + outreach.OwnerKey, culture);
        var planned = outreach.IsOpen ? rules.Plan(facts, time.GetUtcNow()) : [];
        await repository.SyncAutomaticAsync(outreach.OwnerKey, outreach.Id, planned, cancellationToken);
        dispatcher.Wake();
    }

    public static OutreachReminderFacts FactsOf(Outreach outreach, string conversationKey, string culture)
    {
        ArgumentNullException.ThrowIfNull(outreach);
        var chinese = culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var departments = outreach.Targets.Select(target =>
        {
            var id = target.Department.Id;
            var lastContact = outreach.Contacts
                .Where(c => string.Equals(c.DepartmentId, id, StringComparison.OrdinalIgnoreCase))
                .Select(c => (DateTimeOffset?)c.At)
                .Max();
            return new DepartmentContactFacts(
                id,
                chinese ? target.Department.NameZh : target.Department.NameEn,
                lastContact,
                Replied: target.Stage is not (TargetStage.Identified or TargetStage.Contacted),
                NoCapacityFollowUpAt: target.Stage == TargetStage.NoCapacity ? target.FollowUpAt : null,
                MeetingAt: target.Stage == TargetStage.MeetingScheduled ? target.Meeting?.At : null);
        }).ToList();
        return new OutreachReminderFacts(
            outreach.Id, outreach.OwnerKey, conversationKey, outreach.ProductIdea, outreach.Deadline, outreach.TimeZoneId, culture, departments);
    }
}
