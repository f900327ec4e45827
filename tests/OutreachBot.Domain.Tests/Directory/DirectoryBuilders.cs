using OutreachBot.Domain.Directory.Import;

namespace OutreachBot.Domain.Tests.Directory;

/// <summary>Builds the two import files line by line; every row gets sensible defaults.</summary>
internal sealed class DirectoryCsvBuilder
{
    private readonly List<string> departments = ["id,name_zh,name_en,parent_id,head_id,description,keywords"];
    private readonly List<string> people = ["id,name_zh,name_en,email,department_id,title,hire_date,manager_id"];

    public static DirectoryCsvBuilder SmallCompany() => new DirectoryCsvBuilder()
        .Department("hq", head: "p1")
        .Department("pay", parent: "hq", head: "p2")
        .Person("p1", "hq")
        .Person("p2", "pay", manager: "p1");

    public DirectoryCsvBuilder Department(string id, string parent = "", string head = "", string nameZh = "部门", string nameEn = "Department") =>
        DepartmentLine($"{id},{nameZh},{nameEn},{parent},{head},,");

    public DirectoryCsvBuilder DepartmentLine(string line)
    {
        departments.Add(line);
        return this;
    }

    public DirectoryCsvBuilder Person(string id, string department, string manager = "", string hired = "2020-01-01") =>
        PersonLine($"{id},张三,San Zhang,{id}@example.com,{department},工程师,{hired},{manager}");

    public DirectoryCsvBuilder PersonLine(string line)
    {
        people.Add(line);
        return this;
    }

    public string DepartmentsCsv => string.Join('\n', departments) + "\n";

    public string PeopleCsv => string.Join('\n', people) + "\n";

    public DirectoryImportResult Import(TimeProvider time) =>
        new OrgDirectoryImporter(time).Import(new StringReader(DepartmentsCsv), new StringReader(PeopleCsv));
}

/// <summary>Builds a small directory in code for org-chart and referral tests.</summary>
internal sealed class OrgBuilder
{
    private readonly List<Department> departments = [];
    private readonly List<Person> people = [];

    public OrgBuilder Department(string id, string? parent = null, string? head = null, string nameZh = "", string nameEn = "")
    {
        departments.Add(new Department(id, nameZh.Length > 0 ? nameZh : id, nameEn.Length > 0 ? nameEn : id, parent, head, "", []));
        return this;
    }

    public OrgBuilder Person(string id, string department, string? manager = null, string hired = "2020-01-01", string title = "")
    {
        people.Add(new Person(id, id, id, $"{id}@example.com", department, title, DateOnly.Parse(hired, System.Globalization.CultureInfo.InvariantCulture), manager));
        return this;
    }

    public OrgDirectory Build()
    {
        var result = OrgDirectoryValidator.Build(departments, people, new DateOnly(2026, 11, 1));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Directory!;
    }
}

internal static class DemoCompany
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Folder { get; } = Path.Combine(RepositoryRoot, "demo", "company");

    private static readonly Lazy<OrgDirectory> Loaded = new(() =>
    {
        var result = new OrgDirectoryImporter(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)))
            .ImportFolder(Folder);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Directory!;
    });

    public static OrgDirectory Directory => Loaded.Value;

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OutreachBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OutreachBot.sln not found above " + AppContext.BaseDirectory);
    }
}
