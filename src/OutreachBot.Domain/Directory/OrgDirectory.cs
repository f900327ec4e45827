using System.Collections.Frozen;

namespace OutreachBot.Domain.Directory;

/// <summary>
/// An immutable, validated snapshot of the company's departments and people with the lookups the finder needs.
/// Build one through <see cref="Import.OrgDirectoryValidator"/> (CSV import, Graph) so its invariants hold:
/// every reference resolves and neither the department tree nor the manager chains have cycles.
/// </summary>
public sealed class OrgDirectory
{
    private readonly FrozenDictionary<string, Department> departmentsById;
    private readonly FrozenDictionary<string, Person> peopleById;
    private readonly FrozenDictionary<string, Department[]> childrenByParent;
    private readonly FrozenDictionary<string, Person[]> membersByDepartment;
    private readonly FrozenDictionary<string, Person[]> reportsByManager;

    internal OrgDirectory(IReadOnlyList<Department> departments, IReadOnlyList<Person> people)
    {
        Departments = [.. departments.OrderBy(d => d.Id, StringComparer.Ordinal)];
        People = [.. people.OrderBy(p => p.Id, StringComparer.Ordinal)];
        departmentsById = Departments.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
        peopleById = People.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        childrenByParent = Departments.Where(d => d.ParentId is not null)
            .GroupBy(d => d.ParentId!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        membersByDepartment = People.GroupBy(p => p.DepartmentId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        reportsByManager = People.Where(p => p.ManagerId is not null)
            .GroupBy(p => p.ManagerId!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Roots = [.. Departments.Where(d => d.ParentId is null)];
    }

    public static OrgDirectory Empty { get; } = new([], []);

    /// <summary>All departments, ordered by id.</summary>
    public IReadOnlyList<Department> Departments { get; }

    /// <summary>All people, ordered by id.</summary>
    public IReadOnlyList<Person> People { get; }

    public IReadOnlyList<Department> Roots { get; }

    public Department? FindDepartment(string id) => departmentsById.GetValueOrDefault(id);

    public Person? FindPerson(string id) => peopleById.GetValueOrDefault(id);

    public Department GetDepartment(string id) =>
        departmentsById.TryGetValue(id, out var department) ? department : throw new KeyNotFoundException($"No department '{id}'.");

    public Person GetPerson(string id) =>
        peopleById.TryGetValue(id, out var person) ? person : throw new KeyNotFoundException($"No person '{id}'.");

    public IReadOnlyList<Department> Children(string departmentId) => childrenByParent.GetValueOrDefault(departmentId) ?? [];

    /// <summary>The people whose department is exactly this one (not its sub-departments), ordered by id.</summary>
    public IReadOnlyList<Person> Members(string departmentId) => membersByDepartment.GetValueOrDefault(departmentId) ?? [];

    public IReadOnlyList<Person> DirectReports(string personId) => reportsByManager.GetValueOrDefault(personId) ?? [];

    public Person? Head(string departmentId) =>
        FindDepartment(departmentId)?.HeadId is { } headId ? FindPerson(headId) : null;

    /// <summary>The person's managers, nearest first, up to the top of the company.</summary>
    public IReadOnlyList<Person> ManagerChain(string personId)
    {
        var chain = new List<Person>();
        var current = FindPerson(personId);
        while (current?.ManagerId is { } managerId && FindPerson(managerId) is { } manager)
        {
            chain.Add(manager);
            current = manager;
        }

        return chain;
    }

    /// <summary>The departments from the root down to and including <paramref name="departmentId"/>.</summary>
    public IReadOnlyList<Department> PathFromRoot(string departmentId)
    {
        var path = new List<Department>();
        var current = FindDepartment(departmentId);
        while (current is not null)
        {
            path.Add(current);
            current = current.ParentId is { } parentId ? FindDepartment(parentId) : null;
        }

        path.Reverse();
        return path;
    }

    /// <summary>Completed years of service of the person at <paramref name="at"/>.</summary>
    public int TenureYears(string personId, DateOnly at) => GetPerson(personId).TenureYears(at);
}
