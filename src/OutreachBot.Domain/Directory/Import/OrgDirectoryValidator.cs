using System.Globalization;

namespace OutreachBot.Domain.Directory.Import;

/// <summary>A record with where it came from, so errors can point at it. Line 0 means "no line" (e.g. Microsoft Graph).</summary>
public sealed record SourceLine<T>(T Value, int Line);

/// <summary>
/// Checks a whole directory before anything is built: that it has departments and people, references, duplicates and cycles.
/// Every problem is reported; a directory is returned only when there are none.
/// </summary>
public static class OrgDirectoryValidator
{
    public const string DepartmentsFile = "departments.csv";
    public const string PeopleFile = "people.csv";

    public static DirectoryImportResult Build(IEnumerable<Department> departments, IEnumerable<Person> people, DateOnly today) =>
        Build([.. departments.Select(d => new SourceLine<Department>(d, 0))], [.. people.Select(p => new SourceLine<Person>(p, 0))], today);

    public static DirectoryImportResult Build(
        IReadOnlyList<SourceLine<Department>> departments,
        IReadOnlyList<SourceLine<Person>> people,
        DateOnly today,
        IReadOnlyList<DirectoryImportError>? earlierErrors = null)
    {
        var errors = new List<DirectoryImportError>(earlierErrors ?? []);
        if (departments.Count == 0 && !errors.Any(e => e.File == DepartmentsFile))
        {
            errors.Add(new(DepartmentsFile, 0, "", DirectoryImportErrorCode.NoRows, ["departments"]));
        }

        if (people.Count == 0 && !errors.Any(e => e.File == PeopleFile))
        {
            errors.Add(new(PeopleFile, 0, "", DirectoryImportErrorCode.NoRows, ["people"]));
        }

        var departmentLines = FirstById(departments, d => d.Id, DepartmentsFile, "id", errors);
        var personLines = FirstById(people, p => p.Id, PeopleFile, "id", errors);
        var departmentById = FirstRows(departments, d => d.Id, departmentLines);
        var personById = FirstRows(people, p => p.Id, personLines);

        foreach (var (department, line) in departments)
        {
            if (department.ParentId is { } parentId && !departmentById.ContainsKey(parentId))
            {
                errors.Add(new(DepartmentsFile, line, "parent_id", DirectoryImportErrorCode.UnknownParent, [parentId]));
            }

            if (department.HeadId is { } headId && !personById.ContainsKey(headId))
            {
                errors.Add(new(DepartmentsFile, line, "head_id", DirectoryImportErrorCode.UnknownHead, [headId]));
            }
        }

        foreach (var (person, line) in people)
        {
            if (person.DepartmentId.Length > 0 && !departmentById.ContainsKey(person.DepartmentId))
            {
                errors.Add(new(PeopleFile, line, "department_id", DirectoryImportErrorCode.UnknownDepartment, [person.DepartmentId]));
            }

            if (person.ManagerId is { } managerId && !personById.ContainsKey(managerId))
            {
                errors.Add(new(PeopleFile, line, "manager_id", DirectoryImportErrorCode.UnknownManager, [managerId]));
            }

        }

        ReportCycles(departmentById, d => d.ParentId, DepartmentsFile, "parent_id", DirectoryImportErrorCode.DepartmentCycle, errors);
        ReportCycles(personById, p => p.ManagerId, PeopleFile, "manager_id", DirectoryImportErrorCode.ManagerCycle, errors);

        if (errors.Count > 0)
        {
            return DirectoryImportResult.Failed([.. errors.OrderBy(e => e.File == PeopleFile).ThenBy(e => e.Line)]);
        }

        // A hire date after today is someone joining soon (HR exports list them ahead): imported with tenure 0, and listed.
        var joiningSoon = people.Where(p => p.Value.HireDate > today)
            .Select(p => new JoiningSoon(p.Value.Id, p.Value.NameZh, p.Value.NameEn, p.Value.HireDate, p.Line))
            .OrderBy(p => p.HireDate).ThenBy(p => p.Line).ToList();
        return new(new OrgDirectory([.. departments.Select(d => d.Value)], [.. people.Select(p => p.Value)]), []) { JoiningSoon = joiningSoon };
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, int> FirstById<T>(
        IReadOnlyList<SourceLine<T>> rows, Func<T, string> id, string file, string column, List<DirectoryImportError> errors)
    {
        var first = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        foreach (var (value, line) in rows)
        {
            if (!first.TryAdd(id(value), line))
            {
                errors.Add(new(file, line, column, DirectoryImportErrorCode.DuplicateId, [id(value), first[id(value)].ToString(CultureInfo.InvariantCulture)]));
            }
        }

        return first;
    }

    /// <summary>The first row of each id (the one <paramref name="firstLines"/> names), by id.</summary>
    private static Dictionary<string, SourceLine<T>> FirstRows<T>(IReadOnlyList<SourceLine<T>> rows, Func<T, string> id, Dictionary<string, int> firstLines)
    {
        var byId = new Dictionary<string, SourceLine<T>>(firstLines.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = id(row.Value);
            if (firstLines[key] == row.Line)
            {
                byId.TryAdd(key, row);
            }
        }

        return byId;
    }

    /// <summary>Follows each parent (or manager) link; a walk that comes back to itself is one cycle, reported once at its first line.</summary>
    private static void ReportCycles<T>(
        Dictionary<string, SourceLine<T>> byId, Func<T, string?> next, string file, string column,
        DirectoryImportErrorCode code, List<DirectoryImportError> errors)
    {
        // Each cycle is reported at its own first line whichever id the walk started from, so the starts need no order.
        var done = new HashSet<string>(byId.Count, StringComparer.Ordinal);
        var walk = new List<string>();
        var onWalk = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var start in byId.Keys)
        {
            walk.Clear();
            onWalk.Clear();
            string? current = start;
            while (current is not null && !done.Contains(current) && byId.TryGetValue(current, out var row))
            {
                if (onWalk.TryGetValue(current, out var loopStart))
                {
                    var loop = walk[loopStart..];
                    var first = loop.MinBy(id => byId[id].Line)!;
                    var at = loop.IndexOf(first);
                    var ordered = loop[at..].Concat(loop[..at]).Append(first);
                    errors.Add(new(file, byId[first].Line, column, code, [string.Join(" → ", ordered)]));
                    break;
                }

                onWalk[current] = walk.Count;
                walk.Add(current);
                current = next(row.Value);
            }

            done.UnionWith(walk);
        }
    }
}
