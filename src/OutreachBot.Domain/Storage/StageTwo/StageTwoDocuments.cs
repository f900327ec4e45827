using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;
using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Domain.Storage.StageTwo;

/// <summary>The stored shape of <see cref="StageTwoMaterial"/>; the domain records keep their validation to themselves.</summary>
internal sealed record MaterialDocument(
    int Schema,
    string? Currency,
    IReadOnlyList<SegmentDocument>? Segments,
    BidsImport? Bids,
    IReadOnlyList<OpportunityDocument>? Opportunities,
    PanoramaDocument? Panorama,
    WorkDocument? Work,
    string? Ask,
    IReadOnlyDictionary<string, PartnerDocument>? Partners = null)
{
    public static MaterialDocument From(StageTwoMaterial m) => new(
        2,
        m.Market?.Currency.Code,
        m.Market?.Segments.Select(s => new SegmentDocument(s.Name, s.CustomerCount, s.CountSource, s.UnitPrice?.Amount, s.UnitPrice?.Currency.Code, s.Penetration)).ToList(),
        m.Bids,
        m.Opportunities?.Select(o => new OpportunityDocument(o.Customer, o.Status, o.Signals, o.Contact, o.LastContact)).ToList(),
        m.Panorama is { } p
            ? new PanoramaDocument(p.OwnModules, p.IntegratedSystems, p.UserChannels, p.CoreFlow.OrderBy(s => s.Order).Select(s => new StepDocument(s.Actor, s.Action)).ToList(), p.Diagrams.Select(d => new DiagramDocument(d.Title, d.Url.AbsoluteUri)).ToList())
            : null,
        WorkDocument.From(m.Work),
        m.Ask,
        m.Partners?.ToDictionary(p => p.Key, p => new PartnerDocument(WorkDocument.From(p.Value.Work), p.Value.Ask)));

    public StageTwoMaterial ToMaterial(string outreachId)
    {
        MarketSizingModel? market = Currency is { } code
            ? new MarketSizingModel(
                Domain.StageTwo.Currency.Parse(code),
                (Segments ?? []).Select(s => new MarketSegment(
                    s.Name, s.CustomerCount, s.CountSource, s.UnitPrice is { } amount ? new Money(amount, Domain.StageTwo.Currency.Parse(s.UnitCurrency ?? code)) : null, s.Penetration)).ToImmutableList())
            : null;
        var panorama = Panorama is { } p
            ? p.Steps.Aggregate(
                p.Diagrams.Aggregate(
                    new ProductPanorama(p.Modules, p.Systems, p.Channels, [], []),
                    (acc, d) => DiagramLink.Create(d.Title, d.Url) is { IsValid: true } link ? acc.WithDiagram(link.Value) : acc),
                (acc, s) => acc.WithStep(s.Actor, s.Action))
            : null;
        return new StageTwoMaterial(
            outreachId,
            market,
            Bids,
            Opportunities?.Select(o => new Opportunity(o.Customer, o.Status, o.Signals, o.Contact, o.LastContact)).ToList(),
            panorama,
            Work?.ToWork(),
            Ask,
            Partners?.ToDictionary(p => p.Key, p => new PartnerMaterial(p.Value.Work?.ToWork(), p.Value.Ask), StringComparer.OrdinalIgnoreCase));
    }
}

internal sealed record SegmentDocument(string Name, long? CustomerCount, string? CountSource, decimal? UnitPrice, string? UnitCurrency, decimal? Penetration);

internal sealed record OpportunityDocument(string Customer, OpportunityStatus Status, AngelSignals Signals, string? Contact, DateOnly? LastContact);

internal sealed record StepDocument(string Actor, string Action);

internal sealed record DiagramDocument(string Title, string Url);

internal sealed record PanoramaDocument(
    IReadOnlyList<string> Modules, IReadOnlyList<IntegratedSystem> Systems, IReadOnlyList<string> Channels, IReadOnlyList<StepDocument> Steps, IReadOnlyList<DiagramDocument> Diagrams);

internal sealed record WorkDocument(IReadOnlyList<WorkItem> Tasks, ChargingModel? Charging, string? ChargingNote, IReadOnlyList<RevenueShare>? Shares)
{
    public static WorkDocument? From(WorkBoundary? work) =>
        work is null ? null : new WorkDocument(work.DivisionOfLabour, work.Charging, work.ChargingNote, work.Split?.Shares);

    public WorkBoundary ToWork() =>
        new(Tasks, Charging, ChargingNote, Shares is { } shares && RevenueSplit.Create(shares) is { IsValid: true } split ? split.Value : null);
}

/// <summary>The material negotiated with one partner department (schema 2).</summary>
internal sealed record PartnerDocument(WorkDocument? Work, string? Ask);

/// <summary>One stored winning bid, with short property names: 50,000 of them must stay a few megabytes.</summary>
internal sealed record BidDocument(
    [property: JsonPropertyName("c")] string Competitor,
    [property: JsonPropertyName("p")] string Project,
    [property: JsonPropertyName("u")] string Customer,
    [property: JsonPropertyName("a")] decimal Amount,
    [property: JsonPropertyName("k")] string Currency,
    [property: JsonPropertyName("d")] string AwardDate,
    [property: JsonPropertyName("r")] string Region)
{
    public static BidDocument From(WinningBid bid) =>
        new(bid.Competitor, bid.Project, bid.Customer, bid.Amount.Amount, bid.Amount.Currency.Code, bid.AwardDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), bid.Region);

    public WinningBid ToBid() =>
        new(Competitor, Project, Customer, new Money(Amount, Domain.StageTwo.Currency.Parse(Currency)), DateOnly.ParseExact(AwardDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), Region);
}

/// <summary>The outreach a user last chose to work on in stage 2.</summary>
internal sealed record FocusDocument(string OutreachId, DateTimeOffset ChosenAt, string? DepartmentId = null);
