using System.Net;
using System.Text.Json;
using OutreachBot.Chat.Identity;
using OutreachBot.Domain.Storage;
using OutreachBot.Storage.UserProfiles;

namespace OutreachBot.Reliability.Concurrency;

/// <summary>Two bot instances sharing one Azurite, the way two App Service instances share one storage account.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TwoInstancesTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TwoInstances instances = new(azurite);

    public void Dispose() => instances.Dispose();

    [Fact]
    public async Task Contacts_recorded_concurrently_through_two_instances_each_appear_exactly_once_in_the_timeline()
    {
        var services = new[] { instances.Service(), instances.Service() };
        var pm = Requester.User("aad:pm-two-instances");
        var created = await services[0].CreateAsync(pm, new NewOutreach("跨境支付风控评分", "实时反欺诈", "Asia/Shanghai"));
        var id = created.Value!.Outreach.Id;
        await services[1].AddTargetAsync(pm, id, new DepartmentRef("risk", "风控中心", "Risk Management Center"), LeadRoute.OrgChart);
        var names = Enumerable.Range(0, Long.Pick(24, 200)).Select(n => $"联系人-{n:D3}").ToList();

        var results = await Task.WhenAll(names.Select((name, n) => Task.Run(() =>
            services[n % 2].RecordContactAsync(pm, id, new NewContact("risk", null, name, LeadRoute.OrgChart, null)))));
        var timeline = (await services[1].GetTimelineAsync(pm, id)).Value!;

        Assert.All(results, r => Assert.Null(r.Error));
        var contacted = timeline.Where(e => e.Kind == TimelineEventKind.Contacted).ToList();
        Assert.Equal(names.Count, contacted.Count);
        Assert.All(names, name => Assert.Single(contacted, e => e.Details == name));
        Assert.Equal(timeline.Count, timeline.Select(e => e.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task Profile_changes_sent_at_once_through_two_instances_are_all_kept()
    {
        var user = SimulatedUser.Create("two", 1, "en-US");
        var viaA = instances.First(user);
        var viaB = instances.Second(user);
        string[] zones = ["Asia/Tokyo", "Europe/Berlin", "America/New_York", "Asia/Shanghai"];

        for (var round = 0; round < Long.Pick(6, 40); round++)
        {
            var language = round % 2 == 0 ? "zh" : "en";
            var zone = zones[round % zones.Length];
            var email = $"pm{round}@example.com";

            var replies = await Task.WhenAll(viaA.SayAsync("language " + language), viaB.SayAsync("timezone " + zone), viaA.SayAsync("iam " + email), viaB.SayAsync("help"));
            var profile = await StoredProfileAsync(user);

            Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
            Assert.Equal(language == "zh" ? "zh-CN" : "en-US", profile.GetProperty("language").GetString());
            Assert.Equal(zone, profile.GetProperty("timeZoneId").GetString());
            Assert.Equal(email, profile.GetProperty("email").GetString());
        }
    }

    [Fact]
    public async Task Turns_of_one_conversation_racing_on_two_instances_neither_lose_nor_repeat_a_flow_step()
    {
        var user = SimulatedUser.Create("race", 1, "en-US");
        var viaA = instances.First(user);
        var viaB = instances.Second(user);
        Assert.Contains("Step 1 of 3", (await viaA.SayAsync("settings")).Text);

        var raced = await Task.WhenAll(viaA.SayAsync("English"), viaB.SayAsync("English"));
        var confirm = await viaB.SayAsync("Asia/Tokyo");
        var saved = await viaA.SayAsync("yes");

        Assert.All(raced, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Contains(raced, r => r.Text.Contains("Step 2 of 3", StringComparison.Ordinal));
        Assert.Contains("Step 3 of 3", confirm.Text);
        Assert.Contains("Asia/Tokyo", confirm.Text);
        Assert.Contains("Settings saved", saved.Text);
        var profile = await StoredProfileAsync(user);
        Assert.Equal("en-US", profile.GetProperty("language").GetString());
        Assert.Equal("Asia/Tokyo", profile.GetProperty("timeZoneId").GetString());
    }

    private async Task<JsonElement> StoredProfileAsync(SimulatedUser user)
    {
        var entity = await instances.Store().GetAsync(UserProfileStore.Table, new UserKey("aad:" + user.AadObjectId).PartitionKey, "profile");
        Assert.NotNull(entity);
        return JsonDocument.Parse(entity.Json).RootElement.Clone();
    }
}
