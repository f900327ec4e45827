namespace OutreachBot.Domain.StageTwo;

/// <summary>The three stage-1 points: why build it, what we need from them, what is in it for them.</summary>
public sealed record StageOnePoints(string ProductBackground, string SupportNeeded, string WhatsInItForThem);

/// <summary>What the brief needs from the outreach, as plain values (the Outreach aggregate maps itself onto this).</summary>
public sealed record BriefContext(
    string ProductIdea,
    string CapabilityNeeded,
    string PartnerDepartment,
    StageOnePoints Points,
    PartnerInsight Insight,
    string? Ask = null,
    Phrase? Introduction = null);

/// <summary>Everything that goes into the one-page brief; any piece may still be missing.</summary>
public sealed record CollaborationBriefInput(
    BriefContext Context,
    MarketSizingModel? Market = null,
    BidTally? Bids = null,
    IReadOnlyList<Opportunity>? Opportunities = null,
    ProductPanorama? Panorama = null,
    WorkBoundary? Work = null);

public enum BriefLineKind
{
    Text,
    Bullet,
    Numbered,
    Link,
    ToDo,
}

public sealed record BriefLine(BriefLineKind Kind, string Text, Uri? Url = null);

public sealed record BriefTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

public sealed record BriefSectionView(BriefSectionKind Kind, string Title, IReadOnlyList<BriefLine> Lines, BriefTable? Table = null, string? Insight = null)
{
    public bool HasToDo => Lines.Any(l => l.Kind == BriefLineKind.ToDo);
}

/// <summary>The brief as data: what the card builder and the Markdown/HTML renderers all draw from.</summary>
public sealed record BriefView(string Title, string CultureName, IReadOnlyList<BriefSectionView> Sections)
{
    public BriefSectionView this[BriefSectionKind kind] => Sections.First(s => s.Kind == kind);
}

/// <summary>
/// Builds the one-page collaboration brief in the reader's language (<see cref="Copy"/>, keys <c>Brief.*</c>); missing
/// pieces become "to do" lines. The user's own words (points, tasks, notes) are kept as typed.
/// </summary>
public static class CollaborationBrief
{
    private const int TopCompetitors = 5;

    public static BriefView Build(CollaborationBriefInput input, Copy copy)
    {
        var context = input.Context;
        var estimate = input.Market is { } model ? MarketSizeCalculator.Estimate(model) : null;
        var sections = new List<BriefSectionView>
        {
            Section(BriefSectionKind.Background, copy, Background(context, copy)),
            Section(BriefSectionKind.Market, copy, Market(estimate, copy)),
            Section(BriefSectionKind.BidsEvidence, copy, Evidence(input.Bids, estimate, copy)),
            Section(BriefSectionKind.Opportunities, copy, Opportunities(input.Opportunities ?? [], copy)),
            Section(BriefSectionKind.Panorama, copy, Panorama(input.Panorama, copy)),
            WorkSplit(input.Work, copy),
            Section(BriefSectionKind.RevenueSplit, copy, Revenue(input.Work, copy)),
            Section(BriefSectionKind.Ask, copy, Ask(context, copy)),
        };
        var withInsight = sections.Select(s => PartnerInsightLinker.LinkFor(s.Kind, context.Insight) is { } link ? s with { Insight = copy.Render(link.Sentence) } : s).ToList();
        var title = copy.Text("Brief.Title", context.ProductIdea, context.PartnerDepartment);
        return new BriefView(title, copy.Language.Tag, withInsight);
    }

    private static BriefSectionView Section(BriefSectionKind kind, Copy copy, IReadOnlyList<BriefLine> lines) => new(kind, copy.Name(kind), lines);

    private static List<BriefLine> Background(BriefContext c, Copy copy)
    {
        var lines = new List<BriefLine>();
        AddOrToDo(lines, c.Points.ProductBackground, "Brief.Background.Why", "Brief.ToDo.Background", copy);
        AddOrToDo(lines, c.Points.SupportNeeded.Length > 0 ? c.Points.SupportNeeded : c.CapabilityNeeded, "Brief.Background.Need", "Brief.ToDo.Need", copy);
        AddOrToDo(lines, c.Points.WhatsInItForThem, "Brief.Background.Benefit", "Brief.ToDo.Benefit", copy);
        if (c.Introduction is { } introduction)
        {
            lines.Add(new(BriefLineKind.Bullet, copy.Text("Brief.Background.Introduction", introduction)));
        }

        if (c.Insight.IsEmpty)
        {
            lines.Add(ToDo("Brief.ToDo.Insight", copy));
        }

        return lines;
    }

    private static List<BriefLine> Market(MarketEstimate? estimate, Copy copy)
    {
        if (estimate is null || estimate.Segments.Count == 0)
        {
            return [ToDo("Brief.ToDo.Market", copy)];
        }

        var lines = new List<BriefLine>();
        foreach (var segment in estimate.Segments)
        {
            var formula = copy.Render(segment.Formula);
            lines.Add(new(BriefLineKind.Bullet, segment.Segment.CountSource is { Length: > 0 } source ? copy.Text("Brief.Market.WithSource", formula, source) : formula));
            lines.AddRange(segment.Issues.Select(i => i.Blocking
                ? new BriefLine(BriefLineKind.ToDo, copy.Text("Brief.ToDo", copy.Render(i.Message)))
                : new BriefLine(BriefLineKind.Bullet, copy.Text("Brief.Note", copy.Render(i.Message)))));
        }

        lines.Add(new(BriefLineKind.Text, copy.Render(estimate.Formula)));
        return lines;
    }

    private static List<BriefLine> Evidence(BidTally? tally, MarketEstimate? estimate, Copy copy)
    {
        if (tally is null)
        {
            return [ToDo("Brief.ToDo.Bids", copy)];
        }

        var lines = new List<BriefLine> { new(BriefLineKind.Text, copy.Text("Brief.Bids.Period", tally.Period.Describe(), tally.Count)) };
        foreach (var currency in tally.ByCurrency)
        {
            lines.Add(new(BriefLineKind.Text, copy.Text("Brief.Bids.Total", currency.Currency.Code, currency.Total)));
            lines.AddRange(currency.ByCompetitor.Take(TopCompetitors).Select(c =>
                new BriefLine(BriefLineKind.Bullet, copy.Text("Brief.Bids.Competitor", c.Competitor, c.Total, c.Count))));
        }

        if (tally.Count == 0)
        {
            lines.Add(ToDo("Brief.ToDo.NoBids", copy));
        }

        if (estimate is not null)
        {
            var corroboration = MarketCorroboration.Compare(tally, estimate);
            var explanation = copy.Render(corroboration.Explanation);
            lines.Add(corroboration.Reading == CorroborationReading.CannotCompare
                ? new BriefLine(BriefLineKind.ToDo, copy.Text("Brief.ToDo", explanation))
                : new BriefLine(BriefLineKind.Text, explanation));
        }
        else
        {
            lines.Add(ToDo("Brief.ToDo.MarketFirst", copy));
        }

        return lines;
    }

    private static List<BriefLine> Opportunities(IReadOnlyList<Opportunity> opportunities, Copy copy)
    {
        if (opportunities.Count == 0)
        {
            return [ToDo("Brief.ToDo.Opportunities", copy)];
        }

        return [.. opportunities
            .Select(o => (Opportunity: o, Assessment: AngelCustomerAssessor.Assess(o)))
            .OrderByDescending(x => x.Assessment.Likelihood)
            .Select(x => new BriefLine(BriefLineKind.Bullet, copy.Text(
                "Brief.Opportunity", x.Opportunity.Customer, x.Opportunity.Status, x.Assessment.Likelihood, x.Assessment.Reasons)))];
    }

    private static List<BriefLine> Panorama(ProductPanorama? panorama, Copy copy)
    {
        var p = panorama ?? ProductPanorama.Empty;
        var lines = new List<BriefLine>();
        AddOrToDo(lines, p.OwnModules.Count > 0 ? copy.List(p.OwnModules) : null, "Brief.Panorama.Modules", "Brief.ToDo.Modules", copy);
        AddOrToDo(lines, p.IntegratedSystems.Count > 0 ? copy.List(p.IntegratedSystems.Select(s => copy.Text("Brief.Panorama.System", s.Name, s.Purpose)).ToList()) : null, "Brief.Panorama.Systems", "Brief.ToDo.Systems", copy);
        AddOrToDo(lines, p.UserChannels.Count > 0 ? copy.List(p.UserChannels) : null, "Brief.Panorama.Channels", "Brief.ToDo.Channels", copy);
        if (p.CoreFlow.Count == 0)
        {
            lines.Add(ToDo("Brief.ToDo.Flow", copy));
        }
        else
        {
            lines.Add(new(BriefLineKind.Text, copy.Text("Brief.Panorama.Flow")));
            lines.AddRange(p.CoreFlow.OrderBy(s => s.Order).Select(s => new BriefLine(BriefLineKind.Numbered, copy.Text("Brief.Panorama.Step", s.Actor, s.Action))));
        }

        lines.AddRange(p.Diagrams.Select(d => new BriefLine(BriefLineKind.Link, d.Title, d.Url)));
        return lines;
    }

    private static BriefSectionView WorkSplit(WorkBoundary? work, Copy copy)
    {
        var title = copy.Name(BriefSectionKind.WorkSplit);
        if (work is null || work.DivisionOfLabour.Count == 0)
        {
            return new(BriefSectionKind.WorkSplit, title, [ToDo("Brief.ToDo.WorkSplit", copy)]);
        }

        var table = new BriefTable(
            [copy.Text("Brief.Work.Task"), copy.Text("Brief.Work.Owner"), copy.Text("Brief.Work.Note")],
            [.. work.DivisionOfLabour.Select(w => (IReadOnlyList<string>)[w.Task, copy.Name(w.Owner), w.Note ?? ""])]);
        var ours = work.DivisionOfLabour.Count(w => w.Owner == Responsibility.Ours);
        var theirs = work.DivisionOfLabour.Count(w => w.Owner == Responsibility.Theirs);
        var shared = work.DivisionOfLabour.Count - ours - theirs;
        return new(BriefSectionKind.WorkSplit, title, [new(BriefLineKind.Text, copy.Text("Brief.Work.Counts", ours, theirs, shared))], table);
    }

    private static List<BriefLine> Revenue(WorkBoundary? work, Copy copy)
    {
        var lines = new List<BriefLine>();
        if (work?.Charging is { } charging)
        {
            lines.Add(new(BriefLineKind.Text, work.ChargingNote is { Length: > 0 } note
                ? copy.Text("Brief.Revenue.ChargingWithNote", charging, note)
                : copy.Text("Brief.Revenue.Charging", charging)));
        }
        else
        {
            lines.Add(ToDo("Brief.ToDo.Charging", copy));
        }

        if (work?.Split is { } split)
        {
            lines.Add(new(BriefLineKind.Text, copy.Text("Brief.Revenue.Split", split.Shares.Select(s => $"{s.Party} {RevenueSplit.Pct(s.Share)}").ToList())));
        }
        else
        {
            lines.Add(ToDo("Brief.ToDo.Split", copy));
        }

        return lines;
    }

    private static List<BriefLine> Ask(BriefContext c, Copy copy) =>
        string.IsNullOrWhiteSpace(c.Ask)
            ? [ToDo("Brief.ToDo.Ask", copy)]
            : [new(BriefLineKind.Text, c.Ask.Trim())];

    private static void AddOrToDo(List<BriefLine> lines, string? value, string labelKey, string todoKey, Copy copy) =>
        lines.Add(string.IsNullOrWhiteSpace(value) ? ToDo(todoKey, copy) : new BriefLine(BriefLineKind.Bullet, copy.Text(labelKey, value.Trim())));

    private static BriefLine ToDo(string key, Copy copy) => new(BriefLineKind.ToDo, copy.Text("Brief.ToDo", copy.Text(key)));
}
