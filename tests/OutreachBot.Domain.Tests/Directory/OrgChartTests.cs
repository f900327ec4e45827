namespace OutreachBot.Domain.Tests.Directory;

public sealed class OrgChartTests
{
    private static readonly DateOnly Today = new(2026, 11, 1);

    private static OrgDirectory Company() => new OrgBuilder()
        .Department("hq", head: "ceo", nameZh: "星海集团", nameEn: "Xinghai Group")
        .Department("pay", "hq", head: "boss", nameZh: "支付中台", nameEn: "Payments Platform")
        .Department("pay-settle", "pay", head: "lead", nameZh: "清结算组", nameEn: "Clearing & Settlement")
        .Department("risk", "hq", nameZh: "风控中心", nameEn: "Risk Management Center")
        .Person("ceo", "hq", hired: "2005-01-01")
        .Person("boss", "pay", "ceo", hired: "2009-01-01")
        .Person("lead", "pay-settle", "boss", hired: "2012-03-01")
        .Person("vet", "pay-settle", "lead", hired: "2010-11-02")
        .Person("mid", "pay", "boss", hired: "2018-01-01")
        .Person("new", "pay", "boss", hired: "2026-01-01")
        .Build();

    [Fact]
    public void Describe_shows_path_children_head_and_the_longest_serving_members_of_the_subtree()
    {
        var chart = new OrgChart(Company());

        var overview = chart.Describe("pay", Today, seniorCount: 3);

        Assert.Equal(["hq", "pay"], overview.PathFromRoot.Select(d => d.Id));
        Assert.Equal(["pay-settle"], overview.Children.Select(d => d.Id));
        Assert.Equal("boss", overview.Head!.Id);
        Assert.Equal(["vet", "lead", "mid"], overview.SeniorMembers.Select(m => m.Person.Id));
        Assert.Equal([15, 14, 8], overview.SeniorMembers.Select(m => m.TenureYears));
        Assert.Equal("pay-settle", overview.SeniorMembers[0].Department.Id);
        Assert.Equal(5, overview.MemberCount);
    }

    public static TheoryData<TypedCase> DepartmentNames => TypedCases.Read("Directory/department-names.tsv");

    [Theory]
    [MemberData(nameof(DepartmentNames))]
    public void Departments_are_found_by_id_or_by_fuzzy_name_in_either_language(TypedCase row)
    {
        var chart = new OrgChart(Company());

        var found = chart.FindDepartment(row.Text);

        Assert.Equal(row.Required(1), found?.Id);
    }

    [Fact]
    public void Nothing_close_finds_nothing()
    {
        var chart = new OrgChart(Company());

        Assert.Empty(chart.FindDepartments("zzzz qqqq"));
        Assert.Empty(chart.FindDepartments("  "));
    }

    [Fact]
    public void The_first_question_asks_only_who_the_right_person_is_in_both_languages()
    {
        var directory = Company();
        var asked = directory.GetPerson("vet") with { NameZh = "李雷", NameEn = "Lei Li" };
        var me = directory.GetPerson("new") with { NameZh = "韩梅梅", NameEn = "Meimei Han" };
        var risk = directory.GetDepartment("risk");

        var chinese = FirstQuestionDraft.Create(TestCopy.Chinese, asked, directory.GetDepartment("pay"), "跨境收款", me, risk);
        var english = FirstQuestionDraft.Create(TestCopy.English, asked, directory.GetDepartment("pay"), "跨境收款", me, risk);

        Assert.Equal("李雷您好，我是风控中心的韩梅梅。我们在筹划一个新产品，需要用到跨境收款方面的能力。想请教一下：支付中台这边哪位同事负责这块比较合适？打扰了，多谢！", chinese);
        Assert.Equal("Hi Lei Li, I'm Meimei Han from Risk Management Center. We're exploring a new product that needs 跨境收款. "
            + "Could you tell me who in Payments Platform would be the right person to talk to about it? Thanks a lot!", english);
    }

    [Fact]
    public void The_first_question_works_without_knowing_who_asks()
    {
        var directory = Company();

        var chinese = FirstQuestionDraft.Create(TestCopy.Chinese, directory.GetPerson("vet"), directory.GetDepartment("pay"), "settlement");
        var english = FirstQuestionDraft.Create(TestCopy.English, directory.GetPerson("vet"), directory.GetDepartment("pay"), "settlement");

        Assert.StartsWith("vet您好，我们在筹划一个新产品", chinese, StringComparison.Ordinal);
        Assert.StartsWith("Hi vet, We're exploring", english, StringComparison.Ordinal);
    }
}
