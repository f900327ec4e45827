using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Features.Files;

namespace OutreachBot.Tests.Chat;

/// <summary>
/// Issue 13 #7: one user's Markdown must never reach another user's card as a link, an image or HTML. A PM in Teams
/// puts hostile Markdown into an idea, a prep, a contact's name, a message, a refusal note and a partner's KPIs; other
/// users ask for the department's status, a pitch, the team pipeline, and the PM the brief for the partner. The cards
/// they get are written to <c>test-results/cards/user-text-cards.json</c>, where <c>tests/cards/user-text.test.mjs</c>
/// renders every TextBlock and FactSet text through markdown-it as Web Chat configures it.
/// </summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class HostileUserTextCardsTests
{
    private const string Pm = "rui.li@xinghai.example.com";
    private const string Lead = "han.yu@xinghai.example.com";
    private const string OtherPm = "ting.xu@xinghai.example.com";
    private const string Risk = "risk";
    private const string Payments = "pay-core";

    /// <summary>What a hostile user types; each must show as typed (the shown text of the cards contains it).</summary>
    private static readonly string Link = "[official refusal letter](https://evil.example/refusal)";
    private static readonly string Image = "![logo](https://evil.example/pixel.png)";
    private static readonly string Autolink = "<https://evil.example/auto>";
    private static readonly string BareUrl = "https://evil.example/bare?x=1";
    private static readonly string Email = "boss@evil.example.com";
    private static readonly string Mailto = "mailto:ceo@evil.example.com";
    private static readonly string SchemeRelative = "//evil.example/relative";
    private static readonly string Html = "<img src=x onerror=alert(1)><a href=https://evil.example/html>HR</a>";
    private static readonly string Reference = "[see the letter][1]";
    private static readonly string ReferenceDefinition = "[1]: http://evil.example/reference";
    private static readonly string Emphasis = "**urgent* _break_ out__ ~~gone~~";
    private static readonly string Script = "[click](javascript:alert(1))";

    private static readonly string[] Hostile = [Link, Image, Autolink, BareUrl, Email, Mailto, SchemeRelative, Html, Reference, ReferenceDefinition, Emphasis, Script];

    private static readonly string Idea = $"Checkout risk {Script} {Emphasis} {BareUrl}";
    private static readonly string Note = $"{Link} {Image} {Autolink} {Email}\n{Reference}\n{ReferenceDefinition}";
    private static readonly string ContactName = $"Mallory {Html}";
    private static readonly string Message = $"Hi {Mailto} {SchemeRelative}";
    private static readonly string Kpis = $"{Link} {Autolink}";
    private static readonly string Concerns = $"{Emphasis} {Mailto}";

    [Fact]
    public async Task Hostile_Markdown_from_one_user_shows_as_typed_in_the_status_pitch_team_pipeline_and_brief_cards_others_see()
    {
        await using var bot = await TeamsBot.StartAsync();
        var pm = await MemberAsync(bot, Pm, 2);
        await HostileOutreachAsync(bot, "aad:" + pm.AadObjectId);
        var other = bot.Chat(await MemberAsync(bot, OtherPm, 3), TeamsPlace.Personal);
        (await bot.Service().CreateAsync(Requester.User("aad:" + other.Member.AadObjectId), new NewOutreach("Merchant fraud scoring", "risk rules", "Asia/Shanghai"))).GetValueOrThrow();
        var otherInChinese = bot.Chat(other.Member, TeamsPlace.GroupChat, "zh-CN");
        var lead = bot.Chat(bot.Member(Lead, "Han Yu", 1), TeamsPlace.Personal);
        var owner = bot.Chat(pm, TeamsPlace.Personal);

        var status = await other.SayAsync("status Risk Management Center");
        var statusZh = await otherInChinese.SayAsync("进展 风控");
        var pitch = await other.SayAsync("pitch risk management center");
        var team = await lead.SayAsync("pipeline team");
        var brief = await owner.SayAsync("brief");

        Assert.All([status, statusZh, pitch], replies => Assert.Contains(Link, replies.Seen()));
        Assert.All([status, statusZh], replies => Assert.Contains(ReferenceDefinition, replies.Seen()));
        Assert.Contains(Script, team.Seen());
        Assert.Contains(BareUrl, team.Seen());
        Assert.Contains(Script, brief.Seen());
        var cards = new[] { ("status", status), ("status zh", statusZh), ("pitch", pitch), ("pipeline team", team), ("brief", brief) }
            .SelectMany(r => r.Item2.Cards().Select((card, i) => (Name: $"{r.Item1} #{i}", Card: card)))
            .ToList();
        Assert.True(cards.Count >= 5, $"only {cards.Count} cards");
        var seen = string.Join("\n", new[] { status, statusZh, pitch, team, brief }.Select(r => r.Seen()));
        var shown = Hostile.Where(h => seen.Contains(h, StringComparison.Ordinal)).ToList();
        Assert.True(shown.Count >= 8, "hostile input shown: " + string.Join(" | ", shown) + "\nin: " + seen);
        Write(cards, shown, bot.Host.Services.GetRequiredService<IOptions<PublicAddressOptions>>().Value.PublicBaseUrl);
    }

    /// <summary>Everything the hostile PM can type into an outreach, through the same service the chat uses.</summary>
    private static async Task HostileOutreachAsync(TeamsBot bot, string ownerKey)
    {
        var owner = Requester.User(ownerKey);
        var service = bot.Service();
        var outreach = (await service.CreateAsync(owner, new NewOutreach(Idea, "payment gateway " + Emphasis, "Asia/Shanghai"))).GetValueOrThrow().Outreach;
        (await service.UpdatePrepAsync(owner, outreach.Id, new StageOnePrep(
            "Merchants ask for it " + Link,
            "Access to events " + Autolink,
            "More volume " + Html))).GetValueOrThrow();
        foreach (var (id, zh, en) in new[] { (Risk, "风控中心", "Risk Management Center"), (Payments, "支付中台", "Payments Platform") })
        {
            (await service.AddTargetAsync(owner, outreach.Id, new DepartmentRef(id, zh, en), LeadRoute.OrgChart)).GetValueOrThrow();
            (await service.RecordContactAsync(owner, outreach.Id, new NewContact(id, null, ContactName, LeadRoute.OrgChart, Message))).GetValueOrThrow();
        }

        (await service.RecordOutcomeAsync(owner, outreach.Id, Risk, ContactOutcome.Refused, RefusalReason.NotTheirScope, Note)).GetValueOrThrow();
        (await service.RecordOutcomeAsync(owner, outreach.Id, Payments, ContactOutcome.Interested)).GetValueOrThrow();
        (await service.RecordInsightAsync(owner, outreach.Id, Payments, Kpis, Concerns)).GetValueOrThrow();
        (await service.ScheduleMeetingAsync(owner, outreach.Id, new NewMeeting(Payments, bot.Host.Clock.GetUtcNow().AddDays(2)))).GetValueOrThrow();
    }

    private static async Task<TeamsMember> MemberAsync(TeamsBot bot, string email, int number)
    {
        var member = bot.Member(email, email, number);
        await bot.Chat(member, TeamsPlace.Personal).SayAsync("help");
        return member;
    }

    /// <summary>The cards and what must show in them literally, for the Markdown engine check in Node.</summary>
    private static void Write(IReadOnlyList<(string Name, Newtonsoft.Json.Linq.JObject Card)> cards, IReadOnlyList<string> shown, Uri botBaseUrl)
    {
        var file = new JsonObject
        {
            ["botBaseUrl"] = botBaseUrl.AbsoluteUri,
            ["shownLiterally"] = new JsonArray([.. shown.Select(s => (JsonNode)JsonValue.Create(s))]),
            ["cards"] = new JsonArray([.. cards.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["card"] = JsonNode.Parse(c.Card.ToString()) })]),
        };
        var directory = Path.Combine(RepositoryPaths.Root, "test-results", "cards");
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "user-text-cards.json"), file.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }
}
