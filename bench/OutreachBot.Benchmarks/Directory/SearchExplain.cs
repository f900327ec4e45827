using System.Globalization;
using OutreachBot.Domain.Directory.Import;
using OutreachBot.Domain.Directory.Search;

namespace OutreachBot.Benchmarks.Directory;

/// <summary>
/// Shows how search reads needs and why departments match, for tuning the thesaurus.
/// Usage: dotnet run -c Release --project bench/OutreachBot.Benchmarks -- search-explain &lt;company folder&gt; "need" ["need" …]
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

        var result = new OrgDirectoryImporter(TimeProvider.System).ImportFolder(args[0]);
        if (result.Directory is not { } directory)
        {
            Console.Error.WriteLine(string.Join('\n', result.Errors));
            return 1;
        }

        var search = DepartmentSearch.Build(directory);
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
