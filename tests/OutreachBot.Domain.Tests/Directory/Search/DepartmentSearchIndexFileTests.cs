namespace OutreachBot.Domain.Tests.Directory.Search;

public sealed class DepartmentSearchIndexFileTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "outreachbot-index-test-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_stored_index_is_read_back_and_answers_every_evaluation_need_as_the_built_one()
    {
        var built = DepartmentSearch.LoadOrBuild(DemoCompany.Directory, "v1", folder);

        var loaded = DepartmentSearch.LoadOrBuild(DemoCompany.Directory, "v1", folder);

        Assert.Equal(SearchIndexSource.BuiltAndStored, built.Source);
        Assert.Equal(SearchIndexSource.Loaded, loaded.Source);
        Assert.Equal(Answers(DepartmentSearch.Build(DemoCompany.Directory)), Answers(loaded.Search));
    }

    [Theory]
    [InlineData("flip a byte")]
    [InlineData("cut in half")]
    [InlineData("empty")]
    public void A_damaged_index_file_is_built_again_and_replaced(string damage)
    {
        DepartmentSearch.LoadOrBuild(DemoCompany.Directory, "v1", folder);
        var file = IndexFiles().Single();
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, damage switch
        {
            "flip a byte" => [.. bytes[..(bytes.Length / 2)], (byte)(bytes[bytes.Length / 2] ^ 0x5A), .. bytes[(bytes.Length / 2 + 1)..]],
            "cut in half" => bytes[..(bytes.Length / 2)],
            _ => [],
        });

        var rebuilt = DepartmentSearch.LoadOrBuild(DemoCompany.Directory, "v1", folder);
        var next = DepartmentSearch.LoadOrBuild(DemoCompany.Directory, "v1", folder);

        Assert.Equal(SearchIndexSource.Replaced, rebuilt.Source);
        Assert.Equal(Answers(DepartmentSearch.Build(DemoCompany.Directory)), Answers(rebuilt.Search));
        Assert.Equal(SearchIndexSource.Loaded, next.Source);
    }

    [Fact]
    public void A_new_directory_version_builds_its_own_index_and_removes_the_old_one()
    {
        DepartmentSearch.LoadOrBuild(DemoCompany.Directory, "v1", folder);

        var next = DepartmentSearch.LoadOrBuild(DemoCompany.Directory, "v2", folder);

        Assert.Equal(SearchIndexSource.BuiltAndStored, next.Source);
        Assert.Equal(["departments-v2.index"], IndexFiles().Select(Path.GetFileName));
    }

    [Fact]
    public void An_index_stored_under_the_same_version_for_another_directory_is_not_used()
    {
        DepartmentSearch.LoadOrBuild(DemoCompany.Directory, "v1", folder);
        File.Move(IndexFiles().Single(), Path.Combine(folder, "departments-v9.index"));
        var other = new OrgBuilder().Department("hq").Department("pay", "hq", nameZh: "支付中台").Person("p1", "pay").Build();

        var result = DepartmentSearch.LoadOrBuild(other, "v9", folder);

        Assert.Equal(SearchIndexSource.Replaced, result.Source);
        Assert.Same(other, result.Search.Directory);
        Assert.Equal("pay", result.Search.Search("支付")[0].Department.Id);
    }

    [Fact]
    public void Without_a_folder_or_a_version_the_index_is_only_built()
    {
        Assert.Equal(SearchIndexSource.Built, DepartmentSearch.LoadOrBuild(DemoCompany.Directory, "v1", null).Source);
        Assert.Equal(SearchIndexSource.Built, DepartmentSearch.LoadOrBuild(DemoCompany.Directory, "", folder).Source);
        Assert.False(System.IO.Directory.Exists(folder));
    }

    private string[] IndexFiles() => System.IO.Directory.GetFiles(folder, "*.index");

    /// <summary>Everything a user sees of the top five for each need of the evaluation set.</summary>
    private static List<string> Answers(DepartmentSearch search) =>
        [.. EvaluationNeed.Load("demo-needs.tsv").Select(need => need.Query + " → " + string.Join(" | ", search.Search(need.Query, 5).Select(hit =>
            $"{hit.Department.Id} {hit.Score:R} {hit.Snippet.Marked()} {string.Join(",", hit.Reasons.Select(r => $"{r.Kind}:{r.Field}:{r.Matched}"))}")))];
}
