using System.Globalization;

namespace OutreachBot.Load;

/// <summary>Prints the run as Markdown tables, ready for docs/benchmarks.md.</summary>
internal sealed class Report(TextWriter output)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public void Header(HarnessOptions options)
    {
        output.WriteLine($"# OutreachBot load run {DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm zzz", Invariant)}");
        output.WriteLine();
        var length = options.TurnsPerUser is { } turns ? $"{turns} turns per user" : $"{options.Seconds} s";
        output.WriteLine($"{options.Users} concurrent users (half zh-CN, half en-US), {length} after {options.WarmUp} s warm-up, think time {options.ThinkMilliseconds} ms, storage {options.Storage}, " +
                         $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}.");
        output.WriteLine();
    }

    public void Results(LoadResult bot, LoadResult? echo, IReadOnlyList<CommandRoundTrips> roundTrips, double roundTripsUnderLoad)
    {
        output.WriteLine("| command | turns | turns/s | p50 ms | p95 ms | p99 ms | max ms | errors | not available | storage round trips/turn |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in bot.Turns.GroupBy(t => t.Command).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var trips = roundTrips.FirstOrDefault(r => r.Command == group.Key);
            Row(group.Key, LatencySummary.Of(group.ToList()), group.Count() / bot.Elapsed.TotalSeconds, trips is null ? "" : F(trips.PerTurn));
        }

        Row("**OutreachBot, all**", LatencySummary.Of(bot.Turns), bot.TurnsPerSecond, F(roundTripsUnderLoad) + " (under load)");
        if (echo is not null)
        {
            Row("**echo baseline**", LatencySummary.Of(echo.Turns), echo.TurnsPerSecond, "0");
        }

        output.WriteLine();
        if (echo is not null)
        {
            var b = LatencySummary.Of(bot.Turns);
            var e = LatencySummary.Of(echo.Turns);
            output.WriteLine("| OutreachBot / echo | p50 | p99 | turns/s |");
            output.WriteLine("|---|---:|---:|---:|");
            output.WriteLine($"| ratio | {F(b.P50 / e.P50)}× | {F(b.P99 / e.P99)}× | {F(bot.TurnsPerSecond / echo.TurnsPerSecond)}× |");
            output.WriteLine();
        }

        output.WriteLine("Storage round trips per turn, by command and operation:table (one user per language, each turn sent alone):");
        output.WriteLine();
        foreach (var trips in roundTrips.OrderBy(r => r.Command, StringComparer.Ordinal))
        {
            output.WriteLine($"- {trips.Command}: {F(trips.PerTurn)} = " + string.Join(", ", trips.ByOperation.Select(p => $"{p.Key} {F(p.Value)}")));
        }

        var failures = bot.Turns.Where(t => t.IsError).GroupBy(t => (t.Command, t.Outcome, t.Status)).ToList();
        if (failures.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Errors:");
            foreach (var failure in failures)
            {
                var sample = failure.First().ReplyText;
                output.WriteLine($"- {failure.Key.Command}: {failure.Count()} × {failure.Key.Outcome} {failure.Key.Status} {sample[..Math.Min(160, sample.Length)]}");
            }
        }
    }

    private void Row(string name, LatencySummary s, double turnsPerSecond, string roundTrips) =>
        output.WriteLine($"| {name} | {s.Count} | {F(turnsPerSecond)} | {F(s.P50)} | {F(s.P95)} | {F(s.P99)} | {F(s.Max)} | {s.Errors} | {s.NotAvailable} | {roundTrips} |");

    private static string F(double value) => value.ToString(value >= 100 ? "0" : "0.0#", Invariant);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
