using System.Net;
using System.Text;
using OutreachBot.Domain.Storage;

namespace OutreachBot.Reliability.Security;

/// <summary>Hostile text — quotes, OData filter fragments, spreadsheet formulas — is data, never code, on every path.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InjectionTests(AzuriteFixture azurite) : IDisposable
{
    public static readonly string[] Hostile =
    [
        "O'Brien \"Bob\" 李'雷",
        "x' or PartitionKey ne '",
        "x\" or RowKey gt \"",
        "=cmd|' /C calc'!A0",
        "+SUM(1,2)",
        "-2+3",
        "@HYPERLINK(\"http://evil.example\")",
        "'; DROP TABLE outreaches; --",
        "</at><at>OutreachBot</at>{\"$type\":\"System.IO.FileInfo\"}",
    ];

    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("outreachbot-injection-");

    public void Dispose() => scratch.Delete(recursive: true);

    [Fact]
    public async Task Hostile_product_ideas_round_trip_exactly_on_SQLite_and_Azure_Tables_and_are_neutralized_in_CSV_exports()
    {
        IEntityStore[] stores =
        [
            new SqliteEntityStore(new SqliteStorageOptions { Path = Path.Combine(scratch.FullName, "injection.db") }),
            new AzureTableEntityStore(new AzureTablesStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = TestStore.UniqueTablePrefix() }),
        ];
        foreach (var store in stores)
        {
            var service = new OutreachService(new OutreachRepository(store), new NoAlternativeDepartments(), new NextActionPlaybook(), TimeProvider.System);
            var owner = Requester.User("aad:" + Hostile[1]);
            foreach (var text in Hostile)
            {
                var created = await service.CreateAsync(owner, new NewOutreach(text, text, "Asia/Shanghai"));
                Assert.Null(created.Error);
                var read = (await service.GetAsync(owner, created.Value!.Outreach.Id)).Value!;
                Assert.Equal(text, read.ProductIdea);
            }

            var views = await service.StatusAsync(owner);
            var csv = Encoding.UTF8.GetString(OutreachExport.PipelineCsv(views, OutreachBot.Chat.Localization.BotCopy.For(OutreachBot.Domain.Text.Language.English), key => key));

            Assert.Equal(Hostile.Length, views.Count);
            Assert.All(Hostile, text => Assert.Contains(text, views.Select(v => v.ProductIdea)));
            Assert.DoesNotMatch("(^|,)\"?[=+\\-@]", string.Join('\n', csv.Split('\n').Select(l => l.TrimStart('"'))));
            Assert.Contains("'=cmd|' /C calc'!A0", csv);
            Assert.Empty(await service.StatusAsync(Requester.User("aad:someone-else")));
        }
    }

    [Fact]
    public async Task Hostile_text_sent_to_the_bot_is_answered_normally_and_shown_back_verbatim()
    {
        using var bot = new BotTestHost(BotTestOptions.AsDeployed with { Store = TestStore.Sqlite(Path.Combine(scratch.FullName, "bot.db")) });
        using var http = bot.CreateClient();
        var user = ChatUser.As(http, bot.MessagesEndpoint, "en-US");

        var replies = new List<Reply>();
        foreach (var text in Hostile)
        {
            replies.Add(await user.SayAsync("find " + text));
            replies.Add(await user.SayAsync("status " + text));
            replies.Add(await user.SayAsync("timezone " + text));
        }

        var saved = await user.SayAsync("iam o'brien+test@example.com");
        var shown = await user.SayAsync("iam");

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.DoesNotContain(replies, r => r.Text.Contains("Sorry, something went wrong", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Text.Contains("=cmd|' /C calc'!A0", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("o'brien+test@example.com", shown.Text);
    }
}
