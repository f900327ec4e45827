namespace OutreachBot.Domain.Directory.Search;

/// <summary>
/// The next-best departments after a refusal, as the article says: drop them, find another department — or buy.
/// Candidates must match the need itself: at least half of its non-generic words, each as itself, a synonym or a related word (a word inside it, "支付" in "支付网关"), never by characters only; related-only matches rank lower; among them, those whose
/// own business overlaps the refusing department's come first. Never the refusing department, the groups above it or
/// the teams below it (the same leadership said no), never the company's top-level groups, never one that matches far
/// worse than the need deserves. An empty answer means "nothing fits well enough": consider procurement.
/// </summary>
public static class AlternativeDepartmentFinder
{
    private const int Candidates = 40;
    private const float GoodEnough = 0.3f;
    private const float SharedBusinessBoost = 0.15f;
    private const int MaxSharedBusiness = 3;
    private const float OnlyRelated = 0.6f;

    public static IReadOnlyList<DepartmentHit> Find(
        DepartmentSearch search, string need, string refusingDepartmentId, IReadOnlyCollection<string> excludedDepartmentIds, int max, NeedHistory? history = null)
    {
        var directory = search.Directory;
        if (max < 1 || string.IsNullOrWhiteSpace(need) || search.Read(need).IsEmpty)
        {
            return [];
        }

        var hits = search.Search(need, Candidates, history);
        if (hits.Count == 0)
        {
            return [];
        }

        var refusing = directory.FindDepartment(refusingDepartmentId);
        var bar = (hits.FirstOrDefault(h => h.Department.Id.Equals(refusingDepartmentId, StringComparison.OrdinalIgnoreCase))?.Score ?? hits[0].Score) * GoodEnough;
        var excluded = new HashSet<string>(excludedDepartmentIds, StringComparer.OrdinalIgnoreCase) { refusingDepartmentId };
        if (refusing is not null)
        {
            excluded.UnionWith(directory.PathFromRoot(refusing.Id).Select(d => d.Id));
            excluded.UnionWith(Subtree(directory, refusing.Id));
        }

        var needUnits = search.Read(need).Units.Count(u => !u.Generic);
        var business = refusing is null ? new HashSet<int>() : search.BusinessOf(refusing.Id);
        return [.. hits
            .Where(h => !excluded.Contains(h.Department.Id) && !IsGenericGroup(directory, h.Department) && h.Score >= bar)
            .Where(h => 2 * h.Reasons.Count(r => r.Kind != MatchKind.Partial) >= needUnits && h.Reasons.Any(r => r.Kind != MatchKind.Partial))
            .Select(h => (Hit: h, Score: h.Score
                * (h.Reasons.Any(r => r.Kind is MatchKind.Exact or MatchKind.Synonym) ? 1 : OnlyRelated)
                * (1 + SharedBusinessBoost * Math.Min(MaxSharedBusiness, search.BusinessOf(h.Department.Id).Count(business.Contains)))))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Hit.Department.Id, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Hit)];
    }

    /// <summary>A root, or a department right under a root that has departments of its own: a business group, not a team.</summary>
    public static bool IsGenericGroup(OrgDirectory directory, Department department) =>
        department.ParentId is null
        || (directory.FindDepartment(department.ParentId)?.ParentId is null && directory.Children(department.Id).Count > 0);

    private static IEnumerable<string> Subtree(OrgDirectory directory, string departmentId)
    {
        var stack = new Stack<string>([departmentId]);
        while (stack.TryPop(out var id))
        {
            yield return id;
            foreach (var child in directory.Children(id))
            {
                stack.Push(child.Id);
            }
        }
    }
}
