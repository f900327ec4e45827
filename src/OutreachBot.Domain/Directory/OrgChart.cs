using OutreachBot.Domain.Directory.Search;

namespace OutreachBot.Domain.Directory;

/// <summary>A member with completed years of service, for "who has been here longest".</summary>
public sealed record SeniorMember(Person Person, Department Department, int TenureYears);

/// <summary>A department's place in the org chart, ready to show.</summary>
public sealed record DepartmentOverview(
    Department Department,
    IReadOnlyList<Department> PathFromRoot,
    IReadOnlyList<Department> Children,
    Person? Head,
    IReadOnlyList<SeniorMember> SeniorMembers,
    int MemberCount);

public sealed record DepartmentMatch(Department Department, double Similarity);

/// <summary>
/// The org-chart route of the article: browse the tree, see a department's head and its longest-serving members,
/// and ask one of them, briefly, who the right person is.
/// </summary>
public sealed class OrgChart(OrgDirectory directory)
{
    public IReadOnlyList<Department> Roots => directory.Roots;

    /// <summary>
    /// Departments whose id or name (Chinese or English) matches <paramref name="idOrName"/>: exact first, then
    /// containing it, then close by edit distance. Best first; empty when nothing is close.
    /// </summary>
    public IReadOnlyList<DepartmentMatch> FindDepartments(string idOrName, int top = 5)
    {
        var needle = Normalize(idOrName);
        if (needle.Length == 0)
        {
            return [];
        }

        if (directory.FindDepartment(idOrName.Trim()) is { } byId)
        {
            return [new DepartmentMatch(byId, 1)];
        }

        return [.. directory.Departments
            .Select(d => new DepartmentMatch(d, new[] { d.NameZh, d.NameEn }.Max(name => NameSimilarity(needle, Normalize(name)))))
            .Where(m => m.Similarity >= 0.5)
            .OrderByDescending(m => m.Similarity)
            .ThenBy(m => directory.PathFromRoot(m.Department.Id).Count)
            .ThenBy(m => m.Department.Id, StringComparer.Ordinal)
            .Take(top)];
    }

    /// <summary>The best match for <paramref name="idOrName"/>, or null.</summary>
    public Department? FindDepartment(string idOrName) => FindDepartments(idOrName, 1).FirstOrDefault()?.Department;

    /// <summary>Path, children, head and the <paramref name="seniorCount"/> longest-serving people of the department and its sub-departments (head excluded).</summary>
    public DepartmentOverview Describe(string departmentId, DateOnly at, int seniorCount = 5)
    {
        var department = directory.GetDepartment(departmentId);
        var members = Subtree(department).SelectMany(d => directory.Members(d.Id)).ToList();
        var senior = members
            .Where(p => p.Id != department.HeadId)
            .OrderBy(p => p.HireDate)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(seniorCount)
            .Select(p => new SeniorMember(p, directory.GetDepartment(p.DepartmentId), p.TenureYears(at)))
            .ToList();
        return new DepartmentOverview(department, directory.PathFromRoot(departmentId), directory.Children(departmentId),
            directory.Head(departmentId), senior, members.Count);
    }

    private IEnumerable<Department> Subtree(Department root)
    {
        var stack = new Stack<Department>([root]);
        while (stack.TryPop(out var department))
        {
            yield return department;
            foreach (var child in directory.Children(department.Id))
            {
                stack.Push(child);
            }
        }
    }

    private static double NameSimilarity(string needle, string name) =>
        needle == name ? 1 : name.Length == 0 ? 0 : DepartmentSearch.Similarity(needle, name) * 0.99;

    private static string Normalize(string text) =>
        new([.. text.ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c))]);
}

/// <summary>
/// The short, polite first question the article recommends when asking a long-serving colleague:
/// not the pitch, only "who is the right person for this?".
/// </summary>
public static class FirstQuestionDraft
{
    /// <param name="asked">The colleague being asked.</param>
    /// <param name="target">The department we think is right.</param>
    /// <param name="capability">What we need, in the user's words (e.g. "支付风控" or "payment risk scoring").</param>
    /// <param name="asker">The user, when known from the directory.</param>
    /// <param name="askerDepartment">The user's department, when known.</param>
    public static string Create(Copy copy, Person asked, Department target, string capability, Person? asker = null, Department? askerDepartment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(capability);
        var language = copy.Language;
        var intro = asker is null
            ? string.Empty
            : askerDepartment is null
                ? copy.Text("Directory.AskVeteran.IAm", asker.Name(language))
                : copy.Text("Directory.AskVeteran.IAmFrom", asker.Name(language), askerDepartment.Name(language));
        return copy.Text("Directory.AskVeteran", asked.Name(language), intro, capability.Trim(), target.Name(language));
    }
}
