using System.Collections.Immutable;
using System.Globalization;

namespace OutreachBot.Domain.StageTwo;

/// <summary>
/// One target customer segment. Customer count × unit price per customer (客单价, per year) is the segment's
/// market capacity; × penetration (the share we expect to win) is its expected market size.
/// Inputs are nullable because a PM often fills them in over several conversations.
/// </summary>
public sealed record MarketSegment(
    string Name,
    long? CustomerCount = null,
    string? CountSource = null,
    Money? UnitPrice = null,
    decimal? Penetration = null)
{
    public MarketSegment WithCustomerCount(long? count, string? source = null) =>
        this with { CustomerCount = count, CountSource = source ?? CountSource };

    public MarketSegment WithUnitPrice(Money? unitPrice) => this with { UnitPrice = unitPrice };

    public MarketSegment WithPenetration(decimal? penetration) => this with { Penetration = penetration };
}

/// <summary>The editable set of assumptions behind the expected market size; every change returns a new model.</summary>
public sealed record MarketSizingModel(Currency Currency, ImmutableList<MarketSegment> Segments)
{
    public static MarketSizingModel Empty(Currency currency) => new(currency, []);

    public MarketSizingModel WithSegment(MarketSegment segment) =>
        this with { Segments = IndexOf(segment.Name) is var i and >= 0 ? Segments.SetItem(i, segment) : Segments.Add(segment) };

    public MarketSizingModel WithUpdatedSegment(string name, Func<MarketSegment, MarketSegment> update) =>
        IndexOf(name) is var i and >= 0
            ? this with { Segments = Segments.SetItem(i, update(Segments[i])) }
            : throw new KeyNotFoundException($"No segment named '{name}'.");

    public MarketSizingModel WithoutSegment(string name) =>
        this with { Segments = Segments.RemoveAll(s => SameName(s.Name, name)) };

    private int IndexOf(string name) => Segments.FindIndex(s => SameName(s.Name, name));

    private static bool SameName(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

public enum SegmentIssueKind
{
    MissingCustomerCount,
    MissingUnitPrice,
    MissingPenetration,
    NegativeCustomerCount,
    NegativeUnitPrice,
    PenetrationOutOfRange,
    CurrencyMismatch,
    MissingCountSource,
    ZeroCustomerCount,
    ZeroUnitPrice,
    ZeroPenetration,
}

/// <summary>Something about a segment's inputs the PM should know. Blocking issues keep the segment out of the total.</summary>
public sealed record SegmentIssue(SegmentIssueKind Kind, bool Blocking, Phrase Message);

public sealed record SegmentEstimate(
    MarketSegment Segment,
    Money? Capacity,
    Money? ExpectedSize,
    IReadOnlyList<SegmentIssue> Issues,
    Phrase Formula)
{
    public bool IsComplete => ExpectedSize is not null;
}

public sealed record MarketEstimate(
    Currency Currency,
    IReadOnlyList<SegmentEstimate> Segments,
    Money TotalExpectedSize,
    Money TotalCapacity,
    Phrase Formula)
{
    public IReadOnlyList<SegmentEstimate> IncompleteSegments => [.. Segments.Where(s => !s.IsComplete)];

    /// <summary>True when every segment could be computed and there is at least one.</summary>
    public bool IsComplete => Segments.Count > 0 && Segments.All(s => s.IsComplete);
}

public static class MarketSizeCalculator
{
    public static MarketEstimate Estimate(MarketSizingModel model)
    {
        var segments = model.Segments.Select(s => EstimateSegment(s, model.Currency)).ToList();
        var complete = segments.Where(s => s.IsComplete).ToList();
        var total = complete.Aggregate(Money.Zero(model.Currency), (sum, s) => sum + s.ExpectedSize!.Value);
        var capacity = complete.Aggregate(Money.Zero(model.Currency), (sum, s) => sum + s.Capacity!.Value);
        return new MarketEstimate(model.Currency, segments, total, capacity, TotalFormula(segments, total));
    }

    public static SegmentEstimate EstimateSegment(MarketSegment segment, Currency currency)
    {
        var issues = Issues(segment, currency).ToList();
        if (issues.Any(i => i.Blocking))
        {
            return new SegmentEstimate(segment, null, null, issues, Formula(segment, null));
        }

        var capacity = segment.UnitPrice!.Value * segment.CustomerCount!.Value;
        var expected = capacity * segment.Penetration!.Value;
        return new SegmentEstimate(segment, capacity, expected, issues, Formula(segment, expected));
    }

    private static IEnumerable<SegmentIssue> Issues(MarketSegment s, Currency currency)
    {
        switch (s.CustomerCount)
        {
            case null:
                yield return Blocking(SegmentIssueKind.MissingCustomerCount, s.Name);
                break;
            case < 0:
                yield return Blocking(SegmentIssueKind.NegativeCustomerCount, s.Name);
                break;
            case 0:
                yield return Note(SegmentIssueKind.ZeroCustomerCount, s.Name);
                break;
        }

        if (s.CustomerCount is not null && string.IsNullOrWhiteSpace(s.CountSource))
        {
            yield return Note(SegmentIssueKind.MissingCountSource, s.Name);
        }

        switch (s.UnitPrice)
        {
            case null:
                yield return Blocking(SegmentIssueKind.MissingUnitPrice, s.Name);
                break;
            case { } price when price.Currency != currency:
                yield return Blocking(SegmentIssueKind.CurrencyMismatch, s.Name, price.Currency, currency);
                break;
            case { Amount: < 0 }:
                yield return Blocking(SegmentIssueKind.NegativeUnitPrice, s.Name);
                break;
            case { Amount: 0 }:
                yield return Note(SegmentIssueKind.ZeroUnitPrice, s.Name);
                break;
        }

        switch (s.Penetration)
        {
            case null:
                yield return Blocking(SegmentIssueKind.MissingPenetration, s.Name);
                break;
            case < 0m or > 1m:
                yield return Blocking(SegmentIssueKind.PenetrationOutOfRange, s.Name);
                break;
            case 0m:
                yield return Note(SegmentIssueKind.ZeroPenetration, s.Name);
                break;
        }
    }

    /// <summary>An issue that keeps the segment out of the total; its message is the text of key <c>SegmentIssueKind.*</c>.</summary>
    private static SegmentIssue Blocking(SegmentIssueKind kind, params object?[] args) => new(kind, true, new Phrase(Copy.KeyOf(kind), args));

    private static SegmentIssue Note(SegmentIssueKind kind, params object?[] args) => new(kind, false, new Phrase(Copy.KeyOf(kind), args));

    private static Phrase Formula(MarketSegment s, Money? expected) => new(
        "Market.Formula.Segment",
        s.Name,
        (object?)s.CustomerCount ?? "?",
        (object?)s.UnitPrice ?? "?",
        s.Penetration is { } rate ? Percent(rate) : "?",
        (object?)expected ?? "?");

    private static Phrase TotalFormula(IReadOnlyList<SegmentEstimate> segments, Money total)
    {
        var complete = segments.Where(s => s.IsComplete).ToList();
        if (complete.Count == 0)
        {
            return new Phrase("Market.Formula.NoSegment");
        }

        var skipped = segments.Count - complete.Count;
        return new Phrase(
            skipped > 0 ? "Market.Formula.TotalSkipping" : "Market.Formula.Total",
            new Joined(" + ", [.. complete.Select(s => (object?)s.ExpectedSize!.Value)]),
            total,
            skipped);
    }

    internal static string Percent(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
