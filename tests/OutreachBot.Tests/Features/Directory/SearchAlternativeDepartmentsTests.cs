using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Tests.Support;

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

        Assert.Equal(3, found.Count);
        Assert.DoesNotContain(found, a => a.DepartmentId is "risk" or "risk-model");
        Assert.Equal("fintech", found[0].DepartmentId);
        Assert.StartsWith("与“支付风控”相关：", found[0].Why!.Zh);
        Assert.StartsWith("Matches \"支付风控\":", found[0].Why!.En);
    }

    [Fact]
    public async Task Without_a_stated_capability_the_product_idea_is_searched()
    {
        var query = new AlternativeDepartmentQuery("payment gateway for merchants", null, "pay-core", [], 2);

        var found = await Alternatives.FindAsync(query);

        Assert.Equal(2, found.Count);
        Assert.DoesNotContain(found, a => a.DepartmentId == "pay-core");
    }

    [Fact]
    public async Task An_empty_directory_suggests_nothing()
    {
        using var empty = new BotTestHost();

        var found = await empty.Services.GetRequiredService<IAlternativeDepartments>().FindAsync(new AlternativeDepartmentQuery("x", "支付", "pay-core", [], 3));

        Assert.Empty(found);
    }
}
