using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Domain.Tests.StageTwo;

public sealed class OpportunityAndPanoramaTests
{
    [Fact]
    public void A_customer_willing_to_pilot_with_pain_and_budget_is_a_likely_angel_customer()
    {
        var opportunity = new Opportunity("宁波某城商行", OpportunityStatus.Interested, AngelSignals.WillingToPilot | AngelSignals.ConfirmedPain | AngelSignals.BudgetAvailable);

        var assessment = AngelCustomerAssessor.Assess(opportunity);

        Assert.Equal(AngelLikelihood.High, assessment.Likelihood);
        Assert.Equal([AngelReason.WillingToPilot, AngelReason.ConfirmedPain, AngelReason.BudgetAvailable], assessment.Reasons);
        Assert.Equal("愿意试点、痛点已确认、有预算", TestCopy.Chinese.List(assessment.Reasons));
    }

    [Fact]
    public void A_contacted_customer_with_nothing_confirmed_is_low_and_says_why()
    {
        var assessment = AngelCustomerAssessor.Assess(new Opportunity("某农商行", OpportunityStatus.Contacted));

        Assert.Equal(AngelLikelihood.Low, assessment.Likelihood);
        Assert.Equal(AngelReason.NothingConfirmed, Assert.Single(assessment.Reasons));
    }

    [Fact]
    public void A_declined_customer_is_low_whatever_else_we_know()
    {
        var opportunity = new Opportunity("某银行", OpportunityStatus.Declined, AngelSignals.BudgetAvailable | AngelSignals.ConfirmedPain | AngelSignals.WillingToPilot);

        var assessment = AngelCustomerAssessor.Assess(opportunity);

        Assert.Equal(AngelLikelihood.Low, assessment.Likelihood);
        Assert.Equal(AngelReason.Declined, assessment.Reasons[0]);
    }

    [Fact]
    public void Two_signals_make_a_medium_likelihood()
    {
        var assessment = AngelCustomerAssessor.Assess(new Opportunity("某银行", OpportunityStatus.Contacted, AngelSignals.ConfirmedPain | AngelSignals.ExecutiveSponsor));

        Assert.Equal(AngelLikelihood.Medium, assessment.Likelihood);
    }

    [Theory]
    [InlineData("https://wiki.example.com/arch", true)]
    [InlineData("http://intranet/flow.png", true)]
    [InlineData("ftp://example.com/a", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/relative/path", false)]
    [InlineData("not a url", false)]
    public void Diagram_links_must_be_absolute_http_urls(string url, bool valid)
    {
        var link = DiagramLink.Create("架构图", url);

        Assert.Equal(valid, link.IsValid);
    }

    [Fact]
    public void Flow_steps_are_numbered_in_the_order_they_are_added()
    {
        var panorama = ProductPanorama.Empty.WithStep("客户", "下单").WithStep("系统", "风控打分").WithStep("人工", "复核");

        Assert.Equal([1, 2, 3], panorama.CoreFlow.Select(s => s.Order));
        Assert.Equal("风控打分", panorama.CoreFlow[1].Action);
    }
}
