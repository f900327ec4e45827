using Microsoft.Bot.Schema;
using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Outreaches;
using Transcript = OutreachBot.Testing.Transcript;

namespace OutreachBot.Tests.Features.Outreaches;

/// <summary>A bot test host with the demo company (星海集团) loaded into the live directory, and shortcuts for outreach tests.</summary>
public sealed class OutreachChat : IDisposable
{
    private OutreachChat(BotTestHost host) => Host = host;

    /// <summary>The user key of whoever <see cref="BotTestHost.Chat"/> talks as by default (channel "test", user-1).</summary>
    public const string Owner = "test:user-1";

    /// <summary>That user as the outreach use cases know them: the owner of what a default chat creates.</summary>
    public static Requester Pm { get; } = Requester.User(Owner);

    public BotTestHost Host { get; }

    public OutreachService Service => Host.Services.GetRequiredService<OutreachService>();

    public static Task<OutreachChat> StartAsync(Action<IServiceCollection>? configure = null) =>
        Task.FromResult(new OutreachChat(new BotTestHost(BotTestOptions.Quiet with { Directory = TestDirectory.DemoCompany, Services = configure })));

    /// <summary>An outreach made straight through the service, with targets already contacted when asked.</summary>
    public async Task<Outreach> OutreachAsync(string userKey, string idea, string[] departmentIds, bool contacted = true, string? capability = "payment gateway")
    {
        var requester = Requester.User(userKey);
        var directory = Host.Services.GetRequiredService<LiveDirectory>().Current.Directory;
        var outreach = (await Service.CreateAsync(requester, new NewOutreach(idea, capability, "Asia/Shanghai"))).GetValueOrThrow().Outreach;
        (await Service.UpdatePrepAsync(requester, outreach.Id, Prep)).GetValueOrThrow();
        foreach (var id in departmentIds)
        {
            var department = directory.FindDepartment(id) ?? new Department(id, id, id, null, null, "", []);
            (await Service.AddTargetAsync(requester, outreach.Id, new DepartmentRef(department.Id, department.NameZh, department.NameEn), OutreachBot.Domain.Outreaches.LeadRoute.OrgChart)).GetValueOrThrow();
            if (contacted)
            {
                (await Service.RecordContactAsync(requester, outreach.Id, new NewContact(department.Id, null, "Han Yu", OutreachBot.Domain.Outreaches.LeadRoute.OrgChart, "Hello"))).GetValueOrThrow();
            }
        }

        return (await Service.GetAsync(requester, outreach.Id)).GetValueOrThrow();
    }

    /// <summary>
    /// The owner records that a contacted partner moved on to <paramref name="stage"/>: interested, and for a meeting,
    /// one booked two days from now.
    /// </summary>
    public async Task MoveOnAsync(string outreachId, string departmentId, TargetStage stage)
    {
        (await Service.RecordOutcomeAsync(Pm, outreachId, departmentId, ContactOutcome.Interested)).GetValueOrThrow();
        if (stage == TargetStage.MeetingScheduled)
        {
            (await Service.ScheduleMeetingAsync(Pm, outreachId, new NewMeeting(departmentId, Host.Clock.GetUtcNow().AddDays(2)))).GetValueOrThrow();
        }
    }

    /// <summary>The outreach as stored now, read as its owner, the default chat's user.</summary>
    public async Task<Outreach> StoredAsync(string outreachId) => (await Service.GetAsync(Pm, outreachId)).GetValueOrThrow();

    /// <summary>Three points good enough for a draft.</summary>
    public static StageOnePrep Prep { get; } = new(
        "Merchants keep asking for fraud checks at checkout; three key customers said they would buy it.",
        "Access to the gateway's transaction events and a sandbox.",
        "More volume through their gateway: direct revenue for them.");

    public static object Invoke(string verb, IReadOnlyDictionary<string, string> data) =>
        new { action = new { type = "Action.Execute", verb, data }, trigger = "manual" };

    /// <summary>The data a button would send, plus what the user typed into the card's inputs.</summary>
    public static Dictionary<string, string> ButtonData(JObject card, string title, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var data = Testing.Transcript.FindAction(card, title)["data"]!.ToObject<Dictionary<string, string>>()!;
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }

        return data;
    }

    public static Task<IReadOnlyList<Activity>> PressWithInputsAsync(ChatTester chat, JObject card, string title, IReadOnlyDictionary<string, string> inputs) =>
        chat.ExecuteAsync(Invoke((string)Testing.Transcript.FindAction(card, title)["verb"]!, ButtonData(card, title, inputs)));

    public static string InputValue(JObject card, string id) =>
        (string?)card.SelectTokens("$..body[*]").Concat(card.SelectTokens("$..items[*]")).OfType<JObject>().FirstOrDefault(e => (string?)e["id"] == id)?["value"]
        ?? throw new InvalidOperationException($"No input '{id}' on the card: {card}");

    public void Dispose() => Host.Dispose();
}

public static class OutreachTranscript
{
    /// <summary>All a user can read: texts, fact titles and values, and the prefilled values of inputs.</summary>
    public static string Seen(this IEnumerable<Activity> replies)
    {
        var list = replies.ToList();
        return string.Join("\n", new[] { list.AllText() }.Concat(list.Cards().SelectMany(c => c.SelectTokens("$..facts[*]").Select(f => $"{Transcript.Shown((string)f["title"]!)}: {Transcript.Shown((string)f["value"]!)}")))
            .Concat(list.Cards().SelectMany(c => c.SelectTokens("$..value").OfType<JValue>().Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
    }
}
