using System.Diagnostics;
using System.Globalization;
using OutreachBot.DemoData;
using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Directory.Import;
using OutreachBot.Domain.Directory.Referrals;
using OutreachBot.Domain.Directory.Search;
using OutreachBot.Domain.Storage.Directory;
using OutreachBot.Domain.Text;
using OutreachBot.Storage;
using OutreachBot.Storage.Sqlite;

namespace OutreachBot.Benchmarks.Directory;

/// <summary>
/// A timed harness (not BenchmarkDotNet: we need per-query percentiles over many different queries, in a few minutes).
/// Usage: dotnet run -c Release --project bench/OutreachBot.Benchmarks -- directory-harness [departments] [people]
/// </summary>
public static class DirectoryHarness
{
    private static readonly string[] Queries =
    [
        "支付中台", "聚合支付 收单", "反欺诈", "风控模型 评分卡", "跨境收款 外汇", "对账 分账", "授信 额度", "发红包", "先享后付 分期", "反洗钱",
        "对象存储", "数据仓库建模", "人脸识别", "大模型微调", "智能客服 机器翻译", "电子发票", "短信验证码", "车联网", "供应商准入", "招标比价",
        "payment gateway", "fraud detection", "credit scoring", "cross-border remittance", "reconciliation", "anti-money laundering",
        "object storage buckets", "managed kubernetes", "load balancer", "single sign-on", "data governance lineage", "face recognition",
        "large language model", "sales funnel opportunities", "call center tickets", "支付 risk", "容器 Kubernetes", "paymnet gateway",
        "recomendation engine", "procurment",
    ];

    private static readonly string[] WarmUpQueries =
    [
        "会员积分", "物流配送 仓储", "广告投放", "客户画像", "门店 收银", "招聘 培训", "合同管理", "云桌面", "日志审计", "舆情监测",
        "loyalty points", "warehouse logistics", "ad campaigns", "customer segmentation", "point of sale", "payroll",
        "contract management", "virtual desktop", "audit logs", "social listening",
    ];

    public static async Task RunAsync(string[] args)
    {
        var departmentCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
        var peopleCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        Console.WriteLine($"Synthetic directory: {departmentCount:N0} departments, {peopleCount:N0} people ({Environment.ProcessorCount} cores, .NET {Environment.Version})");

        var generated = DemoCompanyGenerator.GenerateSynthetic(departmentCount, peopleCount);
        var departmentsCsv = generated.DepartmentsCsv;
        var peopleCsv = generated.PeopleCsv;
        Console.WriteLine($"CSV size: departments {departmentsCsv.Length / 1024.0:N0} KiB, people {peopleCsv.Length / 1024.0 / 1024:N1} MiB (chars)");
        var time = new FixedTime(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var importer = new OrgDirectoryImporter(time);

        var (directory, importTimes, retainedBytes) = Import(importer, departmentsCsv, peopleCsv);
        Console.WriteLine($"Directory retained memory: {retainedBytes / 1024.0 / 1024:N1} MiB");
        Console.WriteLine($"Import (parse + validate + build), 3 runs: {string.Join(" / ", importTimes.Select(Ms))}");
        var parseWatch = Stopwatch.StartNew();
        _ = DelimitedText.Read(departmentsCsv).Records.Count + DelimitedText.Read(peopleCsv).Records.Count;
        Console.WriteLine($"  of which reading the CSV records: {Ms(parseWatch.Elapsed.TotalMilliseconds)}");

        Collect();
        var beforeSearch = GC.GetTotalMemory(true);
        var buildCpu = ProcessCpu();
        var buildWatch = Stopwatch.StartNew();
        var search = DepartmentSearch.Build(directory);
        buildWatch.Stop();
        Console.WriteLine($"  search index build: CPU of the process {Ms(ProcessCpu() - buildCpu)}");
        Console.WriteLine($"Search index build: {Ms(buildWatch.Elapsed.TotalMilliseconds)}, retained {(GC.GetTotalMemory(true) - beforeSearch) / 1024.0 / 1024:N1} MiB");

        // Steady state: tiered JIT recompiles the search's hot methods after some 30 calls each, in the background, and
        // until it has, a search now and then costs 5-30 ms of its own thread's CPU (with DOTNET_TieredCompilation=0
        // the p99 is 1.6 ms). Warm up with other queries than the measured ones, so no measured query's data is cached.
        for (var round = 0; round < 20; round++)
        {
            foreach (var query in WarmUpQueries)
            {
                search.Search(query, 5);
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(1));

        var queryTimes = new List<double>();
        var queryCpu = new List<double>();
        for (var round = 0; round < 25; round++)
        {
            foreach (var query in Queries)
            {
                var cpu = ThreadCpu.Milliseconds();
                var watch = Stopwatch.StartNew();
                search.Search(query, 5);
                queryTimes.Add(watch.Elapsed.TotalMilliseconds);
                queryCpu.Add(ThreadCpu.Milliseconds() - cpu);
            }
        }

        var slowest = queryTimes.Select((t, i) => (Query: Queries[i % Queries.Length], Time: t))
            .GroupBy(x => x.Query).Select(g => (g.Key, Median: g.Select(x => x.Time).Order().ElementAt(g.Count() / 2)))
            .OrderByDescending(x => x.Median).Take(5);
        Console.WriteLine("Slowest queries (median): " + string.Join(", ", slowest.Select(x => $"\"{x.Key}\" {Ms(x.Median)}")));
        Console.WriteLine($"Keyword query ({queryTimes.Count} = {Queries.Length} queries x 25 after {WarmUpQueries.Length * 20} warm-up searches with other queries, top 5): {Percentiles(queryTimes)}");
        Console.WriteLine($"Keyword query, CPU time of the searching thread (unaffected by waiting for a core): {Percentiles(queryCpu)}");
        Console.WriteLine($"Load average while measuring: {LoadAverage()}");

        var graphWatch = Stopwatch.StartNew();
        var finder = new ReferralPathFinder(directory, RandomIntroductions(directory, 20_000));
        graphWatch.Stop();
        Console.WriteLine($"Referral graph build (with 20,000 recorded introductions): {Ms(graphWatch.Elapsed.TotalMilliseconds)}");

        var random = new Random(7);
        var pathTimes = new List<double>();
        var pathCpu = new List<double>();
        var found = 0;
        for (var i = 0; i < 2_200; i++)
        {
            var person = directory.People[random.Next(directory.People.Count)].Id;
            var department = directory.Departments[random.Next(directory.Departments.Count)].Id;
            var cpu = ThreadCpu.Milliseconds();
            var watch = Stopwatch.StartNew();
            var result = finder.FindPaths(person, department, top: 3);
            watch.Stop();
            if (i >= 200)
            {
                pathTimes.Add(watch.Elapsed.TotalMilliseconds);
                pathCpu.Add(ThreadCpu.Milliseconds() - cpu);
                found += result.Status == ReferralStatus.Found ? 1 : 0;
            }
        }

        Console.WriteLine($"Referral paths ({pathTimes.Count} random person → department, top 3; {found} found): {Percentiles(pathTimes)}");
        Console.WriteLine($"Referral paths, CPU time of the searching thread: {Percentiles(pathCpu)}");

        var veteranTimes = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            var person = directory.People[random.Next(directory.People.Count)].Id;
            var department = directory.Departments[random.Next(directory.Departments.Count)].Id;
            var watch = Stopwatch.StartNew();
            finder.FindVeterans(person, department, new DateOnly(2026, 11, 1));
            veteranTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"Veterans who can introduce ({veteranTimes.Count} random): {Percentiles(veteranTimes)}");

        var store = new InMemoryEntityStore();
        var repository = new DirectoryRepository(store, time);
        var saveWatch = Stopwatch.StartNew();
        var version = await repository.SaveAsync(directory);
        saveWatch.Stop();
        var loadWatch = Stopwatch.StartNew();
        await repository.LoadAsync();
        loadWatch.Stop();
        Console.WriteLine($"Repository (in-memory store): save {Ms(saveWatch.Elapsed.TotalMilliseconds)} in {version.Chunks} chunks, load {Ms(loadWatch.Elapsed.TotalMilliseconds)}");

        await StartUpAsync(directory, importer, time);
    }

    /// <summary>
    /// A bot instance starting with the directory already in its SQLite file: load it, build what the finder needs,
    /// answer one search. Twice: the first start has no stored search index, the second finds the one the first wrote.
    /// </summary>
    private static async Task StartUpAsync(OrgDirectory directory, OrgDirectoryImporter importer, TimeProvider time)
    {
        var folder = Path.Combine(Path.GetTempPath(), "outreachbot-startup-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using (var store = new SqliteEntityStore(new SqliteStorageOptions { Path = Path.Combine(folder, "outreachbot.db") }))
            {
                await new DirectoryRepository(store, time).SaveAsync(directory);
            }

            foreach (var start in new[] { "first start", "second start" })
            {
                Collect();
                using var store = new SqliteEntityStore(new SqliteStorageOptions { Path = Path.Combine(folder, "outreachbot.db") });
                var cpu = ProcessCpu();
                var watch = Stopwatch.StartNew();
                var live = new LiveDirectory(new DirectoryRepository(store, time), importer, indexFolder: Path.Combine(folder, "search-index"));
                await live.RefreshAsync();
                var hits = live.Current.Search.Search(Queries[0], 5);
                watch.Stop();
                Console.WriteLine($"Start-up to first answer (SQLite, {start}): {Ms(watch.Elapsed.TotalMilliseconds)}, CPU of the process {Ms(ProcessCpu() - cpu)} ({hits.Count} hits; {live.LastLoad})");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Not async, so no state machine keeps the previous run's directory alive while the next one is measured.</summary>
    private static (OrgDirectory Directory, List<double> Times, long RetainedBytes) Import(OrgDirectoryImporter importer, string departmentsCsv, string peopleCsv)
    {
        var times = new List<double>();
        for (var run = 0; run < 2; run++)
        {
            ImportOnce(importer, departmentsCsv, peopleCsv, times);
        }

        Collect();
        var before = GC.GetTotalMemory(true);
        var directory = ImportOnce(importer, departmentsCsv, peopleCsv, times);
        Collect();
        return (directory, times, GC.GetTotalMemory(true) - before);
    }

    private static OrgDirectory ImportOnce(OrgDirectoryImporter importer, string departmentsCsv, string peopleCsv, List<double> times)
    {
        var cpu = ProcessCpu();
        var watch = Stopwatch.StartNew();
        var result = importer.Import(new StringReader(departmentsCsv), new StringReader(peopleCsv));
        times.Add(watch.Elapsed.TotalMilliseconds);
        Console.WriteLine($"  import: wall {Ms(watch.Elapsed.TotalMilliseconds)}, CPU of the process {Ms(ProcessCpu() - cpu)}");
        return result.Directory ?? throw new InvalidOperationException(string.Join("\n", result.Errors.Take(5)));
    }

    private static List<RecordedIntroduction> RandomIntroductions(OrgDirectory directory, int count)
    {
        var random = new Random(11);
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return [.. Enumerable.Range(0, count).Select(_ => new RecordedIntroduction(
            directory.People[random.Next(directory.People.Count)].Id,
            directory.People[random.Next(directory.People.Count)].Id,
            directory.People[random.Next(directory.People.Count)].Id, at))];
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>CPU time of the whole process (all threads, GC included): what a phase costs, whatever else the machine runs.</summary>
    private static double ProcessCpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static string Ms(double ms) => ms.ToString("N1", CultureInfo.InvariantCulture) + " ms";

    private static string Percentiles(List<double> times)
    {
        var sorted = times.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return $"p50 {At(0.50).ToString("N3", CultureInfo.InvariantCulture)} ms, p99 {At(0.99).ToString("N3", CultureInfo.InvariantCulture)} ms, max {sorted[^1].ToString("N3", CultureInfo.InvariantCulture)} ms";
    }
}

/// <summary>CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID): what a query costs, whatever else the machine runs.</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static double Milliseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        ClockGetTime(ClockThreadCpuTime, out var spec);
        return spec.Seconds * 1000.0 + spec.Nanoseconds / 1_000_000.0;
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec spec);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

/// <summary>The synthetic hire dates end on 2026-11-01; the harness imports "on" that day.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
