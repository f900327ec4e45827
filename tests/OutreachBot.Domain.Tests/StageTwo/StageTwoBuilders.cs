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
