using System.Text;
using Microsoft.Bot.Schema;

namespace OutreachBot.Tests.Features.StageTwo;

[Collection(RenderedCardsCollection.Name)]
public sealed class StageTwoTranscriptTests : IDisposable
{
    private const string GoodBids =
        "competitor,project,customer,amount,currency,award_date,region\n" +
        "恒信科技,支付风控平台,宁波某城商行,1200000,CNY,2026-03-01,华东\n" +
        "远景软件,反欺诈系统,苏州某农商行,800000,CNY,2026-09-15,华东\n" +
        "恒信科技,交易监控,杭州某城商行,500000,CNY,2026-10-20,华东\n" +
        "远景软件,风控咨询,南京某银行,300000,CNY,2025-06-01,华东\n";

    private const string BadBids =
        "competitor,project,customer,amount,currency,award_date,region\n" +
        "恒信科技,支付风控平台,宁波某城商行,1200000,CNY,2026-03-01,华东\n" +
        "远景软件,反欺诈系统,苏州某农商行,abc,CNY,2026-09-15,华东\n" +
        "恒信科技,交易监控,杭州某城商行,500000,金币,2026-10-20,华东\n" +
        "远景软件,风控咨询,南京某银行,300000,CNY,2026/13/01,华东\n";

    private readonly int filesPort = RepositoryPaths.FreeLoopbackPort();
    private readonly BotTestHost host;
    private readonly StageTwoWorld world;

    public StageTwoTranscriptTests()
    {
        host = new BotTestHost(BotTestOptions.Quiet.With(LocalFileServer.AllowList(filesPort)));
        world = new StageTwoWorld(host);
    }

    public void Dispose() => host.Dispose();

    private static Activity WithAttachment(string text, Uri url, string name = "bids.csv") => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Attachments = [new Attachment { ContentType = "text/csv", ContentUrl = url.AbsoluteUri, Name = name }],
    };

    /// <summary>One segment through the market flow in English: 120 city commercial banks at CNY 500K, 10% penetration; returns the estimate.</summary>
    private static Task<IReadOnlyList<Activity>> SizeMarketAsync(ChatTester chat) =>
        chat.SayInTurnAsync("market add", "City commercial banks", "120", "CBIRC 2024 annual report", "500000", "10%");

    [Fact]
    public async Task Without_an_outreach_the_stage_two_commands_say_how_to_start_one()
    {
        var chat = host.Chat(locale: "zh-CN");

        var replies = await chat.SayAsync("简报");

        Assert.Contains("还没有可以准备第二阶段材料的合作对接", replies.AllText());
        Assert.Contains("新建合作对接", replies.Cards()[0].ButtonTitles());
    }

    [Fact]
    public async Task Market_flow_in_English_gives_the_estimate_with_its_formula()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "en-US");

        var empty = await chat.SayAsync("market");
        var estimate = await SizeMarketAsync(chat);

        Assert.Contains("No segments yet", empty.AllText());
        var text = estimate.AllText();
        Assert.Contains("Expected market size: CNY 6M (capacity CNY 60M)", text);
        Assert.Contains("City commercial banks: customers 120 × unit price CNY 500K × penetration 10% = CNY 6M", text);
        Assert.Contains("120 (CBIRC 2024 annual report)", text);
        var segment = Assert.Single((await world.MaterialAsync(id)).Market!.Segments);
        Assert.Equal((120L, 500_000m, 0.1m), (segment.CustomerCount!.Value, segment.UnitPrice!.Value.Amount, segment.Penetration!.Value));
    }

    [Fact]
    public async Task Market_flow_in_Chinese_reads_wan_amounts_and_shows_wan_and_yi()
    {
        await world.OutreachAsync();
        var chat = host.Chat(locale: "zh-CN");

        var badPrice = await chat.SayInTurnAsync("市场 添加", "城商行", "120", "国家金融监督管理总局 2024 年报", "很贵");
        var estimate = await chat.SayInTurnAsync("50万", "10%");

        Assert.Contains("没能识别这个金额", badPrice.AllText());
        Assert.Contains("第 4/5 步", badPrice.AllText());
        Assert.Contains("预期市场规模：¥600万（市场容量 ¥6,000万）", estimate.AllText());
        Assert.Contains("城商行：客户数 120 × 客单价 ¥50万 × 渗透率 10% = ¥600万", estimate.AllText());
    }

    [Fact]
    public async Task A_segment_priced_in_another_currency_is_refused_and_nothing_changes()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "en-US");
        await SizeMarketAsync(chat);

        var refused = await chat.SayInTurnAsync("market add", "Rural banks", "1500", "none", "80,000 USD", "2%");

        Assert.Contains("Nothing was saved: The price is in USD but the estimate is in CNY", refused.AllText());
        Assert.Single((await world.MaterialAsync(id)).Market!.Segments);
    }

    [Fact]
    public async Task Market_remove_takes_a_segment_out_of_the_total()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "en-US");
        await SizeMarketAsync(chat);

        var unknown = await chat.SayAsync("market remove Insurers");
        var removed = await chat.SayAsync("market remove city commercial banks");

        Assert.Contains("There is no segment called \"Insurers\". Segments: City commercial banks", unknown.AllText());
        Assert.Contains("No segments yet", removed.AllText());
        Assert.Empty((await world.MaterialAsync(id)).Market!.Segments);
    }

    [Fact]
    public async Task Bids_attached_to_a_message_are_downloaded_tallied_compared_and_charted()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "en-US");
        await SizeMarketAsync(chat);
        await using var server = await LocalFileServer.StartAsync(new Dictionary<string, byte[]> { ["bids.csv"] = Encoding.UTF8.GetBytes(GoodBids) }, filesPort);

        var replies = await chat.SendAsync(WithAttachment("bids", server.Url("bids.csv")));

        Assert.Equal(1, server.Requests);
        var text = replies.AllText();
        Assert.Contains("Imported 4 winning bids from bids.csv.", text);
        Assert.Contains("Last 12 months (Nov 25, 2025 – Nov 24, 2026): 3 winning bids", text);
        Assert.Contains("CNY: CNY 2.5M in 3 bids", text);
        Assert.Contains("恒信科技", text);
        Assert.Contains("Annualized bids CNY 2.5M ÷ expected market size CNY 6M = 41.7%: the estimate is plausible against the real market.", text);
        var image = (string)replies.Cards().Last().SelectTokens("$..body[?(@.type == 'Image')].url").Single()!;
        Assert.StartsWith("http://localhost:3978/files/", image, StringComparison.Ordinal);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await world.DownloadAsync(image))[..4]);
        Assert.Equal(4, (await world.MaterialAsync(id)).Bids!.Count);
    }

    [Fact]
    public async Task Bids_for_the_last_N_months_are_annualized_against_the_market()
    {
        await world.OutreachAsync();
        var chat = host.Chat(locale: "zh-CN");
        await using var server = await LocalFileServer.StartAsync(new Dictionary<string, byte[]> { ["bids.csv"] = Encoding.UTF8.GetBytes(GoodBids) }, filesPort);
        await chat.SayInTurnAsync("市场 添加", "城商行", "120", "无", "50万", "10%");
        await chat.SendAsync(WithAttachment("中标", server.Url("bids.csv")));

        var six = await chat.SayAsync("中标 6");
        var bad = await chat.SayAsync("中标 0");

        Assert.Contains("近 6 个月（2026年5月25日至2026年11月24日）：2 个中标项目", six.AllText());
        Assert.Contains("年化中标额 ¥260万 ÷ 预期市场规模 ¥600万 = 43.3%：预期规模与真实市场相互印证，较为可信。", six.AllText());
        Assert.Contains("月数请填 1 到 120 之间的整数", bad.AllText());
    }

    [Fact]
    public async Task A_bids_file_with_bad_rows_reports_every_row_in_English_and_imports_nothing()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "en-US");
        await using var server = await LocalFileServer.StartAsync(new Dictionary<string, byte[]> { ["bids.csv"] = Encoding.UTF8.GetBytes(BadBids) }, filesPort);

        var replies = await chat.SendAsync(WithAttachment("bids", server.Url("bids.csv")));

        var card = replies.Cards().Single();
        var text = replies.AllText();
        Assert.Contains("Nothing was imported: bids.csv has 3 problems.", text);
        var rows = card.SelectTokens("$..rows[*]").Skip(1).Select(r => string.Join("|", r.SelectTokens("$..text").Select(t => OutreachBot.Testing.Transcript.Shown((string)t!)))).ToList();
        Assert.Equal(
            [
                "3|amount|Line 3: the amount “abc” is not an amount I can read (write e.g. 2380000, 2,380,000, 2.38 million, ¥2.38M or 238万).",
                "4|currency|Line 4: the currency “金币” is not one I know (write e.g. CNY, USD, EUR, HKD, or 人民币, 美元).",
                "5|award_date|Line 5: the award date “2026/13/01” is not a date I can read (write e.g. 2026-03-18, 2026/3/18 or March 18, 2026).",
            ],
            rows);
        Assert.Null((await world.MaterialAsync(id)).Bids);
    }

    [Fact]
    public async Task A_bids_file_with_bad_rows_is_reported_in_Chinese_with_line_numbers()
    {
        await world.OutreachAsync();
        var chat = host.Chat(locale: "zh-CN");
        await using var server = await LocalFileServer.StartAsync(new Dictionary<string, byte[]> { ["bids.csv"] = Encoding.UTF8.GetBytes(BadBids) }, filesPort);

        var replies = await chat.SendAsync(WithAttachment("中标", server.Url("bids.csv")));

        var text = replies.AllText();
        Assert.Contains("没有导入任何数据：bids.csv 有 3 处问题。", text);
        Assert.Contains("第 3 行金额“abc”无法识别（可写 2380000、2,380,000、238万、1.2亿 或 ¥2.38M）", text);
        Assert.Contains("第 4 行币种“金币”无法识别（可写 CNY、人民币、USD、美元、EUR、欧元、HKD、港币）", text);
        Assert.Contains("第 5 行中标日期“2026/13/01”无法识别（可写 2026-03-18、2026/3/18 或 2026年3月18日）", text);
    }

    [Fact]
    public async Task An_attachment_that_cannot_be_downloaded_gets_a_clear_message()
    {
        await world.OutreachAsync();
        var chat = host.Chat(locale: "en-US");
        await using var server = await LocalFileServer.StartAsync(new Dictionary<string, byte[]>(), filesPort);

        var replies = await chat.SendAsync(WithAttachment("bids", server.Url("gone.csv")));

        Assert.Equal("I couldn't download the attachment. Please send it again in a minute.", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Bids_from_a_local_path_work_on_a_development_machine()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "en-US");
        var file = $"bids-{Guid.NewGuid():N}.csv";
        var path = Path.Combine(Path.GetTempPath(), file);
        chat.AllowCopy(file);
        await File.WriteAllTextAsync(path, GoodBids);
        try
        {
            var replies = await chat.SayAsync($"bids {path}");
            var missing = await chat.SayAsync("bids /no/such/bids.csv");

            Assert.Contains("Imported 4 winning bids", replies.AllText());
            Assert.Contains("Size the market first (market)", replies.AllText());
            Assert.Equal("There is no file at /no/such/bids.csv.", Assert.Single(missing).Text);
            Assert.Equal(4, (await world.MaterialAsync(id)).Bids!.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Bids_without_an_import_explain_the_file_format()
    {
        await world.OutreachAsync();
        var chat = host.Chat(locale: "zh-CN");

        var replies = await chat.SayAsync("中标");

        Assert.Contains("还没有导入中标数据", replies.AllText());
        Assert.Contains("competitor,project,customer,amount,currency,award_date,region", replies.AllText());
    }

    [Fact]
    public async Task Work_split_in_Chinese_refuses_a_revenue_split_that_is_not_100_percent()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "zh-CN");
        var brief = await chat.SayAsync("简报");

        await chat.PressAsync(brief.Cards()[0], "分工与分成");
        var badTask = await chat.SayAsync("反欺诈模型接口 对方；产品交付");
        var notHundred = await chat.SayInTurnAsync("反欺诈模型接口 对方；产品交付 我方；客户拓展 双方", "收入分成", "我方 60%，对方 30%");
        var saved = await chat.SayAsync("我方 60%，对方 40%");

        Assert.Contains("「产品交付」没有写明负责方", badTask.AllText());
        Assert.Contains("分成比例合计为 90%，应正好为 100%（还差 10%）", notHundred.AllText());
        Assert.Contains("第 3/3 步", notHundred.AllText());
        Assert.Contains("已保存 3 项分工，收入分成：我方 60%、对方 40%。", saved.AllText());
        var work = (await world.MaterialAsync(id)).Work!;
        Assert.Equal(3, work.DivisionOfLabour.Count);
        Assert.Equal(Domain.StageTwo.ChargingModel.RevenueShare, work.Charging);
    }

    [Fact]
    public async Task Work_split_in_English_reads_owners_and_shares()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "en-US");

        var tooMuch = await chat.SayInTurnAsync("brief work", "fraud model API partner\ndelivery - us\ncustomer development both", "2", "us 70, partner 40");
        var saved = await chat.SayAsync("us 70, partner 30");

        Assert.Contains("The shares add up to 110%; they must total exactly 100% (10% too much)", tooMuch.AllText());
        Assert.Contains("Saved 3 tasks and the revenue split: us 70%, partner 30%.", saved.AllText());
        Assert.Equal(
            [Domain.StageTwo.Responsibility.Theirs, Domain.StageTwo.Responsibility.Ours, Domain.StageTwo.Responsibility.Shared],
            (await world.MaterialAsync(id)).Work!.DivisionOfLabour.Select(w => w.Owner));
    }

    [Fact]
    public async Task Opportunity_flow_in_English_rates_the_angel_customer()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "en-US");
        var brief = await chat.SayAsync("brief");

        await chat.PressAsync(brief.Cards()[0], "Add opportunity");
        var bad = await chat.SayInTurnAsync("Bank of Ningbo", "3", "1 9");
        var saved = await chat.SayAsync("1 2 3");

        Assert.Contains("Reply with numbers from 1 to 5", bad.AllText());
        Assert.Contains("Saved Bank of Ningbo: angel-customer likelihood high. Opportunities in the list: 1.", saved.AllText());
        Assert.Contains("Bank of Ningbo: interested, angel-customer likelihood high", saved.AllText());
        Assert.Equal("Bank of Ningbo", Assert.Single((await world.MaterialAsync(id)).OpportunityList).Customer);
    }

    [Fact]
    public async Task Opportunity_flow_in_Chinese_updates_a_customer_given_again()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "zh-CN");

        await chat.SayInTurnAsync("简报 机会", "宁波银行", "已接触", "0");
        var saved = await chat.SayInTurnAsync("简报 机会", "宁波银行", "4", "1 3 4");

        Assert.Contains("已保存「宁波银行」：成为天使客户的可能性高。清单里共有 1 个机会。", saved.AllText());
        Assert.Equal(Domain.StageTwo.OpportunityStatus.PilotAgreed, Assert.Single((await world.MaterialAsync(id)).OpportunityList).Status);
    }

    [Fact]
    public async Task Panorama_flow_in_Chinese_builds_the_architecture_and_the_core_flow()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "zh-CN");

        var badPairs = await chat.SayInTurnAsync("简报 全景", "规则引擎、案件管理", "核心系统");
        var badLink = await chat.SayInTurnAsync("核心系统：交易数据；CRM：客户资料", "Web 控制台，API", "客户：发起支付\n风控引擎：调用反欺诈模型打分\n风控人员：处理可疑交易", "架构图 ftp://wiki");
        var saved = await chat.SayAsync("架构图 https://wiki.example.com/arch");

        Assert.Contains("每一项请写成「名称：说明」", badPairs.AllText());
        Assert.Contains("「ftp://wiki」不是有效的 http(s) 链接", badLink.AllText());
        Assert.Contains("已保存产品全景：2 个模块、2 个集成系统、3 个流程步骤。", saved.AllText());
        Assert.Contains("1.\n客户：发起支付", saved.AllText());
        var panorama = (await world.MaterialAsync(id)).Panorama!;
        Assert.Equal(["客户", "风控引擎", "风控人员"], panorama.CoreFlow.Select(s => s.Actor));
    }

    [Fact]
    public async Task Panorama_flow_in_English_accepts_none_for_optional_pieces()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "en-US");

        var saved = await chat.SayInTurnAsync("brief panorama", "rules engine, case management", "none", "web console", "customer: pays; risk engine: scores the payment", "none");

        Assert.Contains("Saved the panorama: 2 modules, 0 integrated systems, 2 flow steps.", saved.AllText());
        Assert.Empty((await world.MaterialAsync(id)).Panorama!.Diagrams);
    }

    [Fact]
    public async Task A_complete_outreach_produces_a_brief_with_every_section_and_its_files()
    {
        var id = await world.InterestedPartnerAsync();
        await world.LinkUserAsync("E00010", "ping.zhou@xinghai.example.com");
        await host.Services.GetRequiredService<Domain.Directory.LiveDirectory>().ImportFolderAsync(Path.Combine(AppContext.BaseDirectory, "demo", "company"));
        var chat = host.Chat(locale: "en-US");
        await SizeMarketAsync(chat);
        await using var server = await LocalFileServer.StartAsync(new Dictionary<string, byte[]> { ["bids.csv"] = Encoding.UTF8.GetBytes(GoodBids) }, filesPort);
        await chat.SendAsync(WithAttachment("bids", server.Url("bids.csv")));
        await chat.SayInTurnAsync("brief opportunity", "Bank of Ningbo", "3", "1 2 3");
        await chat.SayInTurnAsync("brief panorama", "rules engine, case management", "core banking: transactions", "web console", "customer: pays; risk engine: scores", "architecture https://wiki.example.com/arch");
        await chat.SayInTurnAsync("brief work", "fraud model API partner; delivery us; customer development both", "revenue share", "us 60%, partner 40%");

        var replies = await chat.SayInTurnAsync("brief ask", "Both leaders meet on Friday and confirm the intent to cooperate");

        var card = replies.Cards().Single();
        var text = replies.AllText();
        Assert.Contains("Collaboration brief: 支付风控 SaaS × Risk Management Center", text);
        foreach (var section in new[] { "Background", "Market", "Evidence from winning bids", "Opportunities", "Product panorama", "Division of labour", "Charging and revenue split", "Our ask" })
        {
            Assert.Contains(section, card.SelectTokens("$..text").Select(t => (string)t!));
        }

        Assert.Contains("Every section is filled in.", text);
        Assert.DoesNotContain("To do:", text);
        Assert.Contains("Speaks to your focus on “对外收入”", text);
        Assert.Contains("Annualized bids CNY 2.5M ÷ expected market size CNY 6M = 41.7%", text);
        Assert.True(card.ToString(Newtonsoft.Json.Formatting.None).Length < 40 * 1024);

        var links = card.SelectTokens("$..actions[?(@.type == 'Action.OpenUrl')]").ToDictionary(a => (string)a["title"]!, a => (string)a["url"]!);
        var markdown = await world.DownloadTextAsync(links["Download Markdown"]);
        var html = await world.DownloadTextAsync(links["Download HTML (for mail)"]);
        var ics = await world.DownloadTextAsync(links["Meeting invite (.ics)"]);
        Assert.Contains("## Evidence from winning bids", markdown);
        Assert.Contains("| fraud model API | Partner |  |", markdown);
        Assert.Contains("<h2 style=\"font-size:16px\">Our ask</h2>", html);
        Assert.Contains("BEGIN:VCALENDAR", ics);
        Assert.Contains("TZID=Asia/Shanghai", ics);
        Assert.Contains("ORGANIZER;CN=Ping Zhou:mailto:ping.zhou@xinghai.example.com", ics);
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("mailto:hai.cai@xinghai.example.com", unfolded);
        Assert.Contains("mailto:han.yu@xinghai.example.com", unfolded);
        Assert.Contains("Meeting invite: ", text);
        Assert.Equal(id, (await world.MaterialAsync(id)).OutreachId);
    }

    [Fact]
    public async Task The_brief_in_Chinese_lists_what_is_missing_as_to_dos_next_to_the_partner_insight()
    {
        await world.InterestedPartnerAsync();
        var chat = host.Chat(locale: "zh-CN");

        var replies = await chat.SayAsync("简报");

        var text = replies.AllText();
        Assert.Contains("合作简报：支付风控 SaaS × 风控中心", text);
        Assert.Contains("☐ 待补充：测算市场规模", text);
        Assert.Contains("☐ 待补充：导入竞争对手的中标数据", text);
        Assert.Contains("↳ 对应贵部门关注的「人力紧张」：分工表说明我方负责协调人力", text);
        Assert.Contains("个部分有待补充", text);
        Assert.Contains("会议邀请：请先告诉我你的邮箱", text);
        Assert.Contains("下载 Markdown", replies.Cards()[0].ButtonTitles());
    }

    [Fact]
    public async Task A_user_with_several_outreaches_can_switch_which_one_stage_two_works_on()
    {
        var first = await world.OutreachAsync("支付风控 SaaS");
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await world.OutreachAsync("跨境结算");
        var chat = host.Chat(locale: "en-US");

        var brief = await chat.SayAsync("brief");
        var list = await chat.PressAsync(brief.Cards()[0], "Switch outreach");
        var switched = await chat.PressAsync(list.Cards()[0], "支付风控 SaaS");

        Assert.Contains("Collaboration brief: 跨境结算", brief.AllText());
        Assert.Contains("Collaboration brief: 支付风控 SaaS", switched.AllText());
        Assert.Equal(first, await world.Repository.GetFocusAsync("test:user-1"));
    }

    [Fact]
    public async Task A_forged_focus_button_for_someone_elses_outreach_changes_nothing()
    {
        var theirs = await world.OutreachAsync("别人的拓展", userId: "someone-else");
        await world.OutreachAsync();
        var chat = host.Chat(locale: "en-US");

        var replies = await chat.ExecuteAsync(new { action = new { type = "Action.Execute", verb = "stage2.focus", data = new { verb = "stage2.focus", outreach = theirs } } });

        Assert.Contains("That outreach does not exist, or it is not shared with you.", replies.AllText());
        Assert.Null(await world.Repository.GetFocusAsync("test:user-1"));
    }

    [Fact]
    public async Task A_Teams_file_attachment_is_fetched_from_its_download_url()
    {
        var id = await world.OutreachAsync();
        var chat = host.Chat(locale: "en-US");
        await using var server = await LocalFileServer.StartAsync(new Dictionary<string, byte[]> { ["bids.csv"] = Encoding.UTF8.GetBytes(GoodBids) }, filesPort);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "bids",
            Attachments =
            [
                new Attachment
                {
                    ContentType = "application/vnd.microsoft.teams.file.download.info",
                    ContentUrl = "https://contoso.sharepoint.com/personal/li/Documents/bids.csv",
                    Name = "bids.csv",
                    Content = new JObject { ["downloadUrl"] = server.Url("bids.csv").AbsoluteUri, ["fileType"] = "csv" },
                },
            ],
        };

        var replies = await chat.SendAsync(activity);

        Assert.Contains("Imported 4 winning bids from bids.csv.", replies.AllText());
        Assert.Equal(4, (await world.MaterialAsync(id)).Bids!.Count);
    }

    [Fact]
    public async Task On_a_channel_without_cards_the_brief_reads_as_text_with_its_download_links()
    {
        await world.InterestedPartnerAsync(userId: "slack:slack-user");
        var chat = host.Chat(channel: "slack", locale: "en-US", userId: "slack-user");

        var replies = await chat.SayAsync("brief");

        var text = Assert.Single(replies).Text;
        Assert.Contains("Collaboration brief: 支付风控 SaaS × Risk Management Center", text);
        Assert.Contains("☐ To do: Size the market", text);
        Assert.Contains("Download Markdown: http://localhost:3978/files/", text);
    }
}
