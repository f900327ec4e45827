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
    IReadOnlyList<DepartmentContactFacts> Departments)
{
    /// <summary>
    /// The facts of an outreach as it stands: per target, the last contact, whether they answered (any stage past
    /// Contacted), the follow-up after "no manpower" and a booked meeting. Names are in <paramref name="culture"/>.
    /// </summary>
    public static OutreachReminderFacts Of(Outreach outreach, string conversationKey, string culture)
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

/// <param name="LastContactAt">When the PM last contacted the department; null when not yet contacted.</param>
/// <param name="Replied">Whether the department answered that contact.</param>
/// <param name="NoCapacityFollowUpAt">Outcome 2 ("wants to expand, but no manpower"): when to follow up.</param>
/// <param name="MeetingAt">A booked meeting (outcome 3).</param>
public sealed record DepartmentContactFacts(
    string DepartmentId,
    string DepartmentName,
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
/// Ids are a hash of outreach, department, kind and due time, so planning again yields the same reminders and
/// <see cref="ReminderRepository.ScheduleAsync"/> stores each once. Times already past are left out.
/// </summary>
public sealed class AutomaticReminderRules(AutomaticReminderOptions? options = null)
{
    private readonly AutomaticReminderOptions options = options ?? new AutomaticReminderOptions();

    public IReadOnlyList<Reminder> Plan(OutreachReminderFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(facts.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        var zh = facts.Culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var reminders = new List<Reminder>();

        void Add(ReminderKind kind, DateTimeOffset due, string? departmentId, string chinese, string english)
        {
            if (due <= now)
            {
                return;
            }

            reminders.Add(new Reminder
            {
                Id = DeterministicId(facts.OutreachId, departmentId, kind, due),
                OwnerKey = facts.OwnerKey,
                ConversationKey = facts.ConversationKey,
                Text = zh ? chinese : english,
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
            $"距离“{idea}”的截止时间（{Chinese(deadlineLocal)}）还有 {leadDays} 天，看看哪些部门还没有明确答复。",
            $"{leadDays} days left before the deadline for “{idea}” ({English(deadlineLocal)}). Check which departments have not given a clear answer yet.");

        var morningOfDeadline = LocalToUtc(DateOnly.FromDateTime(deadlineLocal.DateTime), options.MorningTime, zone);
        Add(ReminderKind.DeadlineApproaching, morningOfDeadline < facts.Deadline ? morningOfDeadline : facts.Deadline.AddHours(-1), null,
            $"今天是“{idea}”的截止日（{Chinese(deadlineLocal)}），争取今天拿到初步的合作意向。",
            $"Today is the deadline for “{idea}” ({English(deadlineLocal)}). Aim to get an initial agreement to cooperate today.");

        foreach (var department in facts.Departments)
        {
            var name = department.DepartmentName;
            if (department.LastContactAt is { } contacted && !department.Replied)
            {
                Add(ReminderKind.NoReply, contacted.AddDays(options.NoReplyDays), department.DepartmentId,
                    $"{name}已经 {options.NoReplyDays} 天没有回复了，跟进一下吧。",
                    $"{name} has not replied for {options.NoReplyDays} days since your last contact. Time to follow up.");
            }

            if (department.NoCapacityFollowUpAt is { } followUp)
            {
                Add(ReminderKind.FollowUpAfterNoCapacity, followUp, department.DepartmentId,
                    $"跟进{name}：对方有意拓展但没有人力。再说明一次，我们只需要他们的产品能力，不需要他们出人，人力由我们来协调。",
                    $"Follow up with {name}: they want to expand but have no manpower. Say again that we need only their product capability, not their people; we coordinate the manpower.");
            }

            if (department.MeetingAt is { } meeting)
            {
                var meetingLocal = TimeZoneInfo.ConvertTime(meeting, zone);
                Add(ReminderKind.MeetingPrep, meeting - options.MeetingPrepLeadTime, department.DepartmentId,
                    $"{Chinese(meetingLocal)}要和{name}开会：准备好市场分析、商机清单、产品全景和分工表，并请双方领导参加。",
                    $"Meeting with {name} on {English(meetingLocal)}: prepare the market analysis, opportunity list, product panorama and division of labour, and invite both leaders.");
            }
        }

        return reminders;
    }

    private static string DeterministicId(string outreachId, string? departmentId, ReminderKind kind, DateTimeOffset due)
    {
        var source = string.Join('\u001f', outreachId, departmentId ?? string.Empty, kind.ToString(), due.UtcTicks.ToString(CultureInfo.InvariantCulture));
        return "a" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..32];
    }

    private static DateTimeOffset LocalToUtc(DateOnly day, TimeOnly timeOfDay, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(timeOfDay);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string Chinese(DateTimeOffset local) => ReminderTimeParser.FormatChinese(local);

    private static string English(DateTimeOffset local) => ReminderTimeParser.FormatEnglish(local);
}
