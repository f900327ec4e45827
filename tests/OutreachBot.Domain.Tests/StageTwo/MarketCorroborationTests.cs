using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Domain.Tests.StageTwo;

public sealed class MarketCorroborationTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    private static MarketEstimate EstimateOf(decimal total) =>
        MarketSizeCalculator.Estimate(Models.Cny(new SegmentBuilder().WithCount(1).WithPrice(Cny.Of(total)).WithPenetration(1m).Build()));

    private static BidTally TallyOf(BidPeriod period, params WinningBid[] bids) => BidTallies.Tally(bids, period).Value;

    [Theory]
    [InlineData(40, CorroborationReading.MostlyUntendered)]
    [InlineData(50, CorroborationReading.Plausible)]
    [InlineData(500, CorroborationReading.Plausible)]
    [InlineData(800, CorroborationReading.LargelyTendered)]
    [InlineData(1_500, CorroborationReading.EstimateTooLow)]
    public void The_ratio_of_yearly_bids_to_the_expected_size_is_read_in_plain_language(int bidAmount, CorroborationReading expected)
    {
        var tally = TallyOf(BidPeriod.LastTwelveMonths(Today), Bids.On("2025-01-01", bidAmount));

        var result = MarketCorroboration.Compare(tally, EstimateOf(1_000m));

        Assert.Equal(bidAmount / 1_000m, result.Ratio);
        Assert.Equal(expected, result.Reading);
    }

    [Fact]
    public void Bids_over_a_shorter_period_are_annualized_before_comparing()
    {
        var tally = TallyOf(BidPeriod.LastMonths(3, Today), Bids.On("2025-05-01", 30_000_000m));

        var result = MarketCorroboration.Compare(tally, EstimateOf(400_000_000m));

        Assert.Equal(Cny.Of(120_000_000m), result.AnnualizedBids);
        Assert.Equal(0.3m, result.Ratio);
        Assert.Equal("年化中标额 ¥1.2亿 ÷ 预期市场规模 ¥4亿 = 30%：预期规模与真实市场相互印证，较为可信。", result.Explanation.Zh);
        Assert.Equal("Annualized bids CNY 120M ÷ expected market size CNY 400M = 30%: the estimate is plausible against the real market.", result.Explanation.En);
    }

    [Fact]
    public void Bids_in_another_currency_cannot_be_compared_without_rates()
    {
        var tally = TallyOf(BidPeriod.LastTwelveMonths(Today), Bids.On("2025-01-01", 100m, currency: "USD"));

        var result = MarketCorroboration.Compare(tally, EstimateOf(1_000m));

        Assert.Equal(CorroborationReading.CannotCompare, result.Reading);
        Assert.Null(result.Ratio);
        Assert.Contains("USD", result.Explanation.En);
    }

    [Fact]
    public void A_missing_estimate_cannot_be_compared()
    {
        var tally = TallyOf(BidPeriod.LastTwelveMonths(Today), Bids.On("2025-01-01", 100m));

        var result = MarketCorroboration.Compare(tally, MarketSizeCalculator.Estimate(MarketSizingModel.Empty(Currency.CNY)));

        Assert.Equal(CorroborationReading.CannotCompare, result.Reading);
    }

    [Fact]
    public void No_bids_in_the_period_give_a_zero_ratio()
    {
        var tally = TallyOf(BidPeriod.LastTwelveMonths(Today));

        var result = MarketCorroboration.Compare(tally, EstimateOf(1_000m));

        Assert.Equal(0m, result.Ratio);
        Assert.Equal(CorroborationReading.MostlyUntendered, result.Reading);
    }
}
