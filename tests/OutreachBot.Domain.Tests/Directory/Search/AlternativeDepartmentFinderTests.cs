namespace OutreachBot.Domain.Tests.Directory.Search;

public sealed class AlternativeDepartmentFinderTests
{
    private static readonly Lazy<DepartmentSearch> Demo = new(() => DepartmentSearch.Build(DemoCompany.Directory));

    public static TheoryData<TypedCase> RefusedNeeds => TypedCases.Read("Directory/Search/refused-needs.tsv");

    [Theory]
    [MemberData(nameof(RefusedNeeds))]
    public void Alternatives_after_a_refusal_are_all_related_to_the_capability(TypedCase row)
    {
        var search = Demo.Value;
        var needUnits = search.Read(row.Text).Units.Where(u => !u.Generic).Select(u => u.Typed).ToHashSet();

        var alternatives = AlternativeDepartmentFinder.Find(search, row.Text, row.Required(1), [], 3);

        Assert.All(alternatives, a => Assert.Contains(a.Reasons, r => r.Kind != MatchKind.Partial && needUnits.Contains(r.Typed)));
    }

    [Fact]
    public void Alternatives_leave_out_the_refusing_department_its_groups_its_teams_and_the_top_level_groups()
    {
        var directory = DemoCompany.Directory;

        var alternatives = AlternativeDepartmentFinder.Find(Demo.Value, "风控", "risk", [], 5);

        var ids = alternatives.Select(a => a.Department.Id).ToList();
        Assert.DoesNotContain("risk", ids);
        Assert.DoesNotContain("fintech", ids);
        Assert.DoesNotContain("hq", ids);
        Assert.DoesNotContain(ids, id => directory.PathFromRoot(id).Any(d => d.Id == "risk"));
        Assert.DoesNotContain(ids, id => AlternativeDepartmentFinder.IsGenericGroup(directory, directory.GetDepartment(id)));
    }

    [Fact]
    public void Nothing_is_offered_when_no_other_department_does_the_work()
    {
        var alternatives = AlternativeDepartmentFinder.Find(Demo.Value, "反洗钱", "aml", [], 3);

        Assert.Empty(alternatives);
    }

    [Fact]
    public void A_need_of_only_generic_words_gets_no_alternatives()
    {
        var alternatives = AlternativeDepartmentFinder.Find(Demo.Value, "我们需要一个平台能力", "pay-core", [], 3);

        Assert.Empty(alternatives);
    }
}
