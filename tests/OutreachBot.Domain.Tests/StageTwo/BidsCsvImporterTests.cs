using System.Globalization;
using System.Text;
using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Domain.Tests.StageTwo;

public sealed class BidsCsvImporterTests
{
    private readonly BidsCsvImporter importer = new(new FakeTimeProvider(new DateTimeOffset(2025, 6, 15, 2, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void A_valid_file_imports_every_bid_with_its_fields()
    {
        var csv = new BidsCsvBuilder()
            .WithBid("恒信科技", "\"1,200,000.50\"", "cny", "2025-03-01")
            .WithLine("\"Acme, Inc.\",\"Risk \"\"Pro\"\"\",Bank of X,99000,USD,2024-12-31,Overseas");

        var result = importer.Import(csv.Stream());

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Bids.Count);
        Assert.Equal(new Money(1_200_000.50m, Currency.CNY), result.Bids[0].Amount);
        Assert.Equal("Acme, Inc.", result.Bids[1].Competitor);
        Assert.Equal("Risk \"Pro\"", result.Bids[1].Project);
        Assert.Equal(new DateOnly(2024, 12, 31), result.Bids[1].AwardDate);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_extra_columns_are_ignored()
    {
        var csv = new BidsCsvBuilder()
            .WithHeader("region,note,award_date,currency,amount,customer,project,competitor")
            .WithLine("华南,备注,2025-01-02,CNY,500000,某农商行,信贷系统,远景软件");

        var result = importer.Import(csv.Stream());

        var bid = Assert.Single(result.Bids);
        Assert.Equal("远景软件", bid.Competitor);
        Assert.Equal("华南", bid.Region);
    }

    [Fact]
    public void A_utf8_byte_order_mark_does_not_hide_the_first_column()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(new BidsCsvBuilder().WithBid().Text)).ToArray();

        var result = importer.Import(new MemoryStream(bytes));

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_line_column_and_reason_and_nothing_is_imported()
    {
        var csv = new BidsCsvBuilder()
            .WithBid()
            .WithBid(amount: "很多")
            .WithBid(amount: "-5")
            .WithBid(date: "2025/13/01")
            .WithBid(date: "2025-06-16")
            .WithBid(currency: "XYZ")
            .WithBid(currency: "")
            .WithBid(competitor: "")
            .WithBid(amount: "$2.5M", currency: "CNY")
            .WithBid(date: "3/4/2025");

        var result = importer.Import(csv.Stream());

        Assert.False(result.Succeeded);
        Assert.Empty(result.Bids);
        Assert.Equal(
            [
                (3, "amount", BidImportErrorCode.InvalidAmount),
                (4, "amount", BidImportErrorCode.NegativeAmount),
                (5, "award_date", BidImportErrorCode.InvalidDate),
                (6, "award_date", BidImportErrorCode.FutureDate),
                (7, "currency", BidImportErrorCode.UnknownCurrency),
                (8, "currency", BidImportErrorCode.MissingValue),
                (9, "competitor", BidImportErrorCode.MissingValue),
                (10, "currency", BidImportErrorCode.CurrencyMismatch),
                (11, "award_date", BidImportErrorCode.AmbiguousDate),
            ],
            result.Errors.Select(e => (e.Line, e.Column, e.Code)));
        Assert.Equal("第 3 行金额“很多”无法识别（可写 2380000、2,380,000、238万、1.2亿 或 ¥2.38M）。", result.Errors[0].Message.Zh);
        Assert.Equal("Line 7: the currency “XYZ” is not one I know (write e.g. CNY, USD, EUR, HKD, or 人民币, 美元).", result.Errors[4].Message.En);
        Assert.Equal("Line 10: the amount is in USD but the currency column says CNY.", result.Errors[7].Message.En);
    }

    [Fact]
    public void Today_in_the_users_time_zone_is_not_a_future_date()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var lateEvening = new FakeTimeProvider(new DateTimeOffset(2025, 6, 15, 17, 0, 0, TimeSpan.Zero));
        var csv = new BidsCsvBuilder().WithBid(date: "2025-06-16");

        var result = new BidsCsvImporter(lateEvening, shanghai).Import(csv.Stream());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Line_numbers_count_line_breaks_inside_quoted_fields()
    {
        var csv = new BidsCsvBuilder()
            .WithLine("恒信科技,\"第一期\n第二期\",某城商行,100,CNY,2025-01-01,华东")
            .WithBid(amount: "abc");

        var result = importer.Import(csv.Stream());

        Assert.Equal(4, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public void A_header_without_required_columns_names_each_missing_one()
    {
        var csv = new BidsCsvBuilder().WithHeader("competitor,project,amount");

        var result = importer.Import(csv.Stream());

        Assert.Equal(["customer", "award_date"], result.Errors.Select(e => e.Column));
        Assert.All(result.Errors, e => Assert.Equal(BidImportErrorCode.MissingColumn, e.Code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("competitor,project,customer,amount,currency,award_date,region\n")]
    [InlineData("competitor,project,customer,amount,currency,award_date,region\n\n,,,,,,\n\n")]
    public void An_empty_file_or_a_header_alone_is_valid_but_empty_so_the_caller_can_ask_before_replacing_anything(string text)
    {
        var result = importer.Import(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        Assert.True(result.IsEmpty);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void An_unterminated_quote_is_reported_on_the_line_where_it_starts()
    {
        var csv = new BidsCsvBuilder().WithBid().WithLine("恒信科技,\"未闭合,某客户,100,CNY,2025-01-01,华东");

        var result = importer.Import(csv.Stream());

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, BidImportErrorCode.MalformedCsv), (error.Line, error.Code));
    }

    [Fact]
    public void Blank_lines_are_skipped()
    {
        var csv = new BidsCsvBuilder().WithBid().WithLine("").WithLine(",,,,,,").WithBid();

        var result = importer.Import(csv.Stream());

        Assert.Equal(2, result.Bids.Count);
    }
}

public sealed class BidsAsPeopleWriteThemTests
{
    private const string Header = "competitor,project,customer,amount,currency,award_date,region";
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private readonly BidsCsvImporter importer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero)));

    private static string Rows(char separator, bool header, params string[][] rows) =>
        string.Join("\n", (header ? [Header.Split(',')] : Array.Empty<string[]>()).Concat(rows).Select(r => string.Join(separator, r))) + "\n";

    private static readonly string[] Hengxin = ["恒信科技", "支付风控平台", "宁波某城商行", "238万", "人民币", "2026/3/18", "华东"];
    private static readonly string[] Yuanjing = ["远景软件", "反欺诈系统", "苏州某农商行", "2,380,000", "CNY", "2026年3月18日", "华东"];

    [Theory]
    [InlineData('\t', true)]
    [InlineData('\t', false)]
    [InlineData(',', true)]
    [InlineData(',', false)]
    public void Pasted_rows_import_with_either_separator_with_or_without_the_header(char separator, bool header)
    {
        var text = Rows(separator, header, Hengxin, separator == ',' ? [.. Yuanjing[..3], "\"2,380,000\"", .. Yuanjing[4..]] : Yuanjing);

        var result = importer.ImportText(text, Chinese);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message.En)));
        Assert.Equal((separator, header, BidsSourceKind.PastedText), (result.Delimiter, result.HadHeader, result.Source));
        Assert.Equal([new Money(2_380_000m, Currency.CNY), new Money(2_380_000m, Currency.CNY)], result.Bids.Select(b => b.Amount));
        Assert.All(result.Bids, b => Assert.Equal(new DateOnly(2026, 3, 18), b.AwardDate));
    }

    [Fact]
    public void A_GBK_file_as_Excel_writes_it_on_Chinese_Windows_imports_with_its_names_intact_and_says_GBK()
    {
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        var bytes = gbk.GetBytes(Rows('\t', true, Hengxin, Yuanjing));

        var result = importer.ImportFile(bytes, Chinese);

        Assert.True(result.Succeeded);
        Assert.Equal("GBK", result.Encoding!.Name);
        Assert.Equal(["恒信科技", "远景软件"], result.Bids.Select(b => b.Competitor));
        Assert.Equal("宁波某城商行", result.Bids[0].Customer);
    }

    [Theory]
    [InlineData("utf-16le-bom", "UTF-16 LE", true)]
    [InlineData("utf-16be-bom", "UTF-16 BE", true)]
    [InlineData("utf-16le", "UTF-16 LE", false)]
    [InlineData("utf-16be", "UTF-16 BE", false)]
    [InlineData("utf-8-bom", "UTF-8", true)]
    [InlineData("gb18030", "GB18030", false)]
    public void UTF16_UTF8_and_GB18030_files_import_and_say_which_they_were(string encoding, string name, bool bom)
    {
        var text = Rows('\t', true, Hengxin, ["𠮷野家", "门店系统", "某银行", "1.2亿", "CNY", "2026-03-18", "华南"]);
        var bytes = encoding switch
        {
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            "utf-16le" => Encoding.Unicode.GetBytes(text),
            "utf-16be" => Encoding.BigEndianUnicode.GetBytes(text),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            _ => CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes(text),
        };

        var result = importer.ImportFile(bytes, English);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message.En)));
        Assert.Equal((name, bom), (result.Encoding!.Name, result.Encoding.ByteOrderMark));
        Assert.Equal(["恒信科技", "𠮷野家"], result.Bids.Select(b => b.Competitor));
        Assert.Equal(120_000_000m, result.Bids[1].Amount.Amount);
    }

    [Fact]
    public void Bytes_that_are_no_text_encoding_are_refused_with_the_line_where_they_go_wrong_not_imported_as_question_marks()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "\n恒信科技,项目,客户,1,CNY,2026-01-01,华东\n").Concat(new byte[] { 0xFF, 0xFE, 0x80, (byte)'\n' }).ToArray();

        var result = importer.ImportFile(bytes, English);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, BidImportErrorCode.Undecodable), (error.Line, error.Code));
        Assert.Contains("UTF-8, UTF-16 or GBK", error.Message.En);
    }

    [Fact]
    public void Chinese_headers_and_headers_in_any_case_or_spacing_name_the_columns()
    {
        var text = "竞争对手,项目名称,采购人,中标金额,币种,中标日期,地区,备注\n恒信科技,支付风控平台,宁波某城商行,1.2亿元,人民币,2026年3月18日,华东,无\n";
        var english = "Competitor , PROJECT,Customer,Amount, Award Date,Region\n恒信科技,支付风控平台,宁波某城商行,¥2.38M,18 March 2026,华东\n";

        var chinese = importer.ImportText(text, Chinese);
        var spaced = importer.ImportText(english, English);

        Assert.Equal(new Money(120_000_000m, Currency.CNY), Assert.Single(chinese.Bids).Amount);
        Assert.Equal((new Money(2_380_000m, Currency.CNY), new DateOnly(2026, 3, 18)), (Assert.Single(spaced.Bids).Amount, spaced.Bids[0].AwardDate));
    }

    [Theory]
    [InlineData("3/18/2026", "en-US", 2026, 3, 18)]
    [InlineData("18/3/2026", "en-US", 2026, 3, 18)]
    [InlineData("3/4/2026", "en-US", 2026, 3, 4)]
    [InlineData("3/4/2026", "en-GB", 2026, 4, 3)]
    [InlineData("2026/3/18 0:00", "zh-CN", 2026, 3, 18)]
    [InlineData("20260318", "zh-CN", 2026, 3, 18)]
    [InlineData("２０２６年３月１８日", "zh-CN", 2026, 3, 18)]
    public void Dates_are_read_in_the_order_the_users_culture_writes_them(string text, string culture, int year, int month, int day)
    {
        var rows = Rows(',', false, [.. Hengxin[..5], text, "华东"]);

        var result = importer.ImportText(rows, CultureInfo.GetCultureInfo(culture));

        Assert.Equal(new DateOnly(year, month, day), Assert.Single(result.Bids).AwardDate);
    }
}
