using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Xunit.Abstractions;

namespace OutreachBot.Reliability.Fuzzing;

[Collection(MemoryMeasuringCollection.Name)]
public sealed class MessagesFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("outreachbot-fuzz-");

    public void Dispose() => scratch.Delete(recursive: true);

    [Fact]
    public async Task Ten_thousand_hostile_activities_get_no_5xx_memory_stays_flat_and_a_valid_message_is_still_answered()
    {
        using var bot = new BotTestHost(BotTestOptions.AsDeployed with { Store = TestStore.Sqlite(Path.Combine(scratch.FullName, "fuzz.db")) });
        using var http = bot.CreateClient();
        var generator = new HostileActivities(seed: 20261124);
        var half = Long.Pick(5_000, 50_000);
        await FireAsync(http, generator, 1_000);
        // The date models are built once per process, on first use; a hostile activity that first reaches one half-way
        // through would count as growth per activity. Two valid reminders, one per language, build them first.
        await ChatUser.As(http, bot.MessagesEndpoint, "zh-CN").SayAsync("提醒 明天上午9点 联系李雷");
        await ChatUser.As(http, bot.MessagesEndpoint, "en-US").SayAsync("remind tomorrow 9am call Li Lei");
        var start = GC.GetTotalMemory(forceFullCollection: true);

        var statuses = await FireAsync(http, generator, half);
        var middle = GC.GetTotalMemory(forceFullCollection: true);
        statuses.Merge(await FireAsync(http, generator, half));
        var end = GC.GetTotalMemory(forceFullCollection: true);

        Report(statuses, $"managed heap after warm-up {Mib(start)} MiB, after {half:N0} {Mib(middle)} MiB, after {2 * half:N0} {Mib(end)} MiB");
        Assert.Empty(statuses.UnexpectedServerErrors);
        Assert.True(end - middle < 16 * 1024 * 1024, $"The managed heap kept growing: {Mib(middle)} → {Mib(end)} MiB over the second {half:N0} activities.");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        var reply = await ChatUser.As(http, bot.MessagesEndpoint, "en-US").SayAsync("help");
        Assert.Contains("What I can do", reply.Text);
    }

    [Fact]
    public async Task The_Kestrel_process_survives_hostile_activities_without_5xx_and_its_memory_stays_bounded()
    {
        await using var bot = await BotProcess.StartAsync(RepositoryPaths.OutreachBotDll, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Sqlite",
            ["Storage__Sqlite__Path"] = Path.Combine(scratch.FullName, "kestrel.db"),
        });
        using var http = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        var generator = new HostileActivities(seed: 7);
        await FireAsync(http, generator, 500);
        var before = ResidentMegabytes(bot.ProcessId);

        var statuses = await FireAsync(http, generator, Long.Pick(3_000, 50_000));
        var after = ResidentMegabytes(bot.ProcessId);

        Report(statuses, $"resident memory {before:0} MiB → {after:0} MiB");
        Assert.False(bot.HasExited, bot.RecentOutput);
        Assert.Empty(statuses.UnexpectedServerErrors);
        Assert.True(after - before < 150, $"Resident memory grew from {before:0} to {after:0} MiB.");
        var reply = await ChatUser.As(http, bot.MessagesEndpoint, "zh-CN").SayAsync("帮助");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Contains("帮助", reply.Text);
    }

    private static async Task<FuzzStatuses> FireAsync(HttpClient http, HostileActivities generator, int count)
    {
        var statuses = new FuzzStatuses();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, cancellationToken) =>
        {
            HostileActivity hostile;
            lock (generator)
            {
                hostile = generator.Next();
            }

            using var content = new ByteArrayContent(hostile.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken);
            statuses.Add(hostile, (int)response.StatusCode, watch.Elapsed.TotalMilliseconds);
        });
        return statuses;
    }

    private void Report(FuzzStatuses statuses, string memory)
    {
        output.WriteLine($"{statuses.Total} activities; {memory}");
        foreach (var line in statuses.Summary())
        {
            output.WriteLine(line);
        }

        foreach (var failure in statuses.UnexpectedServerErrors.DistinctBy(f => (f.Kind, f.Status, f.InvokeName)))
        {
            output.WriteLine($"unexpected {failure.Status} for {failure.Kind} (invoke name {failure.InvokeName ?? "none"}): {failure.Preview}");
        }
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    private static double ResidentMegabytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    private sealed class FuzzStatuses
    {
        private readonly ConcurrentDictionary<(HostileKind Kind, int Status), int> counts = new();
        private readonly ConcurrentQueue<(HostileKind Kind, int Status, string Preview, string? InvokeName, bool ExpectsReplies)> serverErrors = new();
        private readonly ConcurrentDictionary<HostileKind, double> milliseconds = new();

        public int Total => counts.Values.Sum();

        public IReadOnlyCollection<(HostileKind Kind, int Status, string Preview, string? InvokeName, bool ExpectsReplies)> ServerErrors => serverErrors;

        /// <summary>Every 5xx: none is expected (a storage outage is its own scenario, not part of the fuzz run).</summary>
        public IReadOnlyList<(HostileKind Kind, int Status, string Preview, string? InvokeName, bool ExpectsReplies)> UnexpectedServerErrors =>
            [.. serverErrors];

        public void Merge(FuzzStatuses other)
        {
            foreach (var (key, value) in other.counts)
            {
                counts.AddOrUpdate(key, value, (_, n) => n + value);
            }

            foreach (var (key, value) in other.milliseconds)
            {
                milliseconds.AddOrUpdate(key, value, (_, n) => n + value);
            }

            foreach (var error in other.serverErrors)
            {
                serverErrors.Enqueue(error);
            }
        }

        public void Add(HostileActivity hostile, int status, double elapsed)
        {
            milliseconds.AddOrUpdate(hostile.Kind, elapsed, (_, total) => total + elapsed);
            counts.AddOrUpdate((hostile.Kind, status), 1, (_, n) => n + 1);
            if (status >= 500)
            {
                serverErrors.Enqueue((hostile.Kind, status, hostile.Preview, hostile.InvokeName, hostile.ExpectsReplies));
            }
        }

        public IEnumerable<string> Summary() =>
            counts.GroupBy(c => c.Key.Kind).OrderBy(g => g.Key)
                .Select(g => $"{g.Key}: " + string.Join(", ", g.OrderBy(c => c.Key.Status).Select(c => $"{c.Key.Status}×{c.Value}")) + $" ({milliseconds.GetValueOrDefault(g.Key) / g.Sum(c => c.Value):0.0} ms each)");
    }
}
