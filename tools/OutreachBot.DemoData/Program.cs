using System.Text;
using OutreachBot.DemoData;

// Writes the demo company to demo/company (or the folder given), reproducibly: same seed, same bytes.
var folder = args.Length > 0 ? args[0] : Path.Combine(RepositoryRoot(), "demo", "company");
var seed = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : DemoCompanyGenerator.DefaultSeed;
var company = DemoCompanyGenerator.Generate(seed);
Directory.CreateDirectory(folder);
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
File.WriteAllText(Path.Combine(folder, "departments.csv"), company.DepartmentsCsv, utf8);
File.WriteAllText(Path.Combine(folder, "people.csv"), company.PeopleCsv, utf8);
Console.WriteLine($"{company.Departments.Count} departments, {company.People.Count} people → {folder}");

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "OutreachBot.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
