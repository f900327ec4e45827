using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Domain.Tests.StageTwo;

public sealed class WorkBoundaryTests
{
    [Fact]
    public void Shares_that_total_exactly_one_hundred_percent_are_accepted()
    {
        var split = RevenueSplit.Create([new("我方", 0.35m), new("风控中台部", 0.35m), new("渠道部", 0.3m)]);

        Assert.True(split.IsValid);
        Assert.Equal(3, split.Value.Shares.Count);
    }

    [Fact]
    public void Shares_that_fall_short_of_one_hundred_percent_say_how_much_is_missing()
    {
        var split = RevenueSplit.Create([new("我方", 0.6m), new("风控中台部", 0.3m)]);

        var error = Assert.Single(split.Errors);
        Assert.Equal("split.sum_not_100", error.Code);
        Assert.Equal("分成比例合计为 90%，应正好为 100%（还差 10%）。", error.Message.Zh);
        Assert.Equal("The shares add up to 90%; they must total exactly 100% (10% missing).", error.Message.En);
    }

    [Fact]
    public void Shares_over_one_hundred_percent_say_how_much_is_too_much()
    {
        var split = RevenueSplit.Create([new("我方", 0.7m), new("风控中台部", 0.4m)]);

        Assert.Contains("多出 10%", Assert.Single(split.Errors).Message.Zh);
    }

    [Fact]
    public void A_sum_off_by_a_hundredth_of_a_percent_is_still_refused()
    {
        var split = RevenueSplit.Create([new("我方", 0.3333m), new("对方", 0.6666m)]);

        Assert.False(split.IsValid);
    }

    [Fact]
    public void Negative_or_zero_shares_duplicate_and_unnamed_parties_are_each_reported()
    {
        var split = RevenueSplit.Create([new("我方", 1.1m), new("我方", -0.1m), new("", 0m)]);

        Assert.Equal(
            ["split.party_missing", "split.party_duplicate", "split.share_out_of_range", "split.share_out_of_range", "split.share_out_of_range"],
            split.Errors.Select(e => e.Code));
    }

    [Fact]
    public void An_empty_split_is_refused()
    {
        var split = RevenueSplit.Create([]);

        Assert.Equal("split.empty", Assert.Single(split.Errors).Code);
    }

    [Fact]
    public void Reading_the_value_of_an_invalid_split_throws()
    {
        var split = RevenueSplit.Create([new("我方", 0.5m)]);

        Assert.Throws<InvalidOperationException>(() => split.Value);
    }
}
