using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Domain.Tests.StageTwo;

public sealed class BidTallyTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    [Fact]
    public void Last_twelve_months_include_today_and_the_day_after_the_same_date_a_year_ago()
    {
        var period = BidPeriod.LastTwelveMonths(Today);

        Assert.Equal(new DateOnly(2024, 6, 16), period.Start);
        Assert.Equal(new DateOnly(2025, 6, 15), period.End);
        Assert.True(period.Contains(new DateOnly(2024, 6, 16)));
        Assert.False(period.Contains(new DateOnly(2024, 6, 15)));
        Assert.True(period.Contains(Today));
        Assert.False(period.Contains(Today.AddDays(1)));
    }

    [Fact]
    public void Bids_on_the_boundaries_are_counted_once_and_those_outside_are_reported()
    {
        var bids = new[]
        {
            Bids.On("2024-06-15", 1m), Bids.On("2024-06-16", 10m), Bids.On("2025-06-15", 100m), Bids.On("2025-06-16", 1000m),
        };

        var tally = BidTallies.Tally(bids, BidPeriod.LastTwelveMonths(Today)).Value;

        Assert.Equal(Cny.Of(110m), tally.In(Currency.CNY)!.Total);
        Assert.Equal(2, tally.Count);
        Assert.Equal(2, tally.BidsOutsidePeriod);
    }

    [Fact]
    public void A_custom_period_includes_both_the_first_and_the_last_day()
    {
        var period = BidPeriod.Custom(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)).Value;
        var bids = new[] { Bids.On("2024-12-31", 1m), Bids.On("2025-01-01", 10m), Bids.On("2025-03-31", 100m), Bids.On("2025-04-01", 1000m) };

        var tally = BidTallies.Tally(bids, period).Value;

        Assert.Equal(Cny.Of(110m), tally.In(Currency.CNY)!.Total);
        Assert.Equal(90, period.Days);
    }

    [Fact]
    public void A_custom_period_that_ends_before_it_starts_is_refused()
    {
        var period = BidPeriod.Custom(new DateOnly(2025, 3, 1), new DateOnly(2025, 1, 1));

        Assert.Equal("period.reversed", Assert.Single(period.Errors).Code);
    }

    [Fact]
    public void Last_three_months_are_annualized_by_four()
    {
        var period = BidPeriod.LastMonths(3, Today);

        Assert.Equal(new DateOnly(2025, 3, 16), period.Start);
        Assert.Equal(4m, period.AnnualizationFactor);
    }

    [Fact]
    public void Competitors_and_months_are_tallied_with_totals_and_counts()
    {
        var bids = new[]
        {
            Bids.On("2025-01-10", 100m, "恒信科技"), Bids.On("2025-01-20", 50m, "远景软件"), Bids.On("2025-02-01", 300m, "恒信科技 "),
        };

        var tally = BidTallies.Tally(bids, BidPeriod.LastTwelveMonths(Today)).Value.In(Currency.CNY)!;

        Assert.Equal([("恒信科技", 400m, 2), ("远景软件", 50m, 1)], tally.ByCompetitor.Select(c => (c.Competitor, c.Total.Amount, c.Count)));
        Assert.Equal([(1, 150m, 2), (2, 300m, 1)], tally.ByMonth.Select(m => (m.Month, m.Total.Amount, m.Count)));
        Assert.Equal(3, tally.Count);
    }

    [Fact]
    public void Currencies_are_tallied_separately_unless_rates_are_given()
    {
        var bids = new[] { Bids.On("2025-01-10", 100m), Bids.On("2025-01-11", 10m, currency: "USD") };

        var tally = BidTallies.Tally(bids, BidPeriod.LastTwelveMonths(Today)).Value;

        Assert.Equal([("CNY", 100m), ("USD", 10m)], tally.ByCurrency.Select(c => (c.Currency.Code, c.Total.Amount)));
    }

    [Fact]
    public void Given_rates_convert_every_bid_into_the_target_currency()
    {
        var bids = new[] { Bids.On("2025-01-10", 100m), Bids.On("2025-01-11", 10m, currency: "USD") };
        var rates = new ExchangeRates(Currency.CNY, new Dictionary<Currency, decimal> { [Currency.USD] = 7.2m });

        var tally = BidTallies.Tally(bids, BidPeriod.LastTwelveMonths(Today), rates).Value;

        var only = Assert.Single(tally.ByCurrency);
        Assert.Equal(Cny.Of(172m), only.Total);
    }

    [Fact]
    public void A_currency_without_a_rate_makes_the_conversion_fail_instead_of_dropping_bids()
    {
        var bids = new[] { Bids.On("2025-01-10", 100m), Bids.On("2025-01-11", 10m, currency: "EUR") };
        var rates = new ExchangeRates(Currency.CNY, new Dictionary<Currency, decimal> { [Currency.USD] = 7.2m });

        var tally = BidTallies.Tally(bids, BidPeriod.LastTwelveMonths(Today), rates);

        var error = Assert.Single(tally.Errors);
        Assert.Equal("tally.missing_rate", error.Code);
        Assert.Contains("EUR", error.Message.Zh);
    }
}
