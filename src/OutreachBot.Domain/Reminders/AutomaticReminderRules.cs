using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.Storage.Reminders;

namespace OutreachBot.Domain.Reminders;

/// <summary>What the playbook needs to know about one outreach to plan its reminders; plain data, no storage.</summary>
public sealed record OutreachReminderFacts(
    string OutreachId,
    string OwnerKey,
    string ConversationKey,
    string ProductIdea,
    DateTimeOffset Deadline,
    string TimeZoneId,
    string Culture,
    IReadOnlyList<DepartmentContactFacts> Departments,
    DateTimeOffset? ReopenedAt = null)
{
    /// <summary>
    /// The facts of an outreach as it stands: per target, the last contact, whether they answered (any stage past
    /// Contacted), the follow-up after "no manpower" and a booked meeting. The reminders are written in <paramref name="culture"/>.
    /// </summary>
    public static OutreachReminderFacts Of(Outreach outreach, string conversationKey, string culture)
    {
        ArgumentNullException.ThrowIfNull(outreach);
        var departments = outreach.Targets.Select(target =>
        {
            var id = target.Department.Id;
            var lastContact = outreach.Contacts
                .Where(c => string.Equals(c.DepartmentId, id, StringComparison.OrdinalIgnoreCase))
                .Select(c => (DateTimeOffset?)c.At)
                .Max();
            return new DepartmentContactFacts(
                id,
                target.Department.Name,
                lastContact,
                Replied: target.Stage is not (TargetStage.Identified or TargetStage.Contacted),
                NoCapacityFollowUpAt: target.Stage == TargetStage.NoCapacity ? target.FollowUpAt : null,
                MeetingAt: target.Stage == TargetStage.MeetingScheduled ? target.Meeting?.At : null);
        }).ToList();
        return new OutreachReminderFacts(
            outreach.Id, outreach.OwnerKey, conversationKey, outreach.ProductIdea, outreach.Deadline, outreach.TimeZoneId, culture, departments, outreach.ReopenedAt);
    }
}

/// <param name="LastContactAt">When the PM last contacted the department; null when not yet contacted.</param>
/// <param name="Replied">Whether the department answered that contact.</param>
/// <param name="NoCapacityFollowUpAt">Outcome 2 ("wants to expand, but no manpower"): when to follow up.</param>
/// <param name="MeetingAt">A booked meeting (outcome 3).</param>
public sealed record DepartmentContactFacts(
    string DepartmentId,
    BilingualText DepartmentName,
    DateTimeOffset? LastContactAt = null,
    bool Replied = false,
    DateTimeOffset? NoCapacityFollowUpAt = null,
    DateTimeOffset? MeetingAt = null);

public sealed record AutomaticReminderOptions
{
    public TimeSpan DeadlineLeadTime { get; init; } = TimeSpan.FromDays(2);
    public int NoReplyDays { get; init; } = 3;
    public TimeSpan MeetingPrepLeadTime { get; init; } = TimeSpan.FromDays(1);
    public TimeOnly MorningTime { get; init; } = new(9, 0);
}

/// <summary>
/// The playbook's nudges: deadline in 2 days and on the day (09:00 local, or an hour before a deadline earlier than that),
/// no reply N days after a contact, the follow-up after "no manpower", and preparation a day before a booked meeting.
/// Ids are a hash of outreach, department, kind, due time (and the round, after a reopen), so planning again yields the same reminders and
/// <see cref="ReminderRepository.ScheduleAsync"/> stores each once. Times already past are left out.
/// A reminder's text is written when it is planned, in the owner's language and the outreach's zone, from the
/// templates of <paramref name="catalog"/> (keys <c>Reminder.Auto.*</c>); planning runs again on every change.
/// </summary>
public sealed class AutomaticReminderRules(ITextCatalog catalog, AutomaticReminderOptions? options = null)
{
    private readonly AutomaticReminderOptions options = options ?? new AutomaticReminderOptions();

    public IReadOnlyList<Reminder> Plan(OutreachReminderFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(facts.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        var copy = new Copy(catalog, Language.FromLocale(facts.Culture), zone);
        var reminders = new List<Reminder>();

        void Add(ReminderKind kind, DateTimeOffset due, string? departmentId, Phrase text)
        {
            if (due <= now)
            {
                return;
            }

            reminders.Add(new Reminder
            {
                Id = DeterministicId(facts.OutreachId, departmentId, kind, due, facts.ReopenedAt),
                OwnerKey = facts.OwnerKey,
                ConversationKey = facts.ConversationKey,
                Text = copy.Render(text),
                Kind = kind,
                Due = due,
                FireAt = due,
                CreatedAt = now,
                OutreachId = facts.OutreachId,
                DepartmentId = departmentId,
            });
        }

        var idea = facts.ProductIdea;
        var deadlineLocal = TimeZoneInfo.ConvertTime(facts.Deadline, zone);
        var leadDays = (int)Math.Round(options.DeadlineLeadTime.TotalDays);
        Add(ReminderKind.DeadlineApproaching, facts.Deadline - options.DeadlineLeadTime, null,
            new Phrase("Reminder.Auto.DeadlineSoon", idea, facts.Deadline, leadDays));

        var morningOfDeadline = LocalToUtc(DateOnly.FromDateTime(deadlineLocal.DateTime), options.MorningTime, zone);
        Add(ReminderKind.DeadlineApproaching, morningOfDeadline < facts.Deadline ? morningOfDeadline : facts.Deadline.AddHours(-1), null,
            new Phrase("Reminder.Auto.DeadlineToday", idea, facts.Deadline));

        foreach (var department in facts.Departments)
        {
            var name = department.DepartmentName;
            if (department.LastContactAt is { } contacted && !department.Replied)
            {
                Add(ReminderKind.NoReply, contacted.AddDays(options.NoReplyDays), department.DepartmentId,
                    new Phrase("Reminder.Auto.NoReply", name, options.NoReplyDays));
            }

            if (department.NoCapacityFollowUpAt is { } followUp)
            {
                Add(ReminderKind.FollowUpAfterNoCapacity, followUp, department.DepartmentId,
                    new Phrase("Reminder.Auto.FollowUpAfterNoCapacity", name));
            }

            if (department.MeetingAt is { } meeting)
            {
                Add(ReminderKind.MeetingPrep, meeting - options.MeetingPrepLeadTime, department.DepartmentId,
                    new Phrase("Reminder.Auto.MeetingPrep", name, meeting));
            }
        }

        return reminders;
    }

    /// <summary>
    /// The same plan gives the same ids; after a reopen (<paramref name="reopenedAt"/>) the round is new, so reminders
    /// cancelled when the outreach closed are planned again under new ids.
    /// </summary>
    private static string DeterministicId(string outreachId, string? departmentId, ReminderKind kind, DateTimeOffset due, DateTimeOffset? reopenedAt)
    {
        var source = string.Join('\u001f', outreachId, departmentId ?? string.Empty, kind.ToString(), due.UtcTicks.ToString(CultureInfo.InvariantCulture))
            + (reopenedAt is { } round ? '\u001f' + round.UtcTicks.ToString(CultureInfo.InvariantCulture) : string.Empty);
        return "a" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..32];
    }

    private static DateTimeOffset LocalToUtc(DateOnly day, TimeOnly timeOfDay, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(timeOfDay);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
