using OutreachBot.Chat.Localization;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Tests.Features.Directory;

public sealed class SearchAlternativeDepartmentsTests : IAsyncLifetime
{
    private BotTestHost host = null!;

    public async Task InitializeAsync() => host = await DemoCompany.StartAsync();

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    private IAlternativeDepartments Alternatives => host.Services.GetRequiredService<IAlternativeDepartments>();

    [Fact]
    public async Task Alternatives_for_a_refusal_search_the_needed_capability_and_leave_out_departments_already_tried()
    {
        var query = new AlternativeDepartmentQuery("商户风控产品", "支付风控", "risk", ["risk-model"], 3);

        var found = await Alternatives.FindAsync(query);

        Assert.NotEmpty(found);
        Assert.DoesNotContain(found, a => a.DepartmentId is "risk" or "risk-model" or "risk-fraud" or "risk-credit" or "fintech" or "hq");
        Assert.All(found, a => Assert.True(Zh(a).Contains("“支付”", StringComparison.Ordinal) || Zh(a).Contains("“风控”", StringComparison.Ordinal), Zh(a)));
        Assert.All(found, a => Assert.Contains("“", En(a), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_stated_capability_the_product_idea_is_searched()
    {
        var query = new AlternativeDepartmentQuery("商户风控产品", null, "risk-fraud", [], 2);

        var found = await Alternatives.FindAsync(query);

        Assert.NotEmpty(found);
        Assert.DoesNotContain(found, a => a.DepartmentId is "risk-fraud" or "risk" or "fintech");
        Assert.All(found, a => Assert.Contains("“风控”", Zh(a), StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_only_the_refusing_department_and_its_teams_do_the_work_nothing_is_suggested()
    {
        var query = new AlternativeDepartmentQuery("商户收款", "payment gateway", "pay-core", [], 3);

        var found = await Alternatives.FindAsync(query);

        Assert.DoesNotContain(found, a => a.DepartmentId is "pay-core" or "pay-acq" or "pay-settle" or "pay-cross" or "fintech");
    }

    [Fact]
    public async Task An_empty_directory_suggests_nothing()
    {
        using var empty = new BotTestHost();

        var found = await empty.Services.GetRequiredService<IAlternativeDepartments>().FindAsync(new AlternativeDepartmentQuery("x", "支付", "pay-core", [], 3));

        Assert.Empty(found);
    }

    private static string Zh(AlternativeDepartment found) => found.Why!.Render(BotCopy.For(Language.Chinese), null);

    private static string En(AlternativeDepartment found) => found.Why!.Render(BotCopy.For(Language.English), null);
}
