using System.Text;
using Microsoft.Extensions.Time.Testing;
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
            .WithBid(amount: "12万")
            .WithBid(amount: "-5")
            .WithBid(date: "2025/03/01")
            .WithBid(date: "2025-06-16")
            .WithBid(currency: "RMB")
            .WithBid(currency: "")
            .WithBid(competitor: "");

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
            ],
            result.Errors.Select(e => (e.Line, e.Column, e.Code)));
        Assert.Equal("第 3 行金额“12万”不是有效数字。", result.Errors[0].Message.Zh);
        Assert.Equal("Line 7: the currency “RMB” is not an ISO 4217 code (e.g. CNY, USD).", result.Errors[4].Message.En);
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

        Assert.Equal(["customer", "currency", "award_date", "region"], result.Errors.Select(e => e.Column));
        Assert.All(result.Errors, e => Assert.Equal(BidImportErrorCode.MissingColumn, e.Code));
    }

    [Fact]
    public void An_empty_file_is_an_error_not_an_empty_import()
    {
        var result = importer.Import(new MemoryStream());

        Assert.Equal(BidImportErrorCode.EmptyFile, Assert.Single(result.Errors).Code);
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
