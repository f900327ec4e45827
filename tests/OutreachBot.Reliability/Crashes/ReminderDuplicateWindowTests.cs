using System.Collections.Concurrent;
using System.Globalization;
using OutreachBot.Domain.Reminders;
using OutreachBot.Domain.Storage.Reminders;
using OutreachBot.Storage.ReminderDeliveries;
using Xunit.Abstractions;

namespace OutreachBot.Reliability.Crashes;

/// <summary>
/// The reminder duplicate window (docs/reliability.md): a reminder is at-least-once, sent twice only when the bot dies
/// after the Bot Connector posted it and before the delivery log recorded that. These kills are aimed: the fake connector
/// holds the request either after it posted the reminder (inside the window) or before (outside), the bot is killed with
/// SIGKILL while it waits, restarted on the same SQLite file, and retries once the claim's lease runs out.
/// </summary>
public sealed class ReminderDuplicateWindowTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10); // the smallest the bot accepts
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMilliseconds(20);
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("outreachbot-duplicate-window-");

    public void Dispose() => scratch.Delete(recursive: true);

    private string Database => Path.Combine(scratch.FullName, "outreachbot.db");

    private Dictionary<string, string> Settings(int maxConcurrentDeliveries = 8) => new()
    {
        ["Storage__Provider"] = "Sqlite",
        ["Storage__Sqlite__Path"] = Database,
        ["Reminders__IdlePollInterval"] = "00:00:01",
        ["Reminders__LeaseDuration"] = Lease.ToString(),
        ["Reminders__MaxConcurrentDeliveries"] = maxConcurrentDeliveries.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task A_SIGKILL_after_the_connector_posted_a_reminder_repeats_it_at_most_once_and_a_kill_before_the_post_sends_it_exactly_once()
    {
        var kills = Long.Pick(1, 10);
        await using var connector = await FakeBotConnector.StartAsync();
        var held = new ConcurrentDictionary<string, TaskCompletionSource>();
        connector.BeforePosting = (activity, aborted) => HoldFirstAsync(held, activity, "before", aborted);
        connector.AfterPosting = (activity, aborted) => HoldFirstAsync(held, activity, "after", aborted);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        var port = RepositoryPaths.FreeLoopbackPort();
        var pm = new ChatUser(http, new Uri($"http://127.0.0.1:{port}/api/messages"), SimulatedUser.Create("window-kill", 1, "en-US"));
        using var store = new SqliteEntityStore(new SqliteStorageOptions { Path = Database });
        var repository = new ReminderRepository(store, TimeProvider.System);
        var rounds = new List<(Reminder Posted, Reminder NotPosted)>();
        var bot = await BotProcess.StartAsync(RepositoryPaths.OutreachBotDll, Settings(), port);
        try
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await pm.SayViaAsync(connector.ServiceUrl.AbsoluteUri, "help")).Status);
            for (var round = 0; round < kills; round++)
            {
                // The holds are set before the reminders exist, so the dispatcher cannot get to one first.
                var posted = Due(pm, $"after-{round}", "Follow up with Risk Management Center");
                var notPosted = Due(pm, $"before-{round}", "Send the one-pager to Payments Platform");
                held[posted.Id + ":after"] = new(TaskCreationOptions.RunContinuationsAsynchronously);
                held[notPosted.Id + ":before"] = new(TaskCreationOptions.RunContinuationsAsynchronously);
                await repository.ScheduleAsync(posted);
                await repository.ScheduleAsync(notPosted);
                rounds.Add((posted, notPosted));

                // Killed while the connector holds both requests: one posted and unanswered, one not yet posted.
                await Task.WhenAll(held[posted.Id + ":after"].Task, held[notPosted.Id + ":before"].Task).WaitAsync(TimeSpan.FromSeconds(30));
                bot.Kill();
                await bot.DisposeAsync();
                bot = await BotProcess.StartAsync(RepositoryPaths.OutreachBotDll, Settings(), port);

                // Both retried once the lease ran out; the next kill comes only after, so it cannot catch these retries.
                Assert.True(await Eventually.HoldsAsync(() => AllSentAsync(repository, [posted, notPosted]), Lease + TimeSpan.FromSeconds(30)), $"round {round}: not both reminders were marked Sent after the restart");
            }
        }
        finally
        {
            await bot.DisposeAsync();
        }

        var delivered = connector.RemindersDelivered;
        var duplicates = rounds.Sum(r => delivered.GetValueOrDefault(r.Posted.Id) - 1);
        output.WriteLine($"{kills} aimed kill(s) inside the window: {duplicates} duplicate(s); {kills} kill(s) before the post: {rounds.Sum(r => delivered.GetValueOrDefault(r.NotPosted.Id) - 1)} duplicate(s)");
        Assert.All(rounds, r => Assert.InRange(delivered.GetValueOrDefault(r.Posted.Id), 1, 2));
        Assert.All(rounds, r => Assert.Equal(1, delivered.GetValueOrDefault(r.NotPosted.Id)));
    }

    [Fact]
    public async Task The_window_from_the_connectors_post_to_the_delivery_log_record_is_measured_at_three_connector_latencies()
    {
        var perLatency = Long.Pick(24, 200);
        const int PerConversation = 8; // within Teams' 8 messages per 2 s per conversation
        await using var connector = await FakeBotConnector.StartAsync();
        var latency = TimeSpan.Zero;
        connector.AfterPosting = (_, aborted) => latency > TimeSpan.Zero ? Task.Delay(latency, aborted) : Task.CompletedTask; // the connector's own time after it commits
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        var port = RepositoryPaths.FreeLoopbackPort();
        using var store = new SqliteEntityStore(new SqliteStorageOptions { Path = Database });
        var repository = new ReminderRepository(store, TimeProvider.System);
        var log = new ReminderDeliveryLog(store, TimeProvider.System);
        output.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}; {Environment.ProcessorCount} cores");
        await using var bot = await BotProcess.StartAsync(RepositoryPaths.OutreachBotDll, Settings(maxConcurrentDeliveries: 32), port);

        var results = new List<(TimeSpan Latency, Reminder[] Reminders)>();
        foreach (var milliseconds in new[] { 0, 200, 2000 })
        {
            latency = TimeSpan.FromMilliseconds(milliseconds);
            var reminders = new List<Reminder>();
            for (var user = 0; user < perLatency / PerConversation; user++)
            {
                var pm = new ChatUser(http, bot.MessagesEndpoint, SimulatedUser.Create($"window-{milliseconds}", user, "en-US"));
                Assert.Equal(System.Net.HttpStatusCode.OK, (await pm.SayViaAsync(connector.ServiceUrl.AbsoluteUri, "help")).Status);
                for (var n = 0; n < PerConversation; n++)
                {
                    reminders.Add(await ScheduleAsync(repository, pm, $"{milliseconds}-{user}-{n}", $"Follow up #{n}"));
                }
            }

            Assert.True(await Eventually.HoldsAsync(() => AllSentAsync(repository, reminders), TimeSpan.FromSeconds(120)), $"not all sent at {milliseconds} ms");
            results.Add((latency, [.. (await Task.WhenAll(reminders.Select(r => repository.GetAsync(r.OwnerKey, r.Id)))).OfType<Reminder>()]));
        }

        output.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        var posts = connector.Received.Where(r => r.ReminderId is not null).ToDictionary(r => r.ReminderId!, r => r.At);
        foreach (var (connectorLatency, reminders) in results)
        {
            var logged = new List<TimeSpan>();
            var marked = new List<TimeSpan>();
            foreach (var reminder in reminders)
            {
                var record = await log.FindAsync(reminder.IdempotencyKey, CancellationToken.None);
                Assert.NotNull(record);
                logged.Add(record.SentAt - posts[reminder.Id]);
                marked.Add(reminder.SentAt!.Value - posts[reminder.Id]);
            }

            // The delay runs on the monotonic timer, the stamps on the wall clock: they may disagree by a few milliseconds.
            Assert.All(logged, window => Assert.True(window >= connectorLatency - ClockSlack, $"the log record came {window.TotalMilliseconds} ms after the post, before the connector's {connectorLatency.TotalMilliseconds} ms answer"));
            output.WriteLine($"connector latency {connectorLatency.TotalMilliseconds,5} ms, {reminders.Length} deliveries: post → log record p50 {P(logged, 50)} ms, p99 {P(logged, 99)} ms, max {P(logged, 100)} ms; post → marked Sent p50 {P(marked, 50)} ms, p99 {P(marked, 99)} ms");
        }

        Assert.All(connector.RemindersDelivered, d => Assert.Equal(1, d.Value));
        Assert.Equal(results.Sum(r => r.Reminders.Length), connector.RemindersDelivered.Count);
    }

    /// <summary>Holds the first request of a reminder marked for this point until the bot abandons it (it is killed).</summary>
    private static async Task HoldFirstAsync(ConcurrentDictionary<string, TaskCompletionSource> held, ReceivedActivity activity, string point, CancellationToken aborted)
    {
        if (activity.ReminderId is { } id && held.TryGetValue(id + ":" + point, out var signal) && signal.TrySetResult())
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, aborted);
        }
    }

    /// <summary>A reminder as <c>remind</c> makes it (same owner, same conversation), due a second from now.</summary>
    private static Reminder Due(ChatUser pm, string tag, string text)
    {
        var now = DateTimeOffset.UtcNow;
        return Reminder.CreateManual("aad:" + pm.User.AadObjectId, "a:" + pm.User.Id + "-personal", $"{text} ({tag})", now.AddSeconds(1), now);
    }

    private static async Task<Reminder> ScheduleAsync(ReminderRepository repository, ChatUser pm, string tag, string text)
    {
        var reminder = Due(pm, tag, text);
        await repository.ScheduleAsync(reminder);
        return reminder;
    }

    private static async Task<bool> AllSentAsync(ReminderRepository repository, IEnumerable<Reminder> reminders) =>
        (await Task.WhenAll(reminders.Select(r => repository.GetAsync(r.OwnerKey, r.Id)))).All(r => r?.State == ReminderState.Sent);

    private static string P(List<TimeSpan> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1);
        return sorted[rank].TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
    }
}
