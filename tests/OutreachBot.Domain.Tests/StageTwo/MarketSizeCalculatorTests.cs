using System.Globalization;
using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Domain.Tests.StageTwo;

public sealed class MarketSizeCalculatorTests
{
    [Fact]
    public void Expected_size_is_customers_times_unit_price_times_penetration_summed_over_segments()
    {
        var model = Models.Cny(
            new SegmentBuilder().Named("城商行").WithCount(120).WithPrice(Cny.Of(500_000m)).WithPenetration(0.1m).Build(),
            new SegmentBuilder().Named("农商行").WithCount(1_600).WithPrice(Cny.Of(80_000m)).WithPenetration(0.05m).Build());

        var estimate = MarketSizeCalculator.Estimate(model);

        Assert.Equal(Cny.Of(6_000_000m), estimate.Segments[0].ExpectedSize);
        Assert.Equal(Cny.Of(60_000_000m), estimate.Segments[0].Capacity);
        Assert.Equal(Cny.Of(6_400_000m), estimate.Segments[1].ExpectedSize);
        Assert.Equal(Cny.Of(12_400_000m), estimate.TotalExpectedSize);
        Assert.Equal(Cny.Of(188_000_000m), estimate.TotalCapacity);
        Assert.True(estimate.IsComplete);
    }

    [Fact]
    public void Formula_is_shown_with_the_numbers_in_both_languages()
    {
        var model = Models.Cny(new SegmentBuilder().Named("城商行").WithCount(120).WithPrice(Cny.Of(500_000m)).WithPenetration(0.1m).Build());

        var segment = MarketSizeCalculator.Estimate(model).Segments[0];

        Assert.Equal("城商行：客户数 120 × 客单价 ¥50万 × 渗透率 10% = ¥600万", segment.Formula.Zh);
        Assert.Equal("城商行: customers 120 × unit price CNY 500K × penetration 10% = CNY 6M", segment.Formula.En);
    }

    [Fact]
    public void A_segment_with_missing_inputs_is_reported_and_left_out_of_the_total()
    {
        var model = Models.Cny(
            new SegmentBuilder().Named("城商行").Build(),
            new SegmentBuilder().Named("保险公司").WithPrice(null).WithPenetration(null).Build());

        var estimate = MarketSizeCalculator.Estimate(model);

        var incomplete = Assert.Single(estimate.IncompleteSegments);
        Assert.Equal("保险公司", incomplete.Segment.Name);
        Assert.Null(incomplete.ExpectedSize);
        Assert.Equal(
            [SegmentIssueKind.MissingUnitPrice, SegmentIssueKind.MissingPenetration],
            incomplete.Issues.Select(i => i.Kind));
        Assert.Equal(Cny.Of(6_000_000m), estimate.TotalExpectedSize);
        Assert.False(estimate.IsComplete);
        Assert.Contains("1 个细分市场数据不全", estimate.Formula.Zh);
    }

    [Fact]
    public void Zero_customers_give_a_zero_size_with_a_note_rather_than_a_missing_segment()
    {
        var model = Models.Cny(new SegmentBuilder().WithCount(0).Build());

        var segment = MarketSizeCalculator.Estimate(model).Segments[0];

        Assert.Equal(Cny.Of(0m), segment.ExpectedSize);
        var issue = Assert.Single(segment.Issues);
        Assert.Equal(SegmentIssueKind.ZeroCustomerCount, issue.Kind);
        Assert.False(issue.Blocking);
    }

    [Fact]
    public void An_empty_model_has_a_zero_total_and_is_not_complete()
    {
        var estimate = MarketSizeCalculator.Estimate(MarketSizingModel.Empty(Currency.CNY));

        Assert.Equal(Cny.Of(0m), estimate.TotalExpectedSize);
        Assert.False(estimate.IsComplete);
        Assert.Contains("no complete segment", estimate.Formula.En);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Penetration_outside_zero_to_one_hundred_percent_blocks_the_segment(double penetration)
    {
        var model = Models.Cny(new SegmentBuilder().WithPenetration((decimal)penetration).Build());

        var segment = MarketSizeCalculator.Estimate(model).Segments[0];

        Assert.False(segment.IsComplete);
        Assert.Contains(segment.Issues, i => i.Kind == SegmentIssueKind.PenetrationOutOfRange);
    }

    [Fact]
    public void A_unit_price_in_another_currency_is_not_silently_added()
    {
        var model = Models.Cny(new SegmentBuilder().WithPrice(new Money(70_000m, Currency.USD)).Build());

        var segment = MarketSizeCalculator.Estimate(model).Segments[0];

        Assert.False(segment.IsComplete);
        Assert.Contains(segment.Issues, i => i.Kind == SegmentIssueKind.CurrencyMismatch && i.Message.En.Contains("USD"));
    }

    [Fact]
    public void A_count_without_a_source_is_flagged_but_still_counted()
    {
        var model = Models.Cny(new SegmentBuilder().WithSource(" ").Build());

        var segment = MarketSizeCalculator.Estimate(model).Segments[0];

        Assert.True(segment.IsComplete);
        Assert.Contains(segment.Issues, i => i.Kind == SegmentIssueKind.MissingCountSource && !i.Blocking);
    }

    [Fact]
    public void Editing_an_assumption_returns_a_new_model_and_leaves_the_old_one_unchanged()
    {
        var original = Models.Cny(new SegmentBuilder().Named("城商行").WithPenetration(0.1m).Build());

        var edited = original.WithUpdatedSegment("城商行", s => s.WithPenetration(0.2m));

        Assert.Equal(0.1m, original.Segments[0].Penetration);
        Assert.Equal(Cny.Of(12_000_000m), MarketSizeCalculator.Estimate(edited).TotalExpectedSize);
    }

    [Fact]
    public void Adding_a_segment_with_an_existing_name_replaces_it()
    {
        var model = Models.Cny(new SegmentBuilder().Named("城商行").Build());

        var updated = model.WithSegment(new SegmentBuilder().Named("城商行").WithCount(10).Build()).WithSegment(new SegmentBuilder().Named("农商行").Build());

        Assert.Equal(["城商行", "农商行"], updated.Segments.Select(s => s.Name));
        Assert.Equal(10, updated.Segments[0].CustomerCount);
        Assert.Single(updated.WithoutSegment("农商行").Segments);
    }
}
