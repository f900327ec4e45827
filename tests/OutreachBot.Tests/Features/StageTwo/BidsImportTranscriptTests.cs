using System.Text;
using Microsoft.Bot.Schema;
using MiniExcelLibs;

namespace OutreachBot.Tests.Features.StageTwo;

/// <summary>Winning bids reach the bot the ways people have them: a file shared in Teams, rows pasted from Excel, GBK and UTF-16 files, a workbook.</summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class BidsImportTranscriptTests : IAsyncLifetime
{
    private const string Header = "competitor\tproject\tcustomer\tamount\tcurrency\taward_date\tregion";
    private const string Row1 = "恒信科技\t支付风控平台\t宁波某城商行\t238万\t人民币\t2026/3/18\t华东";
    private const string Row2 = "远景软件\t反欺诈系统\t苏州某农商行\t1.2亿\t美元\t2026年9月15日\t华东";

    private readonly int filesPort = RepositoryPaths.FreeLoopbackPort();
    private readonly Dictionary<string, byte[]> files = [];
    private BotTestHost host = null!;
    private StageTwoWorld world = null!;
    private LocalFileServer server = null!;

    public async Task InitializeAsync()
    {
        host = new BotTestHost(BotTestOptions.Quiet.With(LocalFileServer.AllowList(filesPort)));
        world = new StageTwoWorld(host);
        server = await LocalFileServer.StartAsync(files, filesPort);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await host.DisposeAsync();
    }

    private Activity Shared(string name, byte[] content, string text = "")
    {
        files[name] = content;
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            Attachments =
            [
                new Attachment
                {
                    ContentType = "application/vnd.microsoft.teams.file.download.info",
                    ContentUrl = "https://contoso-my.sharepoint.com/personal/li/Documents/Microsoft Teams Chat Files/" + name,
                    Name = name,
                    Content = new JObject { ["downloadUrl"] = server.Url(name).AbsoluteUri, ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = Path.GetExtension(name).TrimStart('.') },
                },
                new Attachment { ContentType = "text/html", Content = "<div></div>" },
            ],
        };
    }

    [Theory]
    [InlineData("\t", true)]
    [InlineData("\t", false)]
    [InlineData(",", true)]
    [InlineData(",", false)]
    public async Task Rows_pasted_after_the_command_import_with_tabs_or_commas_with_or_without_the_header(string separator, bool header)
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "zh-CN");
        var rows = (header ? [Header, Row1, Row2] : new[] { Row1, Row2 }).Select(r => r.Replace("\t", separator, StringComparison.Ordinal));

        var replies = await chat.SayAsync("中标\n" + string.Join("\n", rows));

        var text = replies.AllText();
        Assert.Contains("已从 粘贴的内容 导入 2 条中标记录。", text);
        Assert.Contains(separator == "\t" ? "读取自粘贴的内容（制表符分隔）。" : "读取自粘贴的内容（逗号分隔）。", text);
        Assert.Equal(!header, text.Contains("没有表头", StringComparison.Ordinal));
        Assert.Equal(2, (await world.MaterialAsync(id)).Bids!.Count);
    }

    [Fact]
    public async Task A_GBK_file_shared_in_Teams_imports_readable_names_and_says_it_was_GBK()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "zh-CN");
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

        var replies = await chat.SendAsync(Shared("中标数据.csv", gbk.GetBytes(string.Join("\r\n", Header, Row1, Row2).Replace('\t', ','))));

        var text = replies.AllText();
        Assert.Contains("已从 中标数据.csv 导入 2 条中标记录。文件编码：GBK。", text);
        Assert.Contains("恒信科技", text);
        Assert.Equal(2, (await world.MaterialAsync(id)).Bids!.Count);
    }

    [Fact]
    public async Task A_UTF16_file_as_Excel_saves_Unicode_text_imports_in_English()
    {
        await world.OutreachAsync();
        var chat = host.Chat(locale: "en-US");
        byte[] utf16 = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(string.Join("\r\n", Header, Row1, Row2))];

        var replies = await chat.SendAsync(Shared("bids.txt", utf16, text: "bids"));

        Assert.Contains("Imported 2 winning bids from bids.txt. Text encoding: UTF-16 LE with BOM.", replies.AllText());
    }

    [Fact]
    public async Task An_Excel_workbook_imports_with_its_dates_and_numbers()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "en-US");
        using var workbook = new MemoryStream();
        workbook.SaveAs(new[]
        {
            new Dictionary<string, object> { ["Competitor"] = "恒信科技", ["Project"] = "支付风控平台", ["Customer"] = "宁波某城商行", ["Amount"] = 2_380_000m, ["Currency"] = "CNY", ["Award date"] = new DateTime(2026, 3, 18), ["Region"] = "华东" },
            new Dictionary<string, object> { ["Competitor"] = "远景软件", ["Project"] = "反欺诈系统", ["Customer"] = "苏州某农商行", ["Amount"] = 800_000.5, ["Currency"] = "人民币", ["Award date"] = new DateTime(2026, 9, 15), ["Region"] = "" },
        });

        var replies = await chat.SendAsync(Shared("bids.xlsx", workbook.ToArray()));

        Assert.Contains("Imported 2 winning bids from bids.xlsx. Read from the first sheet of the workbook.", replies.AllText());
        var bids = await world.Repository.LoadBidsAsync(StageTwoWorld.Requester(), id);
        Assert.Equal([(2_380_000m, new DateOnly(2026, 3, 18)), (800_000.5m, new DateOnly(2026, 9, 15))], bids.Value!.Select(b => (b.Amount.Amount, b.AwardDate)));
    }

    [Fact]
    public async Task An_empty_file_keeps_the_previous_import_until_the_user_confirms_with_the_button()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "en-US");
        await chat.SendAsync(Shared("bids.csv", Encoding.UTF8.GetBytes(string.Join("\n", Header, Row1, Row2))));

        var asked = await chat.SendAsync(Shared("bids-empty.csv", Encoding.UTF8.GetBytes(Header + "\n")));
        var kept = await world.MaterialAsync(id);
        var cleared = await chat.PressAsync(asked.Cards().Single(), "Clear the imported bids");
        var pressedAgain = await chat.PressAsync(asked.Cards().Single(), "Clear the imported bids");

        Assert.Contains("bids-empty.csv has no rows. Importing it would replace the 2 bids imported from bids.csv on", asked.AllText());
        Assert.Equal(["Clear the imported bids", "Keep them"], asked.Cards().Single().ButtonTitles());
        Assert.Equal(2, kept.Bids!.Count);
        Assert.Contains("Cleared the 2 imported bids.", cleared.AllText());
        Assert.Equal(0, (await world.MaterialAsync(id)).Bids!.Count);
        Assert.Contains("There are no imported bids to clear.", pressedAgain.AllText());
    }

    [Fact]
    public async Task An_empty_file_without_an_earlier_import_just_says_nothing_was_imported_in_Chinese()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "zh-CN");

        var replies = await chat.SendAsync(Shared("bids.csv", Encoding.UTF8.GetBytes(Header + "\n\n")));

        Assert.Equal("bids.csv 里没有数据行，没有导入任何内容。", Assert.Single(replies).Text);
        Assert.Null((await world.MaterialAsync(id)).Bids);
    }

    [Fact]
    public async Task A_stale_clear_button_does_not_erase_a_newer_import()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "en-US");
        await chat.SendAsync(Shared("bids.csv", Encoding.UTF8.GetBytes(string.Join("\n", Header, Row1))));
        var asked = await chat.SayAsync("bids clear");
        await chat.SendAsync(Shared("bids-2.csv", Encoding.UTF8.GetBytes(string.Join("\n", Header, Row1, Row2))));

        var pressed = await chat.PressAsync(asked.Cards().Single(), "Clear the imported bids");

        Assert.Contains("Clear the 1 bid imported from bids.csv on", asked.AllText());
        Assert.Contains("The imported bids changed since that button was sent, so nothing was cleared.", pressed.AllText());
        Assert.Equal(2, (await world.MaterialAsync(id)).Bids!.Count);
    }
}
