using System.Globalization;
using OutreachBot.Domain.StageTwo;
using OutreachBot.StageTwo;
using SkiaSharp;

namespace OutreachBot.Tests.StageTwo;

public sealed class BidsChartRendererTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    private static WinningBid Bid(string competitor, decimal amount, string date = "2025-03-01", string currency = "CNY") =>
        new(competitor, "项目", "客户", new Money(amount, Currency.Parse(currency)), DateOnly.Parse(date, CultureInfo.InvariantCulture), "华东");

    private static BidTally SampleTally() => BidTallies.Tally(
        [
            Bid("恒信科技", 32_000_000m), Bid("恒信科技", 18_500_000m, "2025-01-12"), Bid("远景软件", 27_800_000m),
            Bid("安数智能", 12_000_000m), Bid("北辰信息", 6_400_000m), Bid("北辰信息", 3_900_000m, "2024-11-02"),
            Bid("Acme Risk", 2_100_000m), Bid("Acme Risk", 900_000m, currency: "USD"),
        ],
        BidPeriod.LastTwelveMonths(Today)).Value;

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void The_tally_renders_as_a_png_of_the_requested_size_that_is_not_blank(string cultureName)
    {
        var chart = new BidsChartRenderer().Render(SampleTally(), Currency.CNY, Copy(cultureName), 640, 360);

        using var bitmap = SKBitmap.Decode(chart.Png);
        Assert.NotNull(bitmap);
        Assert.Equal((640, 360), (bitmap.Width, bitmap.Height));
        Assert.True(DistinctColours(bitmap) > 20, "the chart looks blank");
        Assert.True(CountPixels(bitmap, new SKColor(0x62, 0x64, 0xA7)) > 1_000, "the leading bar is missing");
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), $"bids-chart-{cultureName}.png"), chart.Png);
    }

    [Fact]
    public void Many_competitors_are_folded_into_an_others_bar()
    {
        var bids = Enumerable.Range(1, 12).Select(i => Bid($"厂商{i}", i * 1_000_000m));
        var tally = BidTallies.Tally(bids, BidPeriod.LastTwelveMonths(Today)).Value;

        var chart = new BidsChartRenderer().Render(tally, Currency.CNY, Copy("zh-CN"));
        var words = Words(new BidsChartRenderer().RenderSvg(tally, Currency.CNY, Copy("zh-CN")));

        using var bitmap = SKBitmap.Decode(chart.Png);
        Assert.Equal((BidsChartRenderer.DefaultWidth, BidsChartRenderer.DefaultHeight), (bitmap.Width, bitmap.Height));
        string[] bars = ["厂商12", "厂商11", "厂商10", "厂商9", "厂商8", "厂商7", "厂商6", "其他 5 家"];
        Assert.Equal(bars.Order(), words.Where(w => w.StartsWith("厂商", StringComparison.Ordinal) || w.StartsWith("其他", StringComparison.Ordinal)).Order());
        Assert.Contains(Nfkc(MoneyFormatter.Format(new Money(15_000_000m, Currency.CNY), Language.Chinese) + "（5 项）"), words);
    }

    [Theory]
    [InlineData("en-US", "No winning bids in this period", "Competitors' winning bids")]
    [InlineData("zh-CN", "该区间内没有中标记录", "竞争对手中标金额")]
    public void A_period_without_bids_still_renders_a_chart_that_says_so(string cultureName, string message, string title)
    {
        var tally = BidTallies.Tally([], BidPeriod.LastTwelveMonths(Today)).Value;
        var culture = Copy(cultureName);

        var chart = new BidsChartRenderer().Render(tally, Currency.CNY, culture);
        var words = Words(new BidsChartRenderer().RenderSvg(tally, Currency.CNY, culture));

        using var bitmap = SKBitmap.Decode(chart.Png);
        Assert.True(DistinctColours(bitmap) > 2, "the chart looks blank");
        Assert.Contains(Nfkc(message), words);
        Assert.Contains(words, w => w.StartsWith(Nfkc(title), StringComparison.Ordinal));
    }

    /// <summary>
    /// Every text the chart draws, read back from the same drawing as SVG. Skia writes each glyph back as the first code
    /// point it finds for it (厂 may come back as the Kangxi radical ⼚), so the texts are NFKC-normalised.
    /// </summary>
    private static List<string> Words(string svg) =>
        System.Xml.Linq.XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text")
            .Select(e => Nfkc(e.Value.Trim())).Where(t => t.Length > 0).ToList();

    private static Copy Copy(string cultureName) => OutreachBot.Chat.Localization.BotCopy.For(Language.FromLocale(cultureName));

    private static string Nfkc(string text) => text.Normalize(System.Text.NormalizationForm.FormKC);

    private static int DistinctColours(SKBitmap bitmap) => bitmap.Pixels.Distinct().Count();

    private static int CountPixels(SKBitmap bitmap, SKColor colour) => bitmap.Pixels.Count(p => p == colour);
}
