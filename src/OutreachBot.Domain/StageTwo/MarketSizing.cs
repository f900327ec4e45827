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
public sealed record SegmentIssue(SegmentIssueKind Kind, bool Blocking, BilingualText Message);

public sealed record SegmentEstimate(
    MarketSegment Segment,
    Money? Capacity,
    Money? ExpectedSize,
    IReadOnlyList<SegmentIssue> Issues,
    BilingualText Formula)
{
    public bool IsComplete => ExpectedSize is not null;
}

public sealed record MarketEstimate(
    Currency Currency,
    IReadOnlyList<SegmentEstimate> Segments,
    Money TotalExpectedSize,
    Money TotalCapacity,
    BilingualText Formula)
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
                yield return Blocking(SegmentIssueKind.MissingCustomerCount, $"「{s.Name}」缺少客户数量", $"'{s.Name}' has no customer count");
                break;
            case < 0:
                yield return Blocking(SegmentIssueKind.NegativeCustomerCount, $"「{s.Name}」的客户数量不能为负数", $"'{s.Name}' has a negative customer count");
                break;
            case 0:
                yield return Note(SegmentIssueKind.ZeroCustomerCount, $"「{s.Name}」的客户数量为 0，该细分市场规模为 0", $"'{s.Name}' has zero customers, so its size is zero");
                break;
        }

        if (s.CustomerCount is not null && string.IsNullOrWhiteSpace(s.CountSource))
        {
            yield return Note(SegmentIssueKind.MissingCountSource, $"「{s.Name}」的客户数量未注明来源（如国家统计局或行业报告）", $"'{s.Name}' does not say where its customer count comes from (e.g. a statistics bureau or a market report)");
        }

        switch (s.UnitPrice)
        {
            case null:
                yield return Blocking(SegmentIssueKind.MissingUnitPrice, $"「{s.Name}」缺少客单价", $"'{s.Name}' has no unit price per customer");
                break;
            case { } price when price.Currency != currency:
                yield return Blocking(SegmentIssueKind.CurrencyMismatch, $"「{s.Name}」的客单价币种为 {price.Currency}，与测算币种 {currency} 不一致", $"'{s.Name}' is priced in {price.Currency} but the estimate is in {currency}");
                break;
            case { Amount: < 0 }:
                yield return Blocking(SegmentIssueKind.NegativeUnitPrice, $"「{s.Name}」的客单价不能为负数", $"'{s.Name}' has a negative unit price");
                break;
            case { Amount: 0 }:
                yield return Note(SegmentIssueKind.ZeroUnitPrice, $"「{s.Name}」的客单价为 0，该细分市场规模为 0", $"'{s.Name}' has a zero unit price, so its size is zero");
                break;
        }

        switch (s.Penetration)
        {
            case null:
                yield return Blocking(SegmentIssueKind.MissingPenetration, $"「{s.Name}」缺少渗透率（预计能拿下的客户比例）", $"'{s.Name}' has no penetration (the share of customers we expect to win)");
                break;
            case < 0m or > 1m:
                yield return Blocking(SegmentIssueKind.PenetrationOutOfRange, $"「{s.Name}」的渗透率应在 0% 到 100% 之间", $"'{s.Name}' needs a penetration between 0% and 100%");
                break;
            case 0m:
                yield return Note(SegmentIssueKind.ZeroPenetration, $"「{s.Name}」的渗透率为 0%，该细分市场规模为 0", $"'{s.Name}' has 0% penetration, so its size is zero");
                break;
        }
    }

    private static SegmentIssue Blocking(SegmentIssueKind kind, string zh, string en) => new(kind, true, new BilingualText(zh, en));

    private static SegmentIssue Note(SegmentIssueKind kind, string zh, string en) => new(kind, false, new BilingualText(zh, en));

    private static BilingualText Formula(MarketSegment s, Money? expected)
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var en = CultureInfo.GetCultureInfo("en-US");
        var count = s.CustomerCount?.ToString("#,0", CultureInfo.InvariantCulture) ?? "?";
        string Price(CultureInfo c) => s.UnitPrice is { } p ? MoneyFormatter.Format(p, c) : "?";
        var penetration = s.Penetration is { } rate ? Percent(rate) : "?";
        string Result(CultureInfo c) => expected is { } e ? MoneyFormatter.Format(e, c) : "?";
        return new BilingualText(
            $"{s.Name}：客户数 {count} × 客单价 {Price(zh)} × 渗透率 {penetration} = {Result(zh)}",
            $"{s.Name}: customers {count} × unit price {Price(en)} × penetration {penetration} = {Result(en)}");
    }

    private static BilingualText TotalFormula(IReadOnlyList<SegmentEstimate> segments, Money total)
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var en = CultureInfo.GetCultureInfo("en-US");
        var complete = segments.Where(s => s.IsComplete).ToList();
        if (complete.Count == 0)
        {
            return new BilingualText("预期市场规模 = Σ（客户数 × 客单价 × 渗透率）：尚无完整的细分市场", "Expected market size = Σ (customers × unit price × penetration): no complete segment yet");
        }

        string Terms(CultureInfo c) => string.Join(" + ", complete.Select(s => MoneyFormatter.Format(s.ExpectedSize!.Value, c)));
        var skipped = segments.Count - complete.Count;
        return new BilingualText(
            $"预期市场规模 = Σ（客户数 × 客单价 × 渗透率）= {Terms(zh)} = {MoneyFormatter.Format(total, zh)}" + (skipped > 0 ? $"（另有 {skipped} 个细分市场数据不全，未计入）" : ""),
            $"Expected market size = Σ (customers × unit price × penetration) = {Terms(en)} = {MoneyFormatter.Format(total, en)}" + (skipped > 0 ? $" ({skipped} incomplete segment(s) not counted)" : ""));
    }

    internal static string Percent(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
