using System.Collections.Immutable;
using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Domain.Tests.StageTwo;

internal static class Cny
{
    public static Money Of(decimal amount) => new(amount, Currency.CNY);
}

internal sealed class SegmentBuilder
{
    private string name = "城商行";
    private long? count = 120;
    private string? source = "国家金融监督管理总局 2024 年报";
    private Money? price = Cny.Of(500_000m);
    private decimal? penetration = 0.1m;

    public SegmentBuilder Named(string value) { name = value; return this; }
    public SegmentBuilder WithCount(long? value) { count = value; return this; }
    public SegmentBuilder WithSource(string? value) { source = value; return this; }
    public SegmentBuilder WithPrice(Money? value) { price = value; return this; }
    public SegmentBuilder WithPenetration(decimal? value) { penetration = value; return this; }

    public MarketSegment Build() => new(name, count, source, price, penetration);
}

internal static class Models
{
    public static MarketSizingModel Cny(params MarketSegment[] segments) => new(Currency.CNY, [.. segments]);
}

internal sealed class BidsCsvBuilder
{
    private readonly List<string> lines = ["competitor,project,customer,amount,currency,award_date,region"];

    public BidsCsvBuilder WithHeader(string header) { lines[0] = header; return this; }

    public BidsCsvBuilder WithBid(string competitor = "恒信科技", string amount = "1200000", string currency = "CNY", string date = "2025-03-01", string project = "支付风控平台", string customer = "某城商行", string region = "华东")
    {
        lines.Add(string.Join(',', competitor, project, customer, amount, currency, date, region));
        return this;
    }

    public BidsCsvBuilder WithLine(string line) { lines.Add(line); return this; }

    public string Text => string.Join("\n", lines) + "\n";

    public MemoryStream Stream() => new(System.Text.Encoding.UTF8.GetBytes(Text));
}

internal static class Bids
{
    public static WinningBid On(string date, decimal amount, string competitor = "恒信科技", string currency = "CNY") =>
        new(competitor, "项目", "客户", new Money(amount, Currency.Parse(currency)), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "华东");
}

internal sealed class BriefInputBuilder
{
    private BriefContext context = new(
        "支付风控",
        "实时反欺诈模型",
        "风控中台部",
        new StageOnePoints("城商行缺少实时反欺诈能力，已有三家表示愿意采购", "调用贵部门的实时反欺诈模型接口", "每年新增收入，并把能力拓展到外部客户"),
        new PartnerInsight(["对外收入"], ["人力紧张", "系统稳定性"]),
        "请双方领导下周会面，确认合作意向");
    private MarketSizingModel? market = Models.Cny(new SegmentBuilder().Named("城商行").WithCount(120).WithPrice(Cny.Of(500_000m)).WithPenetration(0.1m).Build());
    private BidTally? bids = BidTallies.Tally([Bids.On("2025-01-10", 1_000_000m, "恒信科技"), Bids.On("2025-02-10", 500_000m, "远景软件")], BidPeriod.LastTwelveMonths(new DateOnly(2025, 6, 15))).Value;
    private IReadOnlyList<Opportunity> opportunities = [new("宁波某城商行", OpportunityStatus.Interested, AngelSignals.ConfirmedPain | AngelSignals.WillingToPilot | AngelSignals.BudgetAvailable)];
    private ProductPanorama? panorama = ProductPanorama.Empty
        .WithModule("规则引擎").WithModule("案件管理")
        .WithIntegratedSystem("核心银行系统", "交易数据")
        .WithUserChannel("银行风控人员的 Web 控制台")
        .WithStep("客户交易", "发起支付").WithStep("风控引擎", "调用反欺诈模型打分").WithStep("风控人员", "处理可疑交易")
        .WithDiagram(DiagramLink.Create("架构图", "https://wiki.example.com/arch?a=1&b=2").Value);
    private WorkBoundary? work = new WorkBoundary([])
        .WithTask("反欺诈模型接口", Responsibility.Theirs)
        .WithTask("产品开发与交付", Responsibility.Ours, "我方协调人力")
        .WithTask("客户拓展", Responsibility.Shared) with
    {
        Charging = ChargingModel.Subscription,
        Split = RevenueSplit.Create([new("我方", 0.6m), new("风控中台部", 0.4m)]).Value,
    };

    public BriefInputBuilder WithContext(Func<BriefContext, BriefContext> change) { context = change(context); return this; }
    public BriefInputBuilder WithoutMarket() { market = null; return this; }
    public BriefInputBuilder WithoutBids() { bids = null; return this; }
    public BriefInputBuilder WithoutOpportunities() { opportunities = []; return this; }
    public BriefInputBuilder WithoutPanorama() { panorama = null; return this; }
    public BriefInputBuilder WithoutWork() { work = null; return this; }

    public CollaborationBriefInput Build() => new(context, market, bids, opportunities, panorama, work);
}
