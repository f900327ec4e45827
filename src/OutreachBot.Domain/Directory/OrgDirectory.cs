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
    private readonly Person[] people;
    private readonly FrozenDictionary<string, Department[]> childrenByParent;
    private readonly Dictionary<string, Person[]> membersByDepartment;
    private readonly Dictionary<string, Person[]> reportsByManager;

    internal OrgDirectory(IReadOnlyList<Department> departments, IReadOnlyList<Person> people)
    {
        Departments = ById(departments, d => d.Id);
        this.people = ById(people, p => p.Id);
        People = this.people;
        departmentsById = Departments.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
        childrenByParent = Departments.Where(d => d.ParentId is not null)
            .GroupBy(d => d.ParentId!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

        // 500,000 people: plain dictionaries filled in one pass (people in id order, so each list is by id), and people
        // found by binary search in the sorted array rather than through a third dictionary of half a million keys.
        membersByDepartment = GroupInOrder(this.people, p => p.DepartmentId);
        reportsByManager = GroupInOrder(this.people, p => p.ManagerId);
        Roots = [.. Departments.Where(d => d.ParentId is null)];
    }

    public static OrgDirectory Empty { get; } = new([], []);

    /// <summary>All departments, ordered by id.</summary>
    public IReadOnlyList<Department> Departments { get; }

    /// <summary>All people, ordered by id.</summary>
    public IReadOnlyList<Person> People { get; }

    public IReadOnlyList<Department> Roots { get; }

    public Department? FindDepartment(string id) => departmentsById.GetValueOrDefault(id);

    public Person? FindPerson(string id)
    {
        int low = 0, high = people.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(people[middle].Id, id);
            if (order == 0)
            {
                return people[middle];
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return null;
    }

    public Department GetDepartment(string id) =>
        departmentsById.TryGetValue(id, out var department) ? department : throw new KeyNotFoundException($"No department '{id}'.");

    public Person GetPerson(string id) => FindPerson(id) ?? throw new KeyNotFoundException($"No person '{id}'.");

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

    /// <summary>The items ordered by id (ordinal); a list already in that order, as the repository stores it, is only copied.</summary>
    private static T[] ById<T>(IReadOnlyList<T> items, Func<T, string> id)
    {
        var sorted = true;
        for (var i = 1; i < items.Count && sorted; i++)
        {
            sorted = string.CompareOrdinal(id(items[i - 1]), id(items[i])) <= 0;
        }

        return sorted ? [.. items] : [.. items.OrderBy(id, StringComparer.Ordinal)];
    }

    private static Dictionary<string, Person[]> GroupInOrder(Person[] people, Func<Person, string?> key)
    {
        var groups = new Dictionary<string, List<Person>>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            if (key(person) is { } k)
            {
                (groups.TryGetValue(k, out var list) ? list : groups[k] = []).Add(person);
            }
        }

        var arrays = new Dictionary<string, Person[]>(groups.Count, StringComparer.Ordinal);
        foreach (var (k, list) in groups)
        {
            arrays[k] = [.. list];
        }

        return arrays;
    }

    /// <summary>Completed years of service of the person at <paramref name="at"/>.</summary>
    public int TenureYears(string personId, DateOnly at) => GetPerson(personId).TenureYears(at);
}
