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

public sealed record TargetStatus(
    string DepartmentId,
    BilingualText DepartmentName,
    TargetStage Stage,
    DateTimeOffset StageChangedAt,
    DateTimeOffset? LastContactAt,
    string? LastContactPerson,
    Phrase? NextAction,
    RefusalReason? RefusalReason);

public sealed record OutreachStatusView(
    string OutreachId,
    string ProductIdea,
    string OwnerKey,
    bool IsOwnedByViewer,
    DateTimeOffset Deadline,
    DeadlineCountdown Countdown,
    bool IsOpen,
    IReadOnlyList<TargetStatus> Targets,
    DateTimeOffset LastActivityAt)
{
    public bool IsOverdue => IsOpen && Countdown.IsOverdue;
}

public sealed record PipelineTotals(int Outreaches, int Open, int Overdue, IReadOnlyDictionary<TargetStage, int> TargetsByStage);

/// <summary>One page of a pipeline plus totals over all of it, so a card can show 200 outreaches compactly.</summary>
public sealed record PipelinePage(IReadOnlyList<OutreachStatusView> Items, int Page, int PageSize, int PageCount, PipelineTotals Totals);

public sealed record PartnerMatch(OutreachStatusView Outreach, TargetStatus Target, double Score);

/// <summary>Turns outreaches into what a status card or export shows: stage per department, last contact, next action, countdown.</summary>
public static class OutreachStatus
{
    public const int MaxPageSize = 50;

    public static OutreachStatusView View(Outreach outreach, string viewerKey, DateTimeOffset now)
    {
        var targets = outreach.Targets.Select(t =>
        {
            var last = outreach.Contacts.LastOrDefault(c => c.DepartmentId == t.Department.Id);
            return new TargetStatus(t.Department.Id, t.Department.Name, t.Stage, t.StageChangedAt, last?.At, last?.PersonName, NextAction(t), t.RefusalReason);
        }).ToList();
        return new OutreachStatusView(
            outreach.Id, outreach.ProductIdea, outreach.OwnerKey, outreach.OwnerKey == viewerKey, outreach.Deadline,
            DeadlineCountdown.Between(now, outreach.Deadline), outreach.IsOpen, targets,
            outreach.Timeline.Count > 0 ? outreach.Timeline[^1].At : outreach.CreatedAt);
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
        var totals = new PipelineTotals(views.Count, views.Count(v => v.IsOpen), views.Count(v => v.IsOverdue), byStage);
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
