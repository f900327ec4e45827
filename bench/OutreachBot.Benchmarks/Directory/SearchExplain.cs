using System.Globalization;
using OutreachBot.Domain.Directory.Import;
using OutreachBot.Domain.Directory.Search;

namespace OutreachBot.Benchmarks.Directory;

/// <summary>
/// Shows how search reads needs and why departments match, for tuning the thesaurus.
/// Usage: dotnet run -c Release --project bench/OutreachBot.Benchmarks -- search-explain &lt;company folder | synthetic&gt; "need" ["need" …]
/// </summary>
public static class SearchExplain
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("search-explain <company folder> \"need\" [\"need\" …]");
            return 2;
        }

        var importer = new OrgDirectoryImporter(TimeProvider.System);
        var synthetic = args[0] == "synthetic" ? OutreachBot.DemoData.DemoCompanyGenerator.GenerateSynthetic(5_000, 100_000) : null;
        var result = synthetic is null ? importer.ImportFolder(args[0]) : importer.Import(new StringReader(synthetic.DepartmentsCsv), new StringReader(synthetic.PeopleCsv));
        if (result.Directory is not { } directory)
        {
            Console.Error.WriteLine(string.Join('\n', result.Errors));
            return 1;
        }

        var search = DepartmentSearch.Build(directory);
        if (Environment.GetEnvironmentVariable("PROFILE") is not null)
        {
            foreach (var need in args[1..])
            {
                for (var i = 0; i < 50; i++) { search.Search(need, 5); }
                var a = ThreadCpu.Milliseconds();
                for (var i = 0; i < 200; i++) { search.Read(need); }
                var b = ThreadCpu.Milliseconds();
                for (var i = 0; i < 200; i++) { search.Search(need, 5); }
                var c = ThreadCpu.Milliseconds();
                for (var i = 0; i < 200; i++) { search.Search(need, 1); }
                var e = ThreadCpu.Milliseconds();
                Console.WriteLine($"{need}: parse {(b - a) / 200:F3} ms, search5 {(c - b) / 200:F3} ms, search1 {(e - c) / 200:F3} ms");
            }

            return 0;
        }

        foreach (var need in args[1..])
        {
            var read = search.Read(need);
            Console.WriteLine($"\"{need}\" → " + string.Join(" | ", read.Units.Select(u =>
                $"{u.Kind}:{u.Key}{(u.Generic ? "(generic)" : "")}{(u.Correction == QueryCorrection.None ? "" : $"[{u.Correction} {u.Typed}]")}"
                + (u.Capabilities.Count > 0 ? "{" + string.Join(",", u.Capabilities.Select(c => search.Vocabulary.Capabilities[c].Terms[0])) + "}" : ""))));
            foreach (var hit in search.Search(need, 5))
            {
                Console.WriteLine($"  {hit.Score.ToString("F2", CultureInfo.InvariantCulture),6} {hit.Department.Id,-20} "
                    + string.Join("; ", hit.Reasons.Select(r => $"{r.Typed}{(r.ReadAs is null ? "" : "→" + r.ReadAs)} {r.Kind} {r.Field} \"{r.Matched}\"")));
            }
        }

        return 0;
    }
}
