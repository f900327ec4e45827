using System.Globalization;
using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Directory.Import;

namespace OutreachBot.DemoData;

public sealed record GeneratedDirectory(IReadOnlyList<Department> Departments, IReadOnlyList<Person> People)
{
    public string DepartmentsCsv => DirectoryCsvWriter.DepartmentsText(Departments);

    public string PeopleCsv => DirectoryCsvWriter.PeopleText(People);
}

/// <summary>
/// The demo company 星海集团: the hand-written departments of <see cref="DemoCompanyCatalog"/> staffed with generated
/// people. The same seed gives the same company, byte for byte.
/// </summary>
public static class DemoCompanyGenerator
{
    public const int DefaultSeed = 20261101;

    /// <summary>Hire dates lie 0–20 years before this day.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 11, 1);

    public static GeneratedDirectory Generate(int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var names = new NameFactory(random);
        var departments = new List<Department>();
        var people = new List<Person>();
        AddUnit(DemoCompanyCatalog.Root, null, null, 0);
        return new GeneratedDirectory(departments, people);

        void AddUnit(Unit unit, string? parentId, string? parentHeadId, int depth)
        {
            var head = NewPerson(unit, HeadTitle(unit, depth), parentHeadId, minYears: depth == 0 ? 15 : 4);
            var staff = unit.Teams.Length > 0 ? random.Next(2, 6) : random.Next(16, 39);
            departments.Add(new Department(unit.Id, unit.NameZh, unit.NameEn, parentId, head.Id, unit.Description,
                unit.Keywords.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            for (var i = 0; i < staff; i++)
            {
                NewPerson(unit, Titles.For(unit.Work, random), head.Id, minYears: 0);
            }

            foreach (var team in unit.Teams)
            {
                AddUnit(team, unit.Id, head.Id, depth + 1);
            }
        }

        Person NewPerson(Unit unit, string title, string? managerId, int minYears)
        {
            var id = "E" + (people.Count + 1).ToString("D5", CultureInfo.InvariantCulture);
            var (zh, en, email) = names.Next();
            var person = new Person(id, zh, en, email, unit.Id, title, HireDate(random, minYears), managerId);
            people.Add(person);
            return person;
        }
    }

    /// <summary>
    /// A large synthetic company for benchmarks: the demo departments repeated with numbered names until there are
    /// <paramref name="departmentCount"/>, in a tree about five levels deep, with <paramref name="peopleCount"/> people.
    /// </summary>
    public static GeneratedDirectory GenerateSynthetic(int departmentCount, int peopleCount, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(departmentCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(peopleCount, departmentCount);
        var random = new Random(seed);
        var names = new NameFactory(random);
        var templates = Flatten(DemoCompanyCatalog.Root).ToArray();
        var units = new List<(Unit Template, string Id, int Parent, int Depth)>();
        for (var i = 0; i < departmentCount; i++)
        {
            var template = templates[i % templates.Length];
            var copy = i / templates.Length;
            var parent = i == 0 ? -1 : random.Next(Math.Max(0, i - 400), i);
            while (parent > 0 && units[parent].Depth >= 4)
            {
                parent = units[parent].Parent;
            }

            units.Add((template, copy == 0 ? template.Id : $"{template.Id}-{copy}", parent, parent < 0 ? 0 : units[parent].Depth + 1));
        }

        var people = new List<Person>(peopleCount);
        var heads = new string[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            var (template, id, parent, depth) = units[i];
            var parentHead = parent < 0 ? null : heads[parent];
            heads[i] = Add(id, HeadTitle(template, depth), parentHead, 4).Id;
        }

        while (people.Count < peopleCount)
        {
            var unit = random.Next(units.Count);
            Add(units[unit].Id, Titles.For(units[unit].Template.Work, random), heads[unit], 0);
        }

        var departments = units.Select((u, i) =>
        {
            var copy = u.Id == u.Template.Id ? "" : " " + u.Id[(u.Template.Id.Length + 1)..];
            return new Department(u.Id, u.Template.NameZh + copy, u.Template.NameEn + copy, u.Parent < 0 ? null : units[u.Parent].Id, heads[i], u.Template.Description,
                u.Template.Keywords.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }).ToList();
        return new GeneratedDirectory(departments, people);

        Person Add(string departmentId, string title, string? managerId, int minYears)
        {
            var (zh, en, email) = names.Next();
            var person = new Person("E" + (people.Count + 1).ToString("D6", CultureInfo.InvariantCulture), zh, en, email, departmentId, title,
                HireDate(random, minYears), managerId);
            people.Add(person);
            return person;
        }
    }

    private static IEnumerable<Unit> Flatten(Unit unit) => unit.Teams.SelectMany(Flatten).Prepend(unit);

    /// <summary>More recent hires than old-timers: tenure skews short, as in a growing company.</summary>
    private static DateOnly HireDate(Random random, int minYears)
    {
        var span = 20 - minYears;
        var years = minYears + span * Math.Pow(random.NextDouble(), 1.6);
        return ReferenceDate.AddDays(-(int)(years * 365.25));
    }

    private static string HeadTitle(Unit unit, int depth) => depth switch
    {
        0 => "首席执行官 / Chief Executive Officer",
        1 => unit.NameZh.EndsWith("中心", StringComparison.Ordinal) ? "中心总经理 / General Manager" : "事业群总裁 / Group President",
        2 => "部门总监 / Director",
        _ => "组长 / Team Lead",
    };
}
