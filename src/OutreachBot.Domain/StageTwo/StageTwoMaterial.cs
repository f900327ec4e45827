namespace OutreachBot.Domain.StageTwo;

/// <summary>The last bids.csv imported for an outreach; the bids themselves are stored in chunks beside the material.</summary>
public sealed record BidsImport(string ImportId, string FileName, int Count, DateTimeOffset ImportedAt, int Chunks);

/// <summary>
/// The stage-2 material of one outreach: the market model, the imported bids, the opportunity list, the product
/// panorama, the work boundary (division of labour, charging, revenue split) and the ask of the brief.
/// </summary>
public sealed record StageTwoMaterial(
    string OutreachId,
    MarketSizingModel? Market = null,
    BidsImport? Bids = null,
    IReadOnlyList<Opportunity>? Opportunities = null,
    ProductPanorama? Panorama = null,
    WorkBoundary? Work = null,
    string? Ask = null)
{
    public const int MaxSegments = 20;
    public const int MaxOpportunities = 30;
    public const int MaxTasks = 30;
    public const int MaxTextLength = 500;

    public IReadOnlyList<Opportunity> OpportunityList => Opportunities ?? [];

    public static StageTwoMaterial Empty(string outreachId) => new(outreachId);

    /// <summary>Adds or replaces (same customer name) an opportunity.</summary>
    public Validated<StageTwoMaterial> WithOpportunity(Opportunity opportunity)
    {
        if (string.IsNullOrWhiteSpace(opportunity.Customer))
        {
            return Validated<StageTwoMaterial>.Invalid(new StageTwoError("opportunity.customer_missing", new Phrase("Material.CustomerMissing")));
        }

        var list = OpportunityList.Where(o => !string.Equals(o.Customer.Trim(), opportunity.Customer.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (list.Count >= MaxOpportunities)
        {
            return TooMany(MaxOpportunities, "Material.TooMany.Opportunities");
        }

        return Validated<StageTwoMaterial>.Valid(this with { Opportunities = [.. list, opportunity with { Customer = opportunity.Customer.Trim() }] });
    }

    public Validated<StageTwoMaterial> WithMarket(MarketSizingModel market) =>
        market.Segments.Count > MaxSegments
            ? TooMany(MaxSegments, "Material.TooMany.Segments")
            : Validated<StageTwoMaterial>.Valid(this with { Market = market });

    public Validated<StageTwoMaterial> WithWork(WorkBoundary work) =>
        work.DivisionOfLabour.Count > MaxTasks
            ? TooMany(MaxTasks, "Material.TooMany.Tasks")
            : Validated<StageTwoMaterial>.Valid(this with { Work = work });

    private static Validated<StageTwoMaterial> TooMany(int limit, string key) =>
        Validated<StageTwoMaterial>.Invalid(new StageTwoError("material.too_many", new Phrase(key, limit)));
}
