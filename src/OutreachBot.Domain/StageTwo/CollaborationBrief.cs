using System.Globalization;

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
    BilingualText? Introduction = null);

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

/// <summary>Builds the one-page collaboration brief in the user's language; missing pieces become "to do" lines.</summary>
public static class CollaborationBrief
{
    private const int TopCompetitors = 5;

    public static BriefView Build(CollaborationBriefInput input, CultureInfo culture)
    {
        var t = new Texts(culture);
        var context = input.Context;
        var estimate = input.Market is { } model ? MarketSizeCalculator.Estimate(model) : null;
        var sections = new List<BriefSectionView>
        {
            Section(BriefSectionKind.Background, t.S("背景", "Background"), Background(context, t)),
            Section(BriefSectionKind.Market, t.S("市场分析", "Market"), Market(estimate, t)),
            Section(BriefSectionKind.BidsEvidence, t.S("中标印证", "Evidence from winning bids"), Evidence(input.Bids, estimate, t)),
            Section(BriefSectionKind.Opportunities, t.S("机会清单", "Opportunities"), Opportunities(input.Opportunities ?? [], t)),
            Section(BriefSectionKind.Panorama, t.S("产品全景", "Product panorama"), Panorama(input.Panorama, t)),
            WorkSplit(input.Work, t),
            Section(BriefSectionKind.RevenueSplit, t.S("收费模式与分成", "Charging and revenue split"), Revenue(input.Work, t)),
            Section(BriefSectionKind.Ask, t.S("希望贵部门支持", "Our ask"), Ask(context, t)),
        };
        var withInsight = sections.Select(s => PartnerInsightLinker.LinkFor(s.Kind, context.Insight) is { } link ? s with { Insight = t.Of(link.Sentence) } : s).ToList();
        var title = t.S($"合作简报：{context.ProductIdea} × {context.PartnerDepartment}", $"Collaboration brief: {context.ProductIdea} × {context.PartnerDepartment}");
        return new BriefView(title, culture.Name, withInsight);
    }

    private static BriefSectionView Section(BriefSectionKind kind, string title, IReadOnlyList<BriefLine> lines) => new(kind, title, lines);

    private static List<BriefLine> Background(BriefContext c, Texts t)
    {
        var lines = new List<BriefLine>();
        AddOrToDo(lines, c.Points.ProductBackground, t.S("产品背景：", "Why we build it: "), t.S("补充产品背景：为什么做、做出来客户会不会买", "Add the product background: why build it, and will customers buy it"), t);
        AddOrToDo(lines, c.Points.SupportNeeded.Length > 0 ? c.Points.SupportNeeded : c.CapabilityNeeded, t.S("需要的支持：", "What we need: "), t.S("写明需要对方提供的能力", "Say which capability we need from them"), t);
        AddOrToDo(lines, c.Points.WhatsInItForThem, t.S("对贵部门的价值：", "What's in it for you: "), t.S("写明对方的收益：直接收入或业务范围的扩大", "Say what they gain: direct revenue or a wider business scope"), t);
        if (c.Introduction is { } introduction)
        {
            lines.Add(new(BriefLineKind.Bullet, t.S("引荐：", "Introduction: ") + t.Of(introduction)));
        }

        if (c.Insight.IsEmpty)
        {
            lines.Add(ToDo(t.S("了解对方部门的 KPI 和领导关注点", "Find out the partner's KPIs and what their leader cares about"), t));
        }

        return lines;
    }

    private static List<BriefLine> Market(MarketEstimate? estimate, Texts t)
    {
        if (estimate is null || estimate.Segments.Count == 0)
        {
            return [ToDo(t.S("测算市场规模：目标客户群、客户数量及来源、客单价、渗透率", "Size the market: segments, customer counts and their source, unit price, penetration"), t)];
        }

        var lines = new List<BriefLine>();
        foreach (var segment in estimate.Segments)
        {
            lines.Add(new(BriefLineKind.Bullet, t.Of(segment.Formula) + (segment.Segment.CountSource is { Length: > 0 } source ? t.S($"（来源：{source}）", $" (source: {source})") : "")));
            lines.AddRange(segment.Issues.Select(i => i.Blocking ? ToDo(t.Of(i.Message), t) : new BriefLine(BriefLineKind.Bullet, t.S("注意：", "Note: ") + t.Of(i.Message))));
        }

        lines.Add(new(BriefLineKind.Text, t.Of(estimate.Formula)));
        return lines;
    }

    private static List<BriefLine> Evidence(BidTally? tally, MarketEstimate? estimate, Texts t)
    {
        if (tally is null)
        {
            return [ToDo(t.S("导入竞争对手的中标数据（bids.csv），与预期市场规模对比", "Import competitors' winning bids (bids.csv) to compare with the expected market size"), t)];
        }

        var lines = new List<BriefLine> { new(BriefLineKind.Text, t.S($"统计区间：{tally.Period.Describe().Zh}，共 {tally.Count} 个中标项目", $"Period: {tally.Period.Describe().En}, {tally.Count} winning bids")) };
        foreach (var currency in tally.ByCurrency)
        {
            lines.Add(new(BriefLineKind.Text, t.S($"{currency.Currency} 合计 {t.Money(currency.Total)}", $"{currency.Currency} total {t.Money(currency.Total)}")));
            lines.AddRange(currency.ByCompetitor.Take(TopCompetitors).Select(c =>
                new BriefLine(BriefLineKind.Bullet, t.S($"{c.Competitor}：{t.Money(c.Total)}（{c.Count} 个项目）", $"{c.Competitor}: {t.Money(c.Total)} ({c.Count} bids)"))));
        }

        if (tally.Count == 0)
        {
            lines.Add(ToDo(t.S("区间内没有中标记录：扩大统计区间或补充数据", "No winning bids in this period: widen the period or add data"), t));
        }

        if (estimate is not null)
        {
            var corroboration = MarketCorroboration.Compare(tally, estimate);
            lines.Add(corroboration.Reading == CorroborationReading.CannotCompare ? ToDo(t.Of(corroboration.Explanation), t) : new BriefLine(BriefLineKind.Text, t.Of(corroboration.Explanation)));
        }
        else
        {
            lines.Add(ToDo(t.S("先测算预期市场规模，才能与中标数据对比", "Size the market first to compare it with the bids"), t));
        }

        return lines;
    }

    private static List<BriefLine> Opportunities(IReadOnlyList<Opportunity> opportunities, Texts t)
    {
        if (opportunities.Count == 0)
        {
            return [ToDo(t.S("列出已接触、可能成为天使客户的潜在客户", "List the potential customers already contacted who could become angel customers"), t)];
        }

        return [.. opportunities
            .Select(o => (Opportunity: o, Assessment: AngelCustomerAssessor.Assess(o)))
            .OrderByDescending(x => x.Assessment.Likelihood)
            .Select(x => new BriefLine(BriefLineKind.Bullet, t.S(
                $"{x.Opportunity.Customer}：{AngelCustomerAssessor.Label(x.Opportunity.Status).Zh}，天使客户可能性{AngelCustomerAssessor.Label(x.Assessment.Likelihood).Zh}（{string.Join("、", x.Assessment.Reasons.Select(r => r.Zh))}）",
                $"{x.Opportunity.Customer}: {AngelCustomerAssessor.Label(x.Opportunity.Status).En}, angel-customer likelihood {AngelCustomerAssessor.Label(x.Assessment.Likelihood).En} ({string.Join(", ", x.Assessment.Reasons.Select(r => r.En))})")))];
    }

    private static List<BriefLine> Panorama(ProductPanorama? panorama, Texts t)
    {
        var p = panorama ?? ProductPanorama.Empty;
        var lines = new List<BriefLine>();
        var separator = t.S("、", ", ");
        AddOrToDo(lines, string.Join(separator, p.OwnModules), t.S("自有模块：", "Our modules: "), t.S("列出产品的自有模块", "List the product's own modules"), t);
        AddOrToDo(lines, string.Join(separator, p.IntegratedSystems.Select(s => t.S($"{s.Name}（{s.Purpose}）", $"{s.Name} ({s.Purpose})"))), t.S("集成的业务系统：", "Integrated business systems: "), t.S("列出要集成的业务系统", "List the business systems to integrate"), t);
        AddOrToDo(lines, string.Join(separator, p.UserChannels), t.S("触达用户的方式：", "How users are reached: "), t.S("写明如何触达用户", "Say how users are reached"), t);
        if (p.CoreFlow.Count == 0)
        {
            lines.Add(ToDo(t.S("梳理核心业务流程（按步骤）", "Describe the core business flow step by step"), t));
        }
        else
        {
            lines.Add(new(BriefLineKind.Text, t.S("核心业务流程：", "Core business flow:")));
            lines.AddRange(p.CoreFlow.OrderBy(s => s.Order).Select(s => new BriefLine(BriefLineKind.Numbered, t.S($"{s.Actor}：{s.Action}", $"{s.Actor}: {s.Action}"))));
        }

        lines.AddRange(p.Diagrams.Select(d => new BriefLine(BriefLineKind.Link, d.Title, d.Url)));
        return lines;
    }

    private static BriefSectionView WorkSplit(WorkBoundary? work, Texts t)
    {
        var title = t.S("分工边界", "Division of labour");
        if (work is null || work.DivisionOfLabour.Count == 0)
        {
            return new(BriefSectionKind.WorkSplit, title, [ToDo(t.S("列出分工表：每项工作由我方、对方还是双方负责", "Fill in the division of labour: who does each task — us, the partner, or both"), t)]);
        }

        var table = new BriefTable(
            [t.S("工作", "Task"), t.S("负责方", "Owner"), t.S("说明", "Note")],
            [.. work.DivisionOfLabour.Select(w => (IReadOnlyList<string>)[w.Task, t.Of(WorkBoundary.Label(w.Owner)), w.Note ?? ""])]);
        var ours = work.DivisionOfLabour.Count(w => w.Owner == Responsibility.Ours);
        var theirs = work.DivisionOfLabour.Count(w => w.Owner == Responsibility.Theirs);
        var shared = work.DivisionOfLabour.Count - ours - theirs;
        return new(BriefSectionKind.WorkSplit, title, [new(BriefLineKind.Text, t.S($"我方 {ours} 项，对方 {theirs} 项，共同 {shared} 项", $"Tasks — us: {ours}, partner: {theirs}, shared: {shared}"))], table);
    }

    private static List<BriefLine> Revenue(WorkBoundary? work, Texts t)
    {
        var lines = new List<BriefLine>();
        if (work?.Charging is { } charging)
        {
            lines.Add(new(BriefLineKind.Text, t.S("收费模式：", "Charging model: ") + t.Of(WorkBoundary.Label(charging)) + (work.ChargingNote is { Length: > 0 } note ? t.S($"（{note}）", $" ({note})") : "")));
        }
        else
        {
            lines.Add(ToDo(t.S("确定收费模式", "Choose the charging model"), t));
        }

        if (work?.Split is { } split)
        {
            lines.Add(new(BriefLineKind.Text, t.S("收入分成：", "Revenue split: ") + string.Join(t.S("，", ", "), split.Shares.Select(s => $"{s.Party} {RevenueSplit.Pct(s.Share)}"))));
        }
        else
        {
            lines.Add(ToDo(t.S("商定收入分成比例（合计 100%）", "Agree the revenue split (totalling 100%)"), t));
        }

        return lines;
    }

    private static List<BriefLine> Ask(BriefContext c, Texts t) =>
        string.IsNullOrWhiteSpace(c.Ask)
            ? [ToDo(t.S("写明希望对方做出的决定，例如：双方领导会面，确认合作意向", "Write the decision you ask for, e.g. both leaders meet and confirm the intent to cooperate"), t)]
            : [new(BriefLineKind.Text, c.Ask.Trim())];

    private static void AddOrToDo(List<BriefLine> lines, string? value, string label, string todo, Texts t) =>
        lines.Add(string.IsNullOrWhiteSpace(value) ? ToDo(todo, t) : new BriefLine(BriefLineKind.Bullet, label + value.Trim()));

    private static BriefLine ToDo(string text, Texts t) => new(BriefLineKind.ToDo, t.S("待补充：", "To do: ") + text);

    private sealed class Texts(CultureInfo culture)
    {
        private readonly bool chinese = BriefLanguage.IsChinese(culture);

        public string S(string zh, string en) => chinese ? zh : en;

        public string Of(BilingualText text) => chinese ? text.Zh : text.En;

        public string Money(Money money) => MoneyFormatter.Format(money, culture);
    }
}
