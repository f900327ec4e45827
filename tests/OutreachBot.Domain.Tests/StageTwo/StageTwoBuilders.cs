using System.Collections.Immutable;
using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Domain.Tests.StageTwo;

internal static class Cny
{
    public static Money Of(decimal amount) => new(amount, Currency.CNY);
}

internal sealed class SegmentBuilder
{
    private string name = "城商行";
    private long? count = 120;
    private string? source = "国家金融监督管理总局 2024 年报";
    private Money? price = Cny.Of(500_000m);
    private decimal? penetration = 0.1m;

    public SegmentBuilder Named(string value) { name = value; return this; }
    public SegmentBuilder WithCount(long? value) { count = value; return this; }
    public SegmentBuilder WithSource(string? value) { source = value; return this; }
    public SegmentBuilder WithPrice(Money? value) { price = value; return this; }
    public SegmentBuilder WithPenetration(decimal? value) { penetration = value; return this; }

    public MarketSegment Build() => new(name, count, source, price, penetration);
}

internal static class Models
{
    public static MarketSizingModel Cny(params MarketSegment[] segments) => new(Currency.CNY, [.. segments]);
}

internal sealed class BidsCsvBuilder
{
    private readonly List<string> lines = ["competitor,project,customer,amount,currency,award_date,region"];

    public BidsCsvBuilder WithHeader(string header) { lines[0] = header; return this; }

    public BidsCsvBuilder WithBid(string competitor = "恒信科技", string amount = "1200000", string currency = "CNY", string date = "2025-03-01", string project = "支付风控平台", string customer = "某城商行", string region = "华东")
    {
        lines.Add(string.Join(',', competitor, project, customer, amount, currency, date, region));
        return this;
    }

    public BidsCsvBuilder WithLine(string line) { lines.Add(line); return this; }

    public string Text => string.Join("\n", lines) + "\n";

    public MemoryStream Stream() => new(System.Text.Encoding.UTF8.GetBytes(Text));
}

internal static class Bids
{
    public static WinningBid On(string date, decimal amount, string competitor = "恒信科技", string currency = "CNY") =>
        new(competitor, "项目", "客户", new Money(amount, Currency.Parse(currency)), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "华东");
}
