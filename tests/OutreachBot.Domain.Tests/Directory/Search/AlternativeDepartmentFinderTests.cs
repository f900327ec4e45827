namespace OutreachBot.Domain.Tests.Directory.Search;

public sealed class AlternativeDepartmentFinderTests
{
    private static readonly Lazy<DepartmentSearch> Demo = new(() => DepartmentSearch.Build(DemoCompany.Directory));

    [Theory]
    [InlineData("反欺诈", "risk-fraud")]
    [InlineData("fraud detection", "risk-fraud")]
    [InlineData("对象存储", "cloud-oss")]
    [InlineData("人脸识别", "ai-cv")]
    [InlineData("payment gateway", "pay-core")]
    public void Alternatives_after_a_refusal_are_all_related_to_the_capability(string need, string refusing)
    {
        var search = Demo.Value;
        var needUnits = search.Read(need).Units.Where(u => !u.Generic).Select(u => u.Typed).ToHashSet();

        var alternatives = AlternativeDepartmentFinder.Find(search, need, refusing, [], 3);

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
