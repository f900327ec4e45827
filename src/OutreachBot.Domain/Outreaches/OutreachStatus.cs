using System.Text;
using OutreachBot.Domain.Text;

namespace OutreachBot.Domain.Outreaches;

public sealed record DeadlineCountdown(int Days, int Hours, bool IsOverdue)
{
    public static DeadlineCountdown Between(DateTimeOffset now, DateTimeOffset deadline)
    {
        var left = deadline - now;
        var span = left.Duration();
        return new DeadlineCountdown((int)span.TotalDays, span.Hours, left < TimeSpan.Zero);
    }

    /// <summary>"2 days 3 hours left" / "还剩 2 天 3 小时" (keys <c>Outreach.Countdown.*</c>).</summary>
    public Phrase Text => new(IsOverdue ? "Outreach.Countdown.Overdue" : "Outreach.Countdown.Left", Days, Hours);
}

/// <summary>
/// How fast a partner agreed: calendar days in the outreach's time zone from its start to the agreement (0 = the same
/// day), and whether the agreement came by the deadline. The article's goal is an agreement within the week.
/// </summary>
public sealed record AgreementPace(int Days, bool WithinDeadline)
{
    public static AgreementPace Of(DateTimeOffset started, DateTimeOffset agreedAt, DateTimeOffset deadline, TimeZoneInfo zone) =>
        new(LocalDay(agreedAt, zone) - LocalDay(started, zone), agreedAt <= deadline);

    /// <summary>The pace of the outreach's first agreement, or null when nobody has agreed yet.</summary>
    public static AgreementPace? Of(Outreach outreach) =>
        outreach.FirstAgreed is { } agreed
            ? Of(outreach.CreatedAt, agreed.Agreement?.At ?? agreed.StageChangedAt, outreach.Deadline, LocalTime.ZoneOrUtc(outreach.TimeZoneId))
            : null;

    private static int LocalDay(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime).DayNumber;
}

/// <param name="Agreement">What was agreed and who decided, for an agreed partner.</param>
/// <param name="Pace">Days from the outreach's start to this partner's agreement.</param>
/// <param name="ReferralChain">The introductions that led to the partner, as the user confirmed them.</param>
public sealed record TargetStatus(
    string DepartmentId,
    BilingualText DepartmentName,
    TargetStage Stage,
    DateTimeOffset StageChangedAt,
    DateTimeOffset? LastContactAt,
    string? LastContactPerson,
    Phrase? NextAction,
    RefusalReason? RefusalReason,
    Agreement? Agreement = null,
    AgreementPace? Pace = null,
    IReadOnlyList<ReferralStep>? ReferralChain = null);

public sealed record OutreachStatusView(
    string OutreachId,
    string ProductIdea,
    string OwnerKey,
    bool IsOwnedByViewer,
    DateTimeOffset Deadline,
    DeadlineCountdown Countdown,
    bool IsOpen,
    IReadOnlyList<TargetStatus> Targets,
    DateTimeOffset LastActivityAt,
    AgreementPace? Pace = null,
    DateTimeOffset? ClosedAt = null)
{
    public bool IsOverdue => IsOpen && Countdown.IsOverdue;
}

/// <param name="Agreed">Outreaches with at least one agreement.</param>
/// <param name="AgreedWithinDeadline">Of those, the ones whose first agreement came by the deadline.</param>
/// <param name="AverageDaysToAgreement">Mean days from start to the first agreement, over the agreed outreaches.</param>
public sealed record PipelineTotals(
    int Outreaches, int Open, int Overdue, IReadOnlyDictionary<TargetStage, int> TargetsByStage, int Agreed = 0, int AgreedWithinDeadline = 0, double? AverageDaysToAgreement = null);

/// <summary>One page of a pipeline plus totals over all of it, so a card can show 200 outreaches compactly.</summary>
public sealed record PipelinePage(IReadOnlyList<OutreachStatusView> Items, int Page, int PageSize, int PageCount, PipelineTotals Totals);

public sealed record PartnerMatch(OutreachStatusView Outreach, TargetStatus Target, double Score);

/// <summary>Turns outreaches into what a status card or export shows: stage per department, last contact, next action, countdown.</summary>
public static class OutreachStatus
{
    public const int MaxPageSize = 50;

    public static OutreachStatusView View(Outreach outreach, string viewerKey, DateTimeOffset now)
    {
        var zone = LocalTime.ZoneOrUtc(outreach.TimeZoneId);
        var targets = outreach.Targets.Select(t =>
        {
            var last = outreach.Contacts.LastOrDefault(c => c.DepartmentId == t.Department.Id);
            var pace = t.Stage == TargetStage.Agreed
                ? AgreementPace.Of(outreach.CreatedAt, t.Agreement?.At ?? t.StageChangedAt, outreach.Deadline, zone)
                : null;
            return new TargetStatus(
                t.Department.Id, t.Department.Name, t.Stage, t.StageChangedAt, last?.At, last?.PersonName, NextAction(t), t.RefusalReason,
                t.Stage == TargetStage.Agreed ? t.Agreement : null, pace, t.ReferralChain);
        }).ToList();
        return new OutreachStatusView(
            outreach.Id, outreach.ProductIdea, outreach.OwnerKey, outreach.OwnerKey == viewerKey, outreach.Deadline,
            DeadlineCountdown.Between(now, outreach.Deadline), outreach.IsOpen, targets,
            outreach.Timeline.Count > 0 ? outreach.Timeline[^1].At : outreach.CreatedAt,
            AgreementPace.Of(outreach),
            outreach.ClosedAt);
    }

    /// <summary>What to do next with a target, as a phrase (keys <c>Outreach.Next.*</c>); null when nothing is left to do.</summary>
    public static Phrase? NextAction(OutreachTarget target) => target.Stage switch
    {
        TargetStage.Identified => new("Outreach.Next.Identified"),
        TargetStage.Contacted => new("Outreach.Next.Contacted"),
        TargetStage.NoCapacity when target.FollowUpAt is { } at => new("Outreach.Next.NoCapacity.At", at),
        TargetStage.NoCapacity => new("Outreach.Next.NoCapacity"),
        TargetStage.Interested when target.Insight?.Kpis is null || target.Insight.LeaderConcerns is null => new("Outreach.Next.Interested.Learn"),
        TargetStage.Interested => new("Outreach.Next.Interested"),
        TargetStage.MeetingScheduled when target.Meeting is { } meeting => new("Outreach.Next.MeetingScheduled.At", meeting.At),
        TargetStage.MeetingScheduled => new("Outreach.Next.MeetingScheduled"),
        TargetStage.Refused => new("Outreach.Next.Refused"),
        _ => null,
    };

    /// <summary>Overdue first (most overdue on top), then open by nearest deadline, then closed ones, most recent first.</summary>
    public static IReadOnlyList<OutreachStatusView> Order(IEnumerable<OutreachStatusView> views) =>
        [.. views
            .OrderBy(v => v.IsOverdue ? 0 : v.IsOpen ? 1 : 2)
            .ThenBy(v => v.IsOpen ? v.Deadline : DateTimeOffset.MaxValue)
            .ThenByDescending(v => v.LastActivityAt)
            .ThenBy(v => v.OutreachId, StringComparer.Ordinal)];

    public static PipelinePage Paginate(IReadOnlyList<OutreachStatusView> views, int page, int pageSize)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var ordered = Order(views);
        var pageCount = Math.Max(1, (ordered.Count + size - 1) / size);
        var current = Math.Clamp(page, 1, pageCount);
        var byStage = Enum.GetValues<TargetStage>().ToDictionary(s => s, s => views.Sum(v => v.Targets.Count(t => t.Stage == s)));
        var paces = views.Select(v => v.Pace).OfType<AgreementPace>().ToList();
        var totals = new PipelineTotals(
            views.Count, views.Count(v => v.IsOpen), views.Count(v => v.IsOverdue), byStage,
            paces.Count, paces.Count(p => p.WithinDeadline), paces.Count == 0 ? null : paces.Average(p => p.Days));
        return new PipelinePage([.. ordered.Skip((current - 1) * size).Take(size)], current, size, pageCount, totals);
    }

    /// <summary>Targets whose department name (zh or en) or id matches the query, best first.</summary>
    public static IReadOnlyList<PartnerMatch> FindPartner(IEnumerable<OutreachStatusView> views, string query, double threshold = 0.5) =>
        [.. views
            .SelectMany(v => v.Targets.Select(t => new PartnerMatch(v, t, new[]
            {
                DepartmentNameMatcher.Score(query, t.DepartmentName.Zh),
                DepartmentNameMatcher.Score(query, t.DepartmentName.En),
                string.Equals(query.Trim(), t.DepartmentId, StringComparison.OrdinalIgnoreCase) ? 1.0 : 0.0,
            }.Max())))
            .Where(m => m.Score >= threshold)
            .OrderByDescending(m => m.Score)
            .ThenByDescending(m => m.Outreach.LastActivityAt)];
}

/// <summary>Forgiving name matching for "status 支付中台" / "status payments": normalized substring, then edit distance.</summary>
public static class DepartmentNameMatcher
{
    public static double Score(string query, string name)
    {
        var q = Normalize(query);
        var n = Normalize(name);
        if (q.Length == 0 || n.Length == 0)
        {
            return 0;
        }

        if (q == n)
        {
            return 1;
        }

        if (n.Contains(q, StringComparison.Ordinal) && q.Length >= 2)
        {
            return 0.7 + (0.25 * q.Length / n.Length);
        }

        if (q.Contains(n, StringComparison.Ordinal) && n.Length >= 2)
        {
            return 0.7 + (0.2 * n.Length / q.Length);
        }

        return 1.0 - ((double)TextDistance.Levenshtein(q, n) / Math.Max(q.Length, n.Length));
    }

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
