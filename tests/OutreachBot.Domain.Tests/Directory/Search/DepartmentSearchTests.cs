namespace OutreachBot.Domain.Tests.Directory.Search;

public sealed class DepartmentSearchTests
{
    private static OrgDirectory Company()
    {
        var departments = new List<Department>
        {
            new("hq", "星海集团", "Xinghai Group", null, "ceo", "集团总部", []),
            new("pay", "支付中台", "Payments Platform", "hq", "boss", "统一收单与清结算。 Unified acquiring and settlement.", ["支付", "收单", "payment"]),
            new("risk", "风控中心", "Risk Management Center", "hq", null, "交易反欺诈与信用风险。 Transaction fraud and credit risk.", ["风控", "反欺诈", "fraud"]),
            new("legal", "法务部", "Legal", "hq", null, "合同审核。 Contract review.", ["合同"]),
        };
        var people = new List<Person>
        {
            new("ceo", "钟静", "Jing Zhong", "ceo@example.com", "hq", "首席执行官", new DateOnly(2010, 1, 1), null),
            new("boss", "李雷", "Lei Li", "boss@example.com", "pay", "部门总监", new DateOnly(2012, 1, 1), "ceo"),
            new("analyst", "韩梅梅", "Meimei Han", "mm@example.com", "legal", "Privacy Counsel", new DateOnly(2020, 1, 1), "ceo"),
        };
        var result = OutreachBot.Domain.Directory.Import.OrgDirectoryValidator.Build(departments, people, new DateOnly(2026, 11, 1));
        return result.Directory!;
    }

    [Fact]
    public void A_hit_carries_the_head_the_path_and_the_highlighted_name()
    {
        var search = DepartmentSearch.Build(Company());

        var hit = search.Search("支付中台")[0];

        Assert.Equal("pay", hit.Department.Id);
        Assert.Equal("李雷", hit.Head!.NameZh);
        Assert.Equal(["hq", "pay"], hit.PathFromRoot.Select(d => d.Id));
        Assert.Equal(DepartmentField.NameZh, hit.Snippet.Field);
        Assert.Equal("**支付**中台", hit.Snippet.Marked());
    }

    [Fact]
    public void English_is_stemmed_so_plural_queries_match_singular_text()
    {
        var search = DepartmentSearch.Build(Company());

        var hit = search.Search("contracts reviewing")[0];

        Assert.Equal("legal", hit.Department.Id);
        Assert.Equal(DepartmentField.Description, hit.Snippet.Field);
        Assert.Contains("**Contract review**", hit.Snippet.Marked(), StringComparison.Ordinal);
    }

    [Fact]
    public void Titles_of_the_people_in_a_department_are_searched_too()
    {
        var search = DepartmentSearch.Build(Company());

        var hit = search.Search("privacy")[0];

        Assert.Equal("legal", hit.Department.Id);
        Assert.Equal(DepartmentField.Titles, hit.Snippet.Field);
        Assert.Equal("**Privacy** Counsel", hit.Snippet.Marked());
    }

    [Fact]
    public void An_english_typo_still_finds_the_department()
    {
        var search = DepartmentSearch.Build(Company());

        var hits = search.Search("frued");

        Assert.Equal("risk", hits[0].Department.Id);
    }

    [Fact]
    public void A_mixed_query_ranks_the_department_matching_both_languages_first()
    {
        var search = DepartmentSearch.Build(Company());

        var hits = search.Search("风控 fraud");

        Assert.Equal("risk", hits[0].Department.Id);
    }

    [Fact]
    public void A_typo_too_short_for_fuzzy_matching_falls_back_to_edit_distance()
    {
        var search = DepartmentSearch.Build(Company());

        var hits = search.Search("Lgl");

        Assert.Equal("legal", hits[0].Department.Id);
        Assert.Empty(hits[0].Snippet.Highlights);
    }

    [Fact]
    public void A_blank_query_finds_nothing()
    {
        var search = DepartmentSearch.Build(Company());

        Assert.Empty(search.Search("   "));
    }

    [Fact]
    public void Many_threads_searching_at_once_get_the_same_answers()
    {
        var search = DepartmentSearch.Build(DemoCompany.Directory);
        var queries = DepartmentSearchQualityTests.Queries.Select(q => q.Query).ToArray();
        var expected = queries.Select(q => string.Join(",", search.Search(q).Select(h => h.Department.Id))).ToArray();

        var actual = new string[queries.Length * 8];
        Parallel.For(0, actual.Length, i => actual[i] = string.Join(",", search.Search(queries[i % queries.Length]).Select(h => h.Department.Id)));

        Assert.Equal(Enumerable.Range(0, actual.Length).Select(i => expected[i % queries.Length]), actual);
    }
}
