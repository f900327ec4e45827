using System.Globalization;
using OutreachBot.Domain.Directory.Import;
using Xunit.Abstractions;

namespace OutreachBot.Domain.Tests.Directory.Search;

/// <summary>
/// The search quality figures of docs/search.md: needs written in users' words (demo/search-eval), each with the
/// departments a person who knows the company would accept. Prints hit@1, hit@3 and every need that still fails.
/// </summary>
public sealed class SearchEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Needs_in_users_words_find_their_department_on_the_demo_company()
    {
        var needs = EvaluationNeed.Load("demo-needs.tsv");

        var result = SearchEvaluation.Run(DepartmentSearch.Build(DemoCompany.Directory), needs);

        result.Print(output, "demo company");
        Assert.True(needs.Count >= 150);
        Assert.InRange(needs.Count(n => n.Language == "zh") / (double)needs.Count, 0.45, 0.55);
        Assert.True(result.HitAt3 >= 0.95, $"hit@3 {result.HitAt3:P1}");
        Assert.True(result.HitAt1 >= 0.85, $"hit@1 {result.HitAt1:P1}");
    }

    [Fact]
    public void Needs_in_users_words_find_their_department_on_the_hold_out_company()
    {
        var needs = EvaluationNeed.Load("holdout-needs.tsv");

        var result = SearchEvaluation.Run(DepartmentSearch.Build(HoldOutCompany.Directory), needs);

        result.Print(output, "hold-out company");
        Assert.True(needs.Count >= 40);
        Assert.True(result.HitAt3 >= 0.85, $"hit@3 {result.HitAt3:P1}");
        Assert.True(result.HitAt1 >= 0.7, $"hit@1 {result.HitAt1:P1}");
    }
}

internal sealed record EvaluationNeed(string Language, string Kind, IReadOnlyList<string> Expected, string Query)
{
    public static IReadOnlyList<EvaluationNeed> Load(string file) =>
        [.. File.ReadLines(Path.Combine(DemoCompany.RepositoryRoot, "demo", "search-eval", file))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(cells => new EvaluationNeed(cells[0], cells[1], cells[2].Split('|'), cells[3]))];
}

internal sealed record EvaluationResult(int Count, int HitsAt1, int HitsAt3, IReadOnlyList<(EvaluationNeed Need, IReadOnlyList<string> Found)> Misses)
{
    public double HitAt1 => HitsAt1 / (double)Count;

    public double HitAt3 => HitsAt3 / (double)Count;

    public void Print(ITestOutputHelper output, string name)
    {
        output.WriteLine($"{name}: {Count} needs, hit@1 {HitAt1.ToString("P1", CultureInfo.InvariantCulture)}, hit@3 {HitAt3.ToString("P1", CultureInfo.InvariantCulture)}");
        foreach (var (need, found) in Misses)
        {
            output.WriteLine($"  {need.Language} {need.Kind} \"{need.Query}\": expected {string.Join('|', need.Expected)}, got [{string.Join(", ", found)}]");
        }
    }
}

internal static class SearchEvaluation
{
    /// <summary>Top three per need; a need counts at 1 when the first hit is acceptable. Misses list needs not hit at 1.</summary>
    public static EvaluationResult Run(DepartmentSearch search, IReadOnlyList<EvaluationNeed> needs)
    {
        var at1 = 0;
        var at3 = 0;
        var misses = new List<(EvaluationNeed, IReadOnlyList<string>)>();
        foreach (var need in needs)
        {
            var found = search.Search(need.Query, 3).Select(h => h.Department.Id).ToList();
            var first = found.Count > 0 && need.Expected.Contains(found[0]);
            at1 += first ? 1 : 0;
            at3 += found.Any(need.Expected.Contains) ? 1 : 0;
            if (!first)
            {
                misses.Add((need, found));
            }
        }

        return new EvaluationResult(needs.Count, at1, at3, misses);
    }
}

internal static class HoldOutCompany
{
    private static readonly Lazy<OrgDirectory> Loaded = new(() =>
    {
        var result = new OrgDirectoryImporter(new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)))
            .ImportFolder(Path.Combine(DemoCompany.RepositoryRoot, "demo", "holdout-company"));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Directory!;
    });

    public static OrgDirectory Directory => Loaded.Value;
}
