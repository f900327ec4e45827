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
    string? Ask)
{
    public static MaterialDocument From(StageTwoMaterial m) => new(
        1,
        m.Market?.Currency.Code,
        m.Market?.Segments.Select(s => new SegmentDocument(s.Name, s.CustomerCount, s.CountSource, s.UnitPrice?.Amount, s.UnitPrice?.Currency.Code, s.Penetration)).ToList(),
        m.Bids,
        m.Opportunities?.Select(o => new OpportunityDocument(o.Customer, o.Status, o.Signals, o.Contact, o.LastContact)).ToList(),
        m.Panorama is { } p
            ? new PanoramaDocument(p.OwnModules, p.IntegratedSystems, p.UserChannels, p.CoreFlow.OrderBy(s => s.Order).Select(s => new StepDocument(s.Actor, s.Action)).ToList(), p.Diagrams.Select(d => new DiagramDocument(d.Title, d.Url.AbsoluteUri)).ToList())
            : null,
        m.Work is { } w ? new WorkDocument(w.DivisionOfLabour, w.Charging, w.ChargingNote, w.Split?.Shares) : null,
        m.Ask);

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
        var work = Work is { } w
            ? new WorkBoundary(w.Tasks, w.Charging, w.ChargingNote, w.Shares is { } shares && RevenueSplit.Create(shares) is { IsValid: true } split ? split.Value : null)
            : null;
        return new StageTwoMaterial(
            outreachId,
            market,
            Bids,
            Opportunities?.Select(o => new Opportunity(o.Customer, o.Status, o.Signals, o.Contact, o.LastContact)).ToList(),
            panorama,
            work,
            Ask);
    }
}

internal sealed record SegmentDocument(string Name, long? CustomerCount, string? CountSource, decimal? UnitPrice, string? UnitCurrency, decimal? Penetration);

internal sealed record OpportunityDocument(string Customer, OpportunityStatus Status, AngelSignals Signals, string? Contact, DateOnly? LastContact);

internal sealed record StepDocument(string Actor, string Action);

internal sealed record DiagramDocument(string Title, string Url);

internal sealed record PanoramaDocument(
    IReadOnlyList<string> Modules, IReadOnlyList<IntegratedSystem> Systems, IReadOnlyList<string> Channels, IReadOnlyList<StepDocument> Steps, IReadOnlyList<DiagramDocument> Diagrams);

internal sealed record WorkDocument(IReadOnlyList<WorkItem> Tasks, ChargingModel? Charging, string? ChargingNote, IReadOnlyList<RevenueShare>? Shares);

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
internal sealed record FocusDocument(string OutreachId, DateTimeOffset ChosenAt);
