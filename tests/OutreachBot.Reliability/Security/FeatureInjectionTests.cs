using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutreachBot.Reliability.Security;

/// <summary>
/// Hostile department and person names imported with the org chart, then used through the chat commands — <c>new</c>,
/// <c>find</c>, "I sent it", <c>outcome</c>, <c>status</c> — and exported: the CSV downloads neutralize every formula.
/// </summary>
public sealed partial class FeatureInjectionTests : IDisposable
{
    private const string OData = "x' or PartitionKey ne '";
    private const string Formula = "=cmd|' /C calc'!A0";
    private const string QuotedZh = "奥'布莱恩\"数据\"部";
    private const string Note = "=HYPERLINK(\"http://evil.example\")";

    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("outreachbot-feature-injection-");

    public void Dispose() => scratch.Delete(recursive: true);

    [Fact]
    public async Task Hostile_department_and_person_names_go_through_new_find_outcome_status_and_export_as_plain_text()
    {
        var directory = HostileDirectory();
        using var bot = new BotTestHost(BotTestOptions.AsDeployed with { Store = TestStore.Sqlite(Path.Combine(scratch.FullName, "bot.db")), Directory = TestDirectory.Folder(directory) });
        using var http = bot.CreateClient();
        var pm = ChatUser.As(http, bot.MessagesEndpoint, "en-US");
        await WaitForDirectoryAsync(pm);

        var replies = new List<Reply>
        {
            await pm.SayAsync($"new {Formula} {OData}"),
            await pm.SayAsync("'; DROP TABLE outreaches; --"),
            await pm.SayAsync(OData),
            await pm.SayAsync("next Friday"),
            await pm.SayAsync("Merchants keep asking for fraud checks at checkout; three key customers said they would buy it."),
            await pm.SayAsync("Access to the gateway's transaction events and a sandbox."),
        };
        var summary = await pm.SayAsync("More volume through their gateway: direct revenue for them.");
        var outreachId = OutreachIdIn(summary);
        var found = await pm.SayAsync("find " + OData);
        var contact = await pm.SubmitAsync("recordContact", new Dictionary<string, string> { ["outreachId"] = outreachId, ["departmentId"] = "hx1" });
        var outcome = await pm.SayAsync($"outcome {OData} refused {Note}");
        var status = await pm.SayAsync("status " + OData);
        var zhStatus = await pm.SayAsync("status " + QuotedZh);
        var export = await pm.SayAsync("export");
        replies.AddRange([summary, found, contact, outcome, status, zhStatus, export]);

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(replies, r => Assert.Equal(TurnOutcome.Answered, TurnClient.Classify("", 0, r.Status, Envelope(r)).Outcome));
        Assert.All(replies, AssertCardsWellFormed);
        Assert.Contains($"Outreach started: {Formula} {OData}", summary.Text);
        Assert.Contains(OData, summary.Text);
        Assert.True(found.Text.Contains("hx1", StringComparison.Ordinal), found.Text);
        Assert.Contains(Formula, contact.Text); // the head of the department, by name
        Assert.Contains(OData, outcome.Text);
        Assert.Contains(Formula, status.Text);
        Assert.True(zhStatus.Text.Contains(OData, StringComparison.Ordinal), zhStatus.Text);

        var links = DownloadLinks().Matches(export.Text).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(3, links.Count);
        foreach (var link in links.Where(l => l.EndsWith(".csv", StringComparison.Ordinal)))
        {
            using var response = await http.GetAsync(new Uri(link, UriKind.Relative));
            var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.All(Cells(csv), cell => Assert.DoesNotMatch("^[=+\\-@\\t\\r]", cell));
            Assert.Contains("'" + Formula, csv);
        }

        var timelines = Encoding.UTF8.GetString(await http.GetByteArrayAsync(new Uri(links.Single(l => l.Contains("timelines", StringComparison.Ordinal)), UriKind.Relative)));
        Assert.True(timelines.Contains(Note.Replace("\"", "\"\"", StringComparison.Ordinal), StringComparison.Ordinal), timelines);
        Assert.Contains(OData, timelines);
    }

    /// <summary>The demo org chart plus one department and its head whose names are hostile text.</summary>
    private string HostileDirectory()
    {
        var folder = Directory.CreateDirectory(Path.Combine(scratch.FullName, "company")).FullName;
        var demo = Path.Combine(RepositoryPaths.Root, "demo", "company");
        File.WriteAllText(
            Path.Combine(folder, "departments.csv"),
            File.ReadAllText(Path.Combine(demo, "departments.csv")).TrimEnd() + "\n"
            + Csv("hx1", QuotedZh, OData, "fintech", "E90001", Formula + " 支付网关 payment gateway", "注入;" + Formula) + "\n");
        File.WriteAllText(
            Path.Combine(folder, "people.csv"),
            File.ReadAllText(Path.Combine(demo, "people.csv")).TrimEnd() + "\n"
            + Csv("E90001", "李'雷\"", Formula, "obrien@xinghai.example.com", "hx1", "+SUM(1,2) / @Head", "2015-03-02", "E00005") + "\n");
        return folder;
    }

    private static async Task WaitForDirectoryAsync(ChatUser user)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await user.SayAsync("find Payments Platform")).Text.Contains("pay-core", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the org directory did not load");
    }

    private static void AssertCardsWellFormed(Reply reply)
    {
        foreach (var activity in JsonNode.Parse(reply.Text)!.AsArray())
        {
            foreach (var attachment in activity!["attachments"]?.AsArray() ?? [])
            {
                var card = attachment!["content"]!;
                Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
                Assert.Equal("1.5", card["version"]!.GetValue<string>());
                Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) < 40_000);
            }
        }
    }

    private static string OutreachIdIn(Reply reply) =>
        Assert.Single(OutreachIds().Matches(reply.Text).Select(m => m.Groups[1].Value).Distinct());

    private static string Envelope(Reply reply) => new JsonObject { ["activities"] = JsonNode.Parse(reply.Text) }.ToJsonString();

    private static string Csv(params string[] fields) => string.Join(',', fields.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary>Every cell of an RFC 4180 CSV text, unquoted.</summary>
    private static IEnumerable<string> Cells(string csv)
    {
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is ',' or '\n')
            {
                yield return cell.ToString();
                cell.Clear();
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }

        yield return cell.ToString();
    }

    [GeneratedRegex("\"outreachId\":\"([0-9a-f]{32})\"", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OutreachIds();

    [GeneratedRegex("/files/[A-Za-z0-9_-]+/[^\"\\s)]+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DownloadLinks();
}
