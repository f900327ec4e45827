using System.Diagnostics;
using OutreachBot.Testing;

namespace OutreachBot.Load;

/// <summary><paramref name="ThinkTime"/> is the pause between a user's turns; zero makes a closed loop that saturates the bot.</summary>
public sealed record LoadSettings(int Users, TimeSpan Duration, TimeSpan WarmUp, int? TurnsPerUser, TimeSpan TurnTimeout, TimeSpan ThinkTime);

/// <summary>Drives N simulated PMs concurrently, each looping over its language's script; only turns after the warm-up count.</summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(Uri messages, LoadSettings settings, string runName, Func<Task>? atMeasureStart = null)
    {
        using var http = TurnClient.CreateHttpClient(settings.TurnTimeout);
        var client = new TurnClient(http, messages);
        var users = Enumerable.Range(0, settings.Users)
            .Select(n => SimulatedUser.Create(runName, n, n % 2 == 0 ? "zh-CN" : "en-US"))
            .ToList();

        var clock = Stopwatch.StartNew();
        var measuring = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var measureStart = TimeSpan.Zero;
        var warmUp = Task.Run(async () =>
        {
            await Task.Delay(settings.WarmUp);
            if (atMeasureStart is not null)
            {
                await atMeasureStart();
            }

            measureStart = clock.Elapsed;
            measuring.SetResult();
        });
        var stopAt = settings.WarmUp + settings.Duration;
        var perUser = await Task.WhenAll(users.Select((user, index) => Task.Run(async () =>
        {
            var results = new List<TurnResult>();
            var script = Script.For(user);
            var turn = index % script.Count;
            var measured = 0;
            while (settings.TurnsPerUser is { } limit ? measured < limit : clock.Elapsed < stopAt)
            {
                var step = script[turn++ % script.Count];
                var counted = measuring.Task.IsCompleted;
                var result = await client.SendAsync(step.Command, Activities.Message(user, step.Text), CancellationToken.None);
                if (counted)
                {
                    results.Add(result);
                    measured++;
                }

                if (settings.ThinkTime > TimeSpan.Zero)
                {
                    await Task.Delay(settings.ThinkTime);
                }
            }

            return results;
        })));
        var elapsed = clock.Elapsed - measureStart;
        await warmUp;
        return new LoadResult(perUser.SelectMany(r => r).ToList(), elapsed);
    }
}

public sealed record LoadResult(IReadOnlyList<TurnResult> Turns, TimeSpan Elapsed)
{
    public double TurnsPerSecond => Turns.Count / Elapsed.TotalSeconds;
}

public sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max, int Errors, int NotAvailable)
{
    public static LatencySummary Of(IReadOnlyCollection<TurnResult> turns)
    {
        var sorted = turns.Select(t => t.Milliseconds).Order().ToArray();
        return new LatencySummary(
            sorted.Length,
            Percentile(sorted, 50),
            Percentile(sorted, 95),
            Percentile(sorted, 99),
            sorted.Length == 0 ? 0 : sorted[^1],
            turns.Count(t => t.IsError),
            turns.Count(t => t.Outcome == TurnOutcome.NotAvailable));
    }

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
