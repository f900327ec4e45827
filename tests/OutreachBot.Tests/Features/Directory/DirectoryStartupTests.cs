using OutreachBot.Domain.Directory;

namespace OutreachBot.Tests.Features.Directory;

public sealed class DirectoryStartupTests : IDisposable
{
    private readonly DirectoryInfo scratch = System.IO.Directory.CreateTempSubdirectory("outreachbot-startup-");

    public void Dispose() => scratch.Delete(recursive: true);

    [Fact]
    public async Task The_org_directory_is_loaded_before_the_bot_serves_its_first_request()
    {
        using var app = new BotTestHost(BotTestOptions.AsDeployed with { Store = TestStore.InMemory() });
        using var client = app.CreateClient();
        var find = TeamsPayloads.Load("message-personal.json").ExpectingReplies().WithText("find Payments Platform");
        find["locale"] = "en-US";

        using var first = await client.PostAsync("/api/messages", new StringContent(find.ToString(), System.Text.Encoding.UTF8, "application/json"));

        var said = string.Join("\n", JObject.Parse(await first.Content.ReadAsStringAsync()).SelectTokens("$..text").Select(t => (string?)t));
        Assert.Contains("1.\nPayments Platform", said);
        var directory = app.Services.GetRequiredService<LiveDirectory>().Current.Directory;
        Assert.True(directory.Departments.Count > 100, $"only {directory.Departments.Count} departments right after start");
    }

    [Fact]
    public void A_restart_reads_the_search_index_the_first_start_stored_beside_the_sqlite_file()
    {
        var options = BotTestOptions.AsDeployed with { Store = TestStore.Sqlite(Path.Combine(scratch.FullName, "bot.db")) };
        using (var first = new BotTestHost(options))
        {
            Assert.True(first.Services.GetRequiredService<LiveDirectory>().Current.Directory.Departments.Count > 100);
        }

        using var second = new BotTestHost(options);

        var live = second.Services.GetRequiredService<LiveDirectory>();
        Assert.Equal(OutreachBot.Domain.Directory.Search.SearchIndexSource.Loaded, live.LastLoad?.SearchSource);
        Assert.Single(System.IO.Directory.GetFiles(Path.Combine(scratch.FullName, "search-index"), "*.index"));
        Assert.Equal("pay-core", live.Current.Search.Search("支付中台", 1)[0].Department.Id);
    }
}
