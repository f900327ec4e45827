using System.Globalization;

namespace OutreachBot.Domain.StageTwo;

public enum Responsibility
{
    Ours,
    Theirs,
    Shared,
}

public sealed record WorkItem(string Task, Responsibility Owner, string? Note = null);

public enum ChargingModel
{
    Subscription,
    PerTransaction,
    ProjectFee,
    Licence,
    RevenueShare,
}

public sealed record RevenueShare(string Party, decimal Share);

/// <summary>How revenue is split between the parties; shares are fractions that sum to exactly 1 (100%).</summary>
public sealed record RevenueSplit
{
    private RevenueSplit(IReadOnlyList<RevenueShare> shares) => Shares = shares;

    public IReadOnlyList<RevenueShare> Shares { get; }

    public static Validated<RevenueSplit> Create(IEnumerable<RevenueShare> shares)
    {
        var list = shares.ToList();
        var errors = new List<StageTwoError>();
        if (list.Count == 0)
        {
            errors.Add(new("split.empty", new Phrase("Split.Empty")));
        }

        foreach (var share in list.Where(s => string.IsNullOrWhiteSpace(s.Party)))
        {
            errors.Add(new("split.party_missing", new Phrase("Split.PartyMissing", Pct(share.Share))));
        }

        foreach (var duplicate in list.Where(s => !string.IsNullOrWhiteSpace(s.Party)).GroupBy(s => s.Party.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new("split.party_duplicate", new Phrase("Split.PartyDuplicate", duplicate.Key)));
        }

        foreach (var share in list.Where(s => s.Share is <= 0m or > 1m))
        {
            errors.Add(new("split.share_out_of_range", new Phrase("Split.ShareOutOfRange", share.Party, Pct(share.Share))));
        }

        var sum = list.Sum(s => s.Share);
        if (list.Count > 0 && sum != 1m)
        {
            var gap = 1m - sum;
            errors.Add(new("split.sum_not_100", new Phrase(gap > 0 ? "Split.SumShort" : "Split.SumOver", Pct(sum), Pct(Math.Abs(gap)))));
        }

        return errors.Count == 0 ? Validated<RevenueSplit>.Valid(new RevenueSplit(list)) : Validated<RevenueSplit>.Invalid(errors);
    }

    public static string Pct(decimal share) => (share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}

/// <summary>The division of labour between the two departments, the charging model and the revenue split.</summary>
public sealed record WorkBoundary(IReadOnlyList<WorkItem> DivisionOfLabour, ChargingModel? Charging = null, string? ChargingNote = null, RevenueSplit? Split = null)
{
    public WorkBoundary WithTask(string task, Responsibility owner, string? note = null) => this with { DivisionOfLabour = [.. DivisionOfLabour, new(task, owner, note)] };
}
