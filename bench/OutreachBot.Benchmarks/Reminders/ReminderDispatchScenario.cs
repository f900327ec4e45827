using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using OutreachBot.Domain.Reminders;
using OutreachBot.Domain.Storage.Reminders;
using OutreachBot.Storage;

namespace OutreachBot.Benchmarks.Reminders;

/// <summary>
/// End-to-end dispatcher scenario on the real clock (not BenchmarkDotNet: one long run, not a micro-benchmark):
/// 100,000 reminders scheduled, 10,000 of them due at once, delivered through an in-process transport within
/// Teams' per-conversation limits; then the process CPU time while nothing is due.
/// Run: dotnet run -c Release --project bench/OutreachBot.Benchmarks -- reminders [idleSeconds]
/// </summary>
public static class ReminderDispatchScenario
{
    private const int Scheduled = 100_000;
    private const int Due = 10_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var idleSeconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        Console.WriteLine($"Reminders: {Scheduled:N0} scheduled, {Due:N0} due at once; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine("| conversations | schedule 100k (s) | deliver 10k (s) | passes | CPU during delivery (s) | max msgs in any 1 s / 2 s / 30 s per conversation |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var conversations in new[] { Due, 100 })
        {
            await DeliverBacklogAsync(conversations);
        }

        await MeasureIdleAsync(idleSeconds);
        return 0;
    }

    private static async Task DeliverBacklogAsync(int conversations)
    {
        var time = TimeProvider.System;
        var repository = new ReminderRepository(new InMemoryEntityStore(), time);
        var scheduling = Stopwatch.StartNew();
        await ScheduleAsync(repository, time.GetUtcNow(), conversations);
        scheduling.Stop();

        var delivery = new CountingDelivery(Due);
        var dispatcher = new ReminderDispatcher(repository, delivery, time);
        using var stop = new CancellationTokenSource();
        var cpuBefore = CpuTime();
        var clock = Stopwatch.StartNew();
        var loop = dispatcher.RunAsync(stop.Token);
        while (!delivery.AllDelivered.Task.IsCompleted && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.WhenAny(delivery.AllDelivered.Task, Task.Delay(5000));
            Console.Error.WriteLine($"{clock.Elapsed.TotalSeconds:F0}s delivered {delivery.Count} passes {dispatcher.PassCount}");
        }

        clock.Stop();
        var cpu = CpuTime() - cpuBefore;
        await stop.CancelAsync();
        await loop;

        var busiest = new[] { 1, 2, 30 }.Select(s => delivery.BusiestWindow(TimeSpan.FromSeconds(s)));
        Console.WriteLine($"| {conversations:N0} | {scheduling.Elapsed.TotalSeconds:F1} | {clock.Elapsed.TotalSeconds:F1} | {dispatcher.PassCount} | {cpu.TotalSeconds:F1} | {string.Join(" / ", busiest)} |");
    }

    private static async Task MeasureIdleAsync(int seconds)
    {
        var time = TimeProvider.System;
        var repository = new ReminderRepository(new InMemoryEntityStore(), time);
        await ScheduleAsync(repository, time.GetUtcNow().AddHours(1), conversations: 1000, dueNow: 0);
        var dispatcher = new ReminderDispatcher(repository, new CountingDelivery(1), time);
        using var stop = new CancellationTokenSource();
        var loop = dispatcher.RunAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));
        GC.Collect();
        var cpuBefore = CpuTime();
        var passesBefore = dispatcher.PassCount;
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var cpu = CpuTime() - cpuBefore;
        var passes = dispatcher.PassCount - passesBefore;
        await stop.CancelAsync();
        await loop;
        Console.WriteLine();
        Console.WriteLine($"Idle: {Scheduled:N0} scheduled, next due in 1 h; over {seconds} s of RunAsync the process used {cpu.TotalMilliseconds:F0} ms CPU ({cpu.TotalMilliseconds / seconds / 10:F3} % of one core) in {passes} passes.");
    }

    private static async Task ScheduleAsync(ReminderRepository repository, DateTimeOffset now, int conversations, int dueNow = Due)
    {
        var random = new Random(42);
        for (var i = 0; i < Scheduled; i++)
        {
            var due = i < dueNow ? now.AddSeconds(-random.Next(1, 60)) : now.AddMinutes(random.Next(60, 60 * 24 * 30));
            var reminder = Reminder.CreateManual("user-" + (i % 5000), "conv-" + (i % conversations), "跟进支付中台", due, now);
            await repository.ScheduleAsync(reminder);
        }
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private sealed class CountingDelivery(int expected) : IReminderDelivery
    {
        private readonly ConcurrentDictionary<string, ConcurrentQueue<long>> sent = new();
        private int delivered;

        public int Count => Volatile.Read(ref delivered);

        public TaskCompletionSource AllDelivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<DeliveryResult> SendAsync(Reminder reminder, string idempotencyKey, bool isLate, CancellationToken cancellationToken)
        {
            sent.GetOrAdd(reminder.ConversationKey, _ => new ConcurrentQueue<long>()).Enqueue(Stopwatch.GetTimestamp());
            if (Interlocked.Increment(ref delivered) == expected)
            {
                AllDelivered.TrySetResult();
            }

            return Task.FromResult(DeliveryResult.Success);
        }

        public int BusiestWindow(TimeSpan span)
        {
            var ticks = (long)(span.TotalSeconds * Stopwatch.Frequency);
            var busiest = 0;
            foreach (var times in sent.Values)
            {
                var ordered = times.Order().ToArray();
                for (int start = 0, end = 0; end < ordered.Length; end++)
                {
                    while (ordered[end] - ordered[start] >= ticks)
                    {
                        start++;
                    }

                    busiest = Math.Max(busiest, end - start + 1);
                }
            }

            return busiest;
        }
    }
}
