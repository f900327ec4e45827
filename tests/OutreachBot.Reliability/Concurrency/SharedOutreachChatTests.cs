using System.Net;

namespace OutreachBot.Reliability.Concurrency;

/// <summary>
/// One PM in two conversations, each served by a different bot instance over one Azurite, records contacts and
/// outcomes on the same outreach at once, with the real chat commands and card submits.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SharedOutreachChatTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly (string Id, string NameZh, string NameEn)[] Departments =
    [
        ("pay-core", "支付中台", "Payments Platform"), ("pay-acq", "收单接入组", "Acquiring Integration"), ("pay-settle", "清结算组", "Clearing & Settlement"),
        ("pay-cross", "跨境支付组", "Cross-border Payments"), ("risk", "风控中心", "Risk Management Center"),
        ("risk-fraud", "反欺诈组", "Anti-Fraud"), ("risk-credit", "信用风险组", "Credit Risk"), ("risk-model", "风控模型组", "Risk Modeling"),
    ];

    private readonly TwoInstances instances = new(azurite);

    public void Dispose() => instances.Dispose();

    [Fact]
    public async Task Contacts_and_outcomes_sent_through_two_instances_in_two_conversations_each_appear_exactly_once_in_the_timeline()
    {
        var aad = Guid.NewGuid().ToString();
        var personal = new SimulatedUser("pm-personal", "PM", aad, "en-US");
        var groupChat = new SimulatedUser("pm-group", "PM", aad, "zh-CN");
        ChatUser[] conversations = [instances.First(personal), instances.Second(groupChat)];
        var owner = Requester.User("aad:" + aad);
        var service = instances.Service();
        var created = await service.CreateAsync(owner, new NewOutreach("跨境支付风控评分 / cross-border risk scoring", "实时反欺诈", "Asia/Shanghai"));
        var id = created.Value!.Outreach.Id;
        foreach (var (departmentId, nameZh, nameEn) in Departments)
        {
            Assert.Null((await service.AddTargetAsync(owner, id, new DepartmentRef(departmentId, nameZh, nameEn), LeadRoute.OrgChart)).Error);
        }

        var replies = await Task.WhenAll(Departments.Select((department, n) => Task.Run(async () =>
        {
            // Contact through one instance, outcome through the other: the two instances interleave on every write.
            var contact = await conversations[n % 2].SubmitAsync("recordContact", new Dictionary<string, string>
            {
                ["outreachId"] = id,
                ["departmentId"] = department.Id,
                ["person"] = "联系人-" + department.Id,
            });
            var outcome = n % 2 == 0
                ? await conversations[1 - (n % 2)].SayAsync($"outcome {department.NameEn} interested")
                : await conversations[1 - (n % 2)].SubmitAsync("recordOutcome", new Dictionary<string, string>
                {
                    ["outreachId"] = id,
                    ["departmentId"] = department.Id,
                    ["outcome"] = "no-capacity",
                    ["note"] = "人力-" + department.Id,
                });
            return (Id: department.Id, contact, outcome);
        })));
        var timeline = (await service.GetTimelineAsync(owner, id)).Value!;
        var stored = (await service.GetAsync(owner, id)).Value!;

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.contact.Status));
        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.outcome.Status));
        Assert.DoesNotContain(replies, r => r.contact.Text.Contains("Sorry", StringComparison.Ordinal) || r.outcome.Text.Contains("Sorry", StringComparison.Ordinal) || r.outcome.Text.Contains("抱歉", StringComparison.Ordinal));
        foreach (var (departmentId, _, _) in Departments)
        {
            Assert.True(1 == timeline.Count(e => e.Kind == TimelineEventKind.Contacted && e.DepartmentId == departmentId), $"{departmentId}: {replies.First(r => r.Id == departmentId)}");
            Assert.True(1 == timeline.Count(e => e.Kind == TimelineEventKind.OutcomeRecorded && e.DepartmentId == departmentId), $"{departmentId}: {replies.First(r => r.Id == departmentId)}");
            Assert.Single(stored.Contacts, c => c.DepartmentId == departmentId);
        }

        Assert.Equal(timeline.Count, timeline.Select(e => e.Sequence).Distinct().Count());
        Assert.Equal(
            Departments.Where((_, n) => n % 2 == 0).Select(d => d.Id).Order(),
            stored.Targets.Where(t => t.Stage == TargetStage.Interested).Select(t => t.Department.Id).Order());
        Assert.Equal(
            Departments.Where((_, n) => n % 2 == 1).Select(d => d.Id).Order(),
            stored.Targets.Where(t => t.Stage == TargetStage.NoCapacity).Select(t => t.Department.Id).Order());
        var status = await conversations[0].SayAsync("status Risk Modeling");
        Assert.Contains("联系人-risk-model", status.Text);
    }
}
