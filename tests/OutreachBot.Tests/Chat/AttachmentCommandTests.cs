using System.Text;
using Microsoft.Bot.Schema;
using OutreachBot.Tests.Features.StageTwo;

namespace OutreachBot.Tests.Chat;

/// <summary>A file dropped into the chat without text: a lone .csv means <c>bids</c>; anything else still gets help.</summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class AttachmentCommandTests
{
    private const string Bids =
        "competitor,project,customer,amount,currency,award_date,region\n" +
        "恒信科技,支付风控平台,宁波某城商行,1200000,CNY,2026-03-01,华东\n" +
        "远景软件,反欺诈系统,苏州某农商行,800000,CNY,2026-09-15,华东\n";

    private static Activity Dropped(params Attachment[] attachments) => new() { Type = ActivityTypes.Message, Text = null, Attachments = attachments };

    private static Attachment File(string name, string contentType = "text/csv", string url = "https://files.example.com/a") =>
        new() { ContentType = contentType, ContentUrl = url, Name = name };

    [Fact]
    public async Task A_bids_csv_dropped_without_text_is_imported_as_if_the_user_had_typed_bids()
    {
        var port = RepositoryPaths.FreeLoopbackPort();
        using var host = new BotTestHost(BotTestOptions.Quiet.With(LocalFileServer.AllowList(port)));
        await new StageTwoWorld(host).OutreachAsync();
        await using var server = await LocalFileServer.StartAsync(new Dictionary<string, byte[]> { ["bids.csv"] = Encoding.UTF8.GetBytes(Bids) }, port);

        var replies = await host.Chat(locale: "en-US").SendAsync(Dropped(File("bids.csv", url: server.Url("bids.csv").AbsoluteUri)));

        Assert.Equal(1, server.Requests);
        Assert.Contains("Imported 2 winning bids from bids.csv.", replies.AllText());
    }

    [Fact]
    public async Task A_picture_dropped_without_text_still_gets_the_short_help_in_Chinese()
    {
        using var host = new BotTestHost();

        var replies = await host.Chat(locale: "zh-CN").SendAsync(Dropped(File("whiteboard.png", "image/png")));

        Assert.Contains("帮助", replies.Cards().Single().ButtonTitles());
    }

    [Fact]
    public void A_Teams_file_download_info_named_csv_beside_the_HTML_body_means_bids()
    {
        var activity = Dropped(
            new Attachment { ContentType = "application/vnd.microsoft.teams.file.download.info", Name = "Bids 2026.CSV", Content = new JObject { ["downloadUrl"] = "https://x.example.com/d" } },
            new Attachment { ContentType = "text/html", Content = "<p></p>", ContentUrl = "https://x.example.com/body" });

        Assert.Equal("bids", AttachmentCommands.ImpliedCommand(activity, ProductCommands.Catalog));
    }

    [Fact]
    public void Two_files_or_a_file_that_is_not_csv_imply_no_command()
    {
        Assert.Null(AttachmentCommands.ImpliedCommand(Dropped(File("bids.csv"), File("more.csv")), ProductCommands.Catalog));
        Assert.Null(AttachmentCommands.ImpliedCommand(Dropped(File("notes.txt", "text/plain")), ProductCommands.Catalog));
        Assert.Null(AttachmentCommands.ImpliedCommand(Dropped(), ProductCommands.Catalog));
    }
}
