namespace OutreachBot.Domain.Tests.Directory.Search;

public sealed class NeedHistoryTests
{
    private static readonly Lazy<DepartmentSearch> Demo = new(() => DepartmentSearch.Build(DemoCompany.Directory));

    private static NeedOutcome Outcome(string outreach, string department, string need, NeedOutcomeKind kind) =>
        new(outreach, department, Demo.Value.Read(need).NeedKeys(Demo.Value.Vocabulary), kind);

    [Fact]
    public void Departments_that_agreed_to_a_similar_need_move_up()
    {
        var search = Demo.Value;
        var before = search.Search("用户扫码付钱").Select(h => h.Department.Id).ToList();
        var second = before[1];
        var history = new NeedHistory([Outcome("o1", second, "扫码付款", NeedOutcomeKind.Agreed), Outcome("o2", second, "扫码支付", NeedOutcomeKind.Agreed)]);

        var after = search.Search("用户扫码付钱", history: history);

        Assert.Equal(second, after[0].Department.Id);
        Assert.Equal(new HistoryNote(2, 0), after[0].History);
    }

    [Fact]
    public void Departments_that_refused_a_similar_need_as_not_their_scope_move_down()
    {
        var search = Demo.Value;
        var first = search.Search("反欺诈")[0].Department.Id;
        var history = new NeedHistory([Outcome("o1", first, "反欺诈", NeedOutcomeKind.RefusedNotTheirScope), Outcome("o2", first, "fraud detection", NeedOutcomeKind.RefusedNotTheirScope)]);

        var after = search.Search("反欺诈", history: history);

        Assert.NotEqual(first, after[0].Department.Id);
        Assert.Equal(new HistoryNote(0, 2), after.Single(h => h.Department.Id == first).History);
    }

    [Fact]
    public void An_unrelated_need_leaves_the_ranking_alone()
    {
        var search = Demo.Value;
        var history = new NeedHistory([Outcome("o1", "legal-contract", "对象存储", NeedOutcomeKind.Agreed)]);

        var hits = search.Search("合同审核", history: history);

        Assert.Equal(search.Search("合同审核").Select(h => h.Department.Id), hits.Select(h => h.Department.Id));
        Assert.All(hits, h => Assert.Null(h.History));
    }

    [Fact]
    public void The_history_keeps_keys_not_the_text_typed()
    {
        var outcome = Outcome("o1", "pay-core", "我们想让顾客扫码付钱", NeedOutcomeKind.Agreed);

        Assert.DoesNotContain(outcome.NeedKeys, k => k.Contains("顾客扫码付钱", StringComparison.Ordinal));
        Assert.Contains(outcome.NeedKeys, k => k.StartsWith('#'));
    }
}
