namespace OutreachBot.Domain.StageTwo;

/// <summary>The last bids.csv imported for an outreach; the bids themselves are stored in chunks beside the material.</summary>
public sealed record BidsImport(string ImportId, string FileName, int Count, DateTimeOffset ImportedAt, int Chunks);

/// <summary>What is worked out with one partner department: the division of labour with charging and revenue split, and the ask.</summary>
public sealed record PartnerMaterial(WorkBoundary? Work = null, string? Ask = null);

/// <summary>
/// The stage-2 material of one outreach. What describes our product and its market is shared by every partner: the
/// market model, the imported bids, the opportunity list and the product panorama. What is negotiated with one
/// partner is kept per partner (<see cref="Partners"/>, by department id): the work boundary (division of labour,
/// charging, revenue split) and the ask of the brief. <see cref="Work"/> and <see cref="Ask"/> are the outreach-wide
/// drafts (written before any partner was chosen, or before material was kept per partner); a partner without its
/// own falls back to them.
/// </summary>
public sealed record StageTwoMaterial(
    string OutreachId,
    MarketSizingModel? Market = null,
    BidsImport? Bids = null,
    IReadOnlyList<Opportunity>? Opportunities = null,
    ProductPanorama? Panorama = null,
    WorkBoundary? Work = null,
    string? Ask = null,
    IReadOnlyDictionary<string, PartnerMaterial>? Partners = null)
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

    public Validated<StageTwoMaterial> WithWork(WorkBoundary work) => WithWork(work, null);

    /// <summary>The work boundary agreed with <paramref name="departmentId"/>'s department, or the outreach-wide draft when null.</summary>
    public Validated<StageTwoMaterial> WithWork(WorkBoundary work, string? departmentId) =>
        work.DivisionOfLabour.Count > MaxTasks
            ? TooMany(MaxTasks, "Material.TooMany.Tasks")
            : Validated<StageTwoMaterial>.Valid(departmentId is null ? this with { Work = work } : WithPartner(departmentId, p => p with { Work = work }));

    /// <summary>The ask of the brief for <paramref name="departmentId"/>'s department, or the outreach-wide draft when null.</summary>
    public StageTwoMaterial WithAsk(string ask, string? departmentId) =>
        departmentId is null ? this with { Ask = ask } : WithPartner(departmentId, p => p with { Ask = ask });

    public WorkBoundary? WorkFor(string? departmentId) => PartnerOf(departmentId)?.Work ?? Work;

    public string? AskFor(string? departmentId) => PartnerOf(departmentId)?.Ask ?? Ask;

    public PartnerMaterial? PartnerOf(string? departmentId) =>
        departmentId is null || Partners is null
            ? null
            : Partners.FirstOrDefault(p => string.Equals(p.Key, departmentId, StringComparison.OrdinalIgnoreCase)).Value;

    private StageTwoMaterial WithPartner(string departmentId, Func<PartnerMaterial, PartnerMaterial> change)
    {
        var partners = new Dictionary<string, PartnerMaterial>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Partners ?? new Dictionary<string, PartnerMaterial>())
        {
            partners[key] = value;
        }

        partners[departmentId] = change(PartnerOf(departmentId) ?? new PartnerMaterial());
        return this with { Partners = partners };
    }

    private static Validated<StageTwoMaterial> TooMany(int limit, string key) =>
        Validated<StageTwoMaterial>.Invalid(new StageTwoError("material.too_many", new Phrase(key, limit)));
}
