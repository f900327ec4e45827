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
            errors.Add(new("split.empty", new("分成方案至少需要一方", "A revenue split needs at least one party")));
        }

        foreach (var share in list.Where(s => string.IsNullOrWhiteSpace(s.Party)))
        {
            errors.Add(new("split.party_missing", new($"比例为 {Pct(share.Share)} 的一方缺少名称", $"The party with {Pct(share.Share)} has no name")));
        }

        foreach (var duplicate in list.Where(s => !string.IsNullOrWhiteSpace(s.Party)).GroupBy(s => s.Party.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new("split.party_duplicate", new($"「{duplicate.Key}」出现了不止一次", $"'{duplicate.Key}' appears more than once")));
        }

        foreach (var share in list.Where(s => s.Share is <= 0m or > 1m))
        {
            errors.Add(new("split.share_out_of_range", new($"「{share.Party}」的比例 {Pct(share.Share)} 应大于 0% 且不超过 100%", $"{share.Party}'s share of {Pct(share.Share)} must be above 0% and at most 100%")));
        }

        var sum = list.Sum(s => s.Share);
        if (list.Count > 0 && sum != 1m)
        {
            var gap = 1m - sum;
            errors.Add(new("split.sum_not_100", new(
                $"分成比例合计为 {Pct(sum)}，应正好为 100%（{(gap > 0 ? "还差" : "多出")} {Pct(Math.Abs(gap))}）",
                $"The shares add up to {Pct(sum)}; they must total exactly 100% ({Pct(Math.Abs(gap))} {(gap > 0 ? "missing" : "too much")})")));
        }

        return errors.Count == 0 ? Validated<RevenueSplit>.Valid(new RevenueSplit(list)) : Validated<RevenueSplit>.Invalid(errors);
    }

    internal static string Pct(decimal share) => (share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}

/// <summary>The division of labour between the two departments, the charging model and the revenue split.</summary>
public sealed record WorkBoundary(IReadOnlyList<WorkItem> DivisionOfLabour, ChargingModel? Charging = null, string? ChargingNote = null, RevenueSplit? Split = null)
{
    public WorkBoundary WithTask(string task, Responsibility owner, string? note = null) => this with { DivisionOfLabour = [.. DivisionOfLabour, new(task, owner, note)] };

    public static BilingualText Label(Responsibility owner) => owner switch
    {
        Responsibility.Ours => new("我方", "Us"),
        Responsibility.Theirs => new("对方", "Partner"),
        _ => new("双方共同", "Shared"),
    };

    public static BilingualText Label(ChargingModel model) => model switch
    {
        ChargingModel.Subscription => new("按年订阅", "annual subscription"),
        ChargingModel.PerTransaction => new("按调用量计费", "per transaction"),
        ChargingModel.ProjectFee => new("按项目收费", "project fee"),
        ChargingModel.Licence => new("软件授权", "licence"),
        _ => new("收入分成", "revenue share"),
    };
}
