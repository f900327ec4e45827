namespace OutreachBot.Domain.Directory.Search;

/// <summary>How an outreach to a department for a need ended, as far as search cares.</summary>
public enum NeedOutcomeKind
{
    /// <summary>Interested, a meeting, an agreement, or "no people, but it is ours": the department owns the capability.</summary>
    Agreed,

    /// <summary>Refused as not their scope: the wrong department for this need.</summary>
    RefusedNotTheirScope,

    /// <summary>Refused for another reason (revenue not their KPI, focused on their core): theirs, but unwilling.</summary>
    RefusedOther,
}

/// <summary>
/// One outreach's need and how it ended at one department. <see cref="NeedKeys"/> are the need's analysed keys
/// (<see cref="SearchQuery.NeedKeys"/>): capabilities and words, never the text a PM typed.
/// </summary>
public sealed record NeedOutcome(string OutreachId, string DepartmentId, IReadOnlyList<string> NeedKeys, NeedOutcomeKind Kind);

/// <summary>
/// The company's memory of which department said yes or no to which need, across PMs: departments that agreed to a
/// similar need move up, those that refused it as not their scope move down. A need is similar when at least half of
/// the query's keys are among its keys. Immutable; build a new one when outcomes change.
/// </summary>
public sealed class NeedHistory
{
    private const double MinOverlap = 0.5;

    private readonly Dictionary<string, List<NeedOutcome>> byDepartment;

    public NeedHistory(IEnumerable<NeedOutcome> outcomes)
    {
        byDepartment = outcomes
            .Where(o => o.NeedKeys.Count > 0)
            .GroupBy(o => o.DepartmentId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
    }

    public static NeedHistory Empty { get; } = new([]);

    public bool IsEmpty => byDepartment.Count == 0;

    /// <summary>Similar needs' outcomes at the department, or null when there are none.</summary>
    public HistoryNote? For(string departmentId, IReadOnlyList<string> queryKeys)
    {
        if (queryKeys.Count == 0 || !byDepartment.TryGetValue(departmentId, out var outcomes))
        {
            return null;
        }

        var agreed = 0;
        var refused = 0;
        foreach (var outcome in outcomes)
        {
            var shared = queryKeys.Count(outcome.NeedKeys.Contains);
            if (shared == 0 || shared / (double)queryKeys.Count < MinOverlap)
            {
                continue;
            }

            if (outcome.Kind == NeedOutcomeKind.Agreed)
            {
                agreed++;
            }
            else if (outcome.Kind == NeedOutcomeKind.RefusedNotTheirScope)
            {
                refused++;
            }
        }

        return agreed == 0 && refused == 0 ? null : new HistoryNote(agreed, refused);
    }

    /// <summary>Each similar yes adds a quarter (at most double); each "not our scope" halves what is left.</summary>
    public static float Factor(HistoryNote note) =>
        (float)(Math.Min(2.0, 1 + 0.25 * note.Agreed) * Math.Pow(0.5, note.Refused));
}
