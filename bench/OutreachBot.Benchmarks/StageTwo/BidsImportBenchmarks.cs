using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Benchmarks.StageTwo;

/// <summary>Validating and importing a generated bids.csv of 50,000 rows, then tallying the last 12 months.</summary>
[MemoryDiagnoser]
public class BidsImportBenchmarks
{
    private static readonly string[] Competitors = ["恒信科技", "远景软件", "安数智能", "北辰信息", "Acme Risk", "云启数据", "华章金科", "同创网络"];
    private static readonly string[] Regions = ["华东", "华南", "华北", "西南", "East China"];
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 2, 0, 0, TimeSpan.Zero);

    private byte[] csv = [];
    private BidsCsvImporter importer = null!;

    [Params(50_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var text = new StringBuilder("competitor,project,customer,amount,currency,award_date,region,source_url\n");
        for (var i = 0; i < Rows; i++)
        {
            var date = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-random.Next(0, 730));
            text.Append(Competitors[random.Next(Competitors.Length)]).Append(',')
                .Append("\"支付风控平台 第").Append(i).Append("期\",")
                .Append("某城商行").Append(random.Next(1, 500)).Append(',')
                .Append((random.Next(100_000, 50_000_000) + random.Next(0, 100) / 100m).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(random.Next(10) == 0 ? "USD" : "CNY").Append(',')
                .Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(Regions[random.Next(Regions.Length)]).Append(',')
                .Append("https://ggzy.example.gov.cn/").Append(i).Append('\n');
        }

        csv = Encoding.UTF8.GetBytes(text.ToString());
        importer = new BidsCsvImporter(new FixedTime(Now));
    }

    [Benchmark]
    public int Import()
    {
        var result = importer.Import(new MemoryStream(csv, writable: false));
        return result.Succeeded ? result.Bids.Count : throw new InvalidOperationException(result.Errors[0].Message.ToString());
    }

    [Benchmark]
    public int ImportAndTallyLastTwelveMonths()
    {
        var bids = importer.Import(new MemoryStream(csv, writable: false)).Bids;
        return BidTallies.Tally(bids, BidPeriod.LastTwelveMonths(DateOnly.FromDateTime(Now.UtcDateTime))).Value.Count;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
