using System.Globalization;

namespace OutreachBot.Domain.StageTwo;

/// <summary>
/// A span of award dates. <see cref="Start"/> is inclusive and <see cref="EndExclusive"/> is exclusive, so
/// consecutive periods never count a bid twice. "Last N months" ends with today (inclusive) and starts the day
/// after the same date N months earlier: on 2025-06-15, the last 12 months are 2024-06-16 … 2025-06-15.
/// </summary>
public sealed record BidPeriod
{
    private BidPeriod(DateOnly start, DateOnly endExclusive, int? months)
    {
        Start = start;
        EndExclusive = endExclusive;
        Months = months;
    }

    public DateOnly Start { get; }

    public DateOnly EndExclusive { get; }

    /// <summary>The last day in the period (inclusive), as people say it.</summary>
    public DateOnly End => EndExclusive.AddDays(-1);

    /// <summary>Set for month-based periods, which are annualized by 12 / months rather than by days.</summary>
    public int? Months { get; }

    public int Days => EndExclusive.DayNumber - Start.DayNumber;

    public static BidPeriod LastTwelveMonths(DateOnly today) => LastMonths(12, today);

    public static BidPeriod LastMonths(int months, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        return new BidPeriod(today.AddMonths(-months).AddDays(1), today.AddDays(1), months);
    }

    /// <summary>A custom period from <paramref name="first"/> to <paramref name="last"/>, both days included.</summary>
    public static Validated<BidPeriod> Custom(DateOnly first, DateOnly last) =>
        last < first
            ? Validated<BidPeriod>.Invalid(new StageTwoError("period.reversed", new Phrase("Bids.Period.Reversed", last, first)))
            : Validated<BidPeriod>.Valid(new BidPeriod(first, last.AddDays(1), null));

    public bool Contains(DateOnly date) => date >= Start && date < EndExclusive;

    /// <summary>The factor that turns the period's volume into a yearly volume.</summary>
    public decimal AnnualizationFactor => Months is { } months ? 12m / months : 365m / Days;

    /// <summary>"Jun 16, 2024 – Jun 15, 2025" / "2024年6月16日至2025年6月15日".</summary>
    public Phrase Describe() => new("Bids.Period.Range", Start, End);
}

/// <summary>Explicit exchange rates into one target currency: 1 unit of a source currency = rate × target.</summary>
public sealed record ExchangeRates(Currency Target, IReadOnlyDictionary<Currency, decimal> RatesToTarget)
{
    public bool TryConvert(Money money, out Money converted)
    {
        if (money.Currency == Target)
        {
            converted = money;
            return true;
        }

        if (RatesToTarget.TryGetValue(money.Currency, out var rate) && rate > 0)
        {
            converted = new Money(money.Amount * rate, Target);
            return true;
        }

        converted = default;
        return false;
    }
}

public sealed record CompetitorTally(string Competitor, Money Total, int Count);

public sealed record MonthTally(int Year, int Month, Money Total, int Count);

/// <summary>The bids of one currency inside the period.</summary>
public sealed record CurrencyTally(
    Currency Currency,
    Money Total,
    int Count,
    IReadOnlyList<CompetitorTally> ByCompetitor,
    IReadOnlyList<MonthTally> ByMonth);

public sealed record BidTally(BidPeriod Period, IReadOnlyList<CurrencyTally> ByCurrency, int BidsOutsidePeriod)
{
    public int Count => ByCurrency.Sum(c => c.Count);

    /// <summary>The tally in <paramref name="currency"/>, if any bid in the period was in it.</summary>
    public CurrencyTally? In(Currency currency) => ByCurrency.FirstOrDefault(c => c.Currency == currency);
}

public static class BidTallies
{
    /// <summary>
    /// Tallies the bids whose award date is in <paramref name="period"/>. Each currency is tallied on its own
    /// unless <paramref name="rates"/> is given, in which case every bid is converted to the target currency;
    /// a bid in a currency without a rate makes the whole tally invalid rather than dropping it.
    /// </summary>
    public static Validated<BidTally> Tally(IEnumerable<WinningBid> bids, BidPeriod period, ExchangeRates? rates = null)
    {
        var inPeriod = new List<WinningBid>();
        var outside = 0;
        foreach (var bid in bids)
        {
            if (period.Contains(bid.AwardDate))
            {
                inPeriod.Add(bid);
            }
            else
            {
                outside++;
            }
        }

        if (rates is not null)
        {
            var converted = new List<WinningBid>(inPeriod.Count);
            var missing = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var bid in inPeriod)
            {
                if (rates.TryConvert(bid.Amount, out var amount))
                {
                    converted.Add(bid with { Amount = amount });
                }
                else
                {
                    missing.Add(bid.Amount.Currency.Code);
                }
            }

            if (missing.Count > 0)
            {
                return Validated<BidTally>.Invalid(new StageTwoError("tally.missing_rate", new Phrase("Bids.MissingRate", missing.ToList(), rates.Target.Code)));
            }

            inPeriod = converted;
        }

        var byCurrency = inPeriod
            .GroupBy(b => b.Amount.Currency)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => CurrencyTallyOf(g.Key, [.. g]))
            .ToList();
        return Validated<BidTally>.Valid(new BidTally(period, byCurrency, outside));
    }

    private static CurrencyTally CurrencyTallyOf(Currency currency, IReadOnlyList<WinningBid> bids)
    {
        var byCompetitor = bids
            .GroupBy(b => b.Competitor.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => new CompetitorTally(g.First().Competitor.Trim(), Sum(currency, g), g.Count()))
            .OrderByDescending(c => c.Total.Amount)
            .ThenBy(c => c.Competitor, StringComparer.Ordinal)
            .ToList();
        var byMonth = bids
            .GroupBy(b => (b.AwardDate.Year, b.AwardDate.Month))
            .OrderBy(g => g.Key)
            .Select(g => new MonthTally(g.Key.Year, g.Key.Month, Sum(currency, g), g.Count()))
            .ToList();
        return new CurrencyTally(currency, Sum(currency, bids), bids.Count, byCompetitor, byMonth);
    }

    private static Money Sum(Currency currency, IEnumerable<WinningBid> bids) =>
        new(bids.Sum(b => b.Amount.Amount), currency);
}

public enum CorroborationReading
{
    /// <summary>Under 5%: the market is mostly not tendered yet, or the estimate is high.</summary>
    MostlyUntendered,
    /// <summary>5% to 50%: the estimate is plausible.</summary>
    Plausible,
    /// <summary>50% to 100%: the observed market is already large next to the estimate; check it is not low.</summary>
    LargelyTendered,
    /// <summary>Over 100%: the estimate is too low.</summary>
    EstimateTooLow,
    /// <summary>The ratio cannot be computed; <see cref="Corroboration.Explanation"/> says why.</summary>
    CannotCompare,
}

/// <remarks>The explanation renders the reading from key <c>CorroborationReading.*</c>.</remarks>
public sealed record Corroboration(decimal? Ratio, Money? AnnualizedBids, CorroborationReading Reading, Phrase Explanation);

/// <summary>Compares the real market (competitors' winning bids) with the expected market size.</summary>
public static class MarketCorroboration
{
    public static Corroboration Compare(BidTally tally, MarketEstimate estimate)
    {
        var currency = estimate.Currency;
        var foreign = tally.ByCurrency.Where(c => c.Currency != currency).Select(c => c.Currency.Code).ToList();
        if (foreign.Count > 0)
        {
            return Cannot(new Phrase("Bids.Compare.ForeignCurrency", new Joined(", ", [.. foreign]), currency.Code));
        }

        if (estimate.TotalExpectedSize.Amount <= 0)
        {
            return Cannot(new Phrase("Bids.Compare.NoEstimate"));
        }

        var observed = tally.In(currency)?.Total ?? Money.Zero(currency);
        var annualized = new Money(decimal.Round(observed.Amount * tally.Period.AnnualizationFactor, 2), currency);
        var ratio = annualized.Amount / estimate.TotalExpectedSize.Amount;
        var percent = (ratio * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        var reading = ratio switch
        {
            < 0.05m => CorroborationReading.MostlyUntendered,
            <= 0.5m => CorroborationReading.Plausible,
            <= 1m => CorroborationReading.LargelyTendered,
            _ => CorroborationReading.EstimateTooLow,
        };
        return new Corroboration(ratio, annualized, reading, new Phrase("Bids.Compare.Ratio", annualized, estimate.TotalExpectedSize, percent, reading));
    }

    private static Corroboration Cannot(Phrase why) => new(null, null, CorroborationReading.CannotCompare, why);
}
