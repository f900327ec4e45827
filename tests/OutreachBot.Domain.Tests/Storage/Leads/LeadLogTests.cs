using OutreachBot.Domain.Directory.Leads;
using OutreachBot.Domain.Storage.Leads;

namespace OutreachBot.Domain.Tests.Storage.Leads;

public sealed class LeadLogTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryEntityStore store = new();

    [Fact]
    public async Task Leads_are_stored_with_their_route_and_listed_oldest_first()
    {
        var log = new LeadLog(store, time);
        await log.RecordAsync("pay-core", LeadRoute.KeywordSearch, "user-1", "支付 risk", outreachId: "o-1");
        time.Advance(TimeSpan.FromHours(1));
        await log.RecordAsync("risk", LeadRoute.Referral, "user-1", "me → E00012 → E00300", outreachId: "o-1");

        var leads = await new LeadLog(store, time).ListAsync();

        Assert.Equal(["pay-core", "risk"], leads.Select(l => l.DepartmentId));
        Assert.Equal([LeadRoute.KeywordSearch, LeadRoute.Referral], leads.Select(l => l.Route));
        Assert.Equal("支付 risk", leads[0].Details);
        Assert.Equal(time.GetUtcNow(), leads[1].FoundAt);
        Assert.Equal(2, (await log.ListForOutreachAsync("o-1")).Count);
        Assert.Empty(await log.ListForOutreachAsync("o-2"));
    }

    [Fact]
    public async Task Counting_by_route_shows_every_route_even_unused_ones()
    {
        var log = new LeadLog(store, time);
        await log.RecordAsync("pay-core", LeadRoute.KeywordSearch, "u1", "支付");
        await log.RecordAsync("pay-core", LeadRoute.KeywordSearch, "u2", "payment");
        await log.RecordAsync("risk", LeadRoute.KeywordSearch, "u2", "风控");

        var counts = LeadLog.CountByRoute(await log.ListAsync());

        Assert.Equal(
            [new LeadRouteCount(LeadRoute.OrgChart, 0, 0), new LeadRouteCount(LeadRoute.KeywordSearch, 3, 2), new LeadRouteCount(LeadRoute.Referral, 0, 0)],
            counts);
    }
}
