using OutreachBot.Domain.Storage.Reminders;
using static OutreachBot.Domain.Tests.Reminders.ReminderBuilder;

namespace OutreachBot.Domain.Tests.Reminders;

public sealed class ReminderDispatcherTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider time = new(Epoch);
    private readonly InMemoryEntityStore store = new();
    private readonly RecordingDelivery delivery = new();
    private readonly ReminderRepository repository;

    public ReminderDispatcherTests() => repository = new ReminderRepository(store, time);

    [Fact]
    public async Task A_reminder_is_sent_once_at_its_time_and_not_before()
    {
        var reminder = await Scheduled(AReminder().DueAt(Epoch.AddHours(1)));
        var dispatcher = ADispatcher();

        var early = await dispatcher.RunOnceAsync();
        time.Advance(TimeSpan.FromHours(1));
        var onTime = await dispatcher.RunOnceAsync();
        var again = await dispatcher.RunOnceAsync();

        Assert.Equal(0, early.Delivered);
        Assert.Equal(Epoch.AddHours(1), early.NextWakeAt);
        Assert.Equal(1, onTime.Delivered);
        Assert.Equal(0, again.Delivered);
        var send = Assert.Single(delivery.Sends);
        Assert.Equal(reminder.IdempotencyKey, send.IdempotencyKey);
        Assert.False(send.IsLate);
        Assert.Equal(ReminderState.Sent, (await Stored(reminder)).State);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_with_exponential_backoff_and_the_same_key()
    {
        var reminder = await Scheduled(AReminder().DueAt(Epoch));
        delivery.ThenAnswer(new DeliveryResult.TransientFailure("503")).ThenAnswer(new DeliveryResult.TransientFailure("502"));
        var dispatcher = ADispatcher(jitter: 1.0);

        await dispatcher.RunOnceAsync();
        var afterFirst = await Stored(reminder);
        time.Advance(TimeSpan.FromSeconds(10));
        await dispatcher.RunOnceAsync();
        var afterSecond = await Stored(reminder);
        time.Advance(TimeSpan.FromSeconds(19));
        var tooEarly = await dispatcher.RunOnceAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.RunOnceAsync();

        Assert.Equal(Epoch.AddSeconds(10), afterFirst.FireAt);
        Assert.Equal("503", afterFirst.LastError);
        Assert.Equal(Epoch.AddSeconds(30), afterSecond.FireAt);
        Assert.Equal(0, tooEarly.Delivered);
        Assert.Equal(3, delivery.Sends.Count);
        Assert.All(delivery.Sends, s => Assert.Equal(reminder.IdempotencyKey, s.IdempotencyKey));
        var sent = await Stored(reminder);
        Assert.Equal(ReminderState.Sent, sent.State);
        Assert.Equal(3, sent.Attempts);
    }

    [Fact]
    public void Backoff_doubles_is_capped_and_jitter_takes_off_at_most_half()
    {
        var options = new ReminderDispatcherOptions { BaseRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(1) };
        var full = ADispatcher(options, jitter: 1.0);
        var least = ADispatcher(options, jitter: 0.0);

        Assert.Equal(TimeSpan.FromSeconds(10), full.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(40), full.Backoff(3));
        Assert.Equal(TimeSpan.FromMinutes(1), full.Backoff(10));
        Assert.Equal(TimeSpan.FromSeconds(20), least.Backoff(3));
    }

    [Fact]
    public async Task After_the_last_attempt_the_reminder_is_marked_failed_and_leaves_the_index()
    {
        var reminder = await Scheduled(AReminder().DueAt(Epoch));
        delivery.ThenAnswer(new DeliveryResult.TransientFailure("503")).ThenAnswer(new DeliveryResult.TransientFailure("504"));
        var dispatcher = ADispatcher(new ReminderDispatcherOptions { MaxAttempts = 2 });

        await DriveUntilIdle(dispatcher, TimeSpan.FromHours(1));

        var stored = await Stored(reminder);
        Assert.Equal(ReminderState.Failed, stored.State);
        Assert.Equal("504", stored.LastError);
        Assert.Equal(2, delivery.Sends.Count);
        Assert.Null((await dispatcher.RunOnceAsync()).NextWakeAt);
    }

    [Fact]
    public async Task Retry_after_is_honoured_for_that_reminder_and_its_conversation()
    {
        var first = await Scheduled(AReminder().InConversation("conv-1").DueAt(Epoch));
        delivery.ThenAnswer(new DeliveryResult.RetryAfter(TimeSpan.FromSeconds(30)));
        var dispatcher = ADispatcher(new ReminderDispatcherOptions { MaxConcurrentDeliveries = 1 });
        await dispatcher.RunOnceAsync();
        await Scheduled(AReminder().InConversation("conv-1").DueAt(Epoch.AddSeconds(5)));

        time.Advance(TimeSpan.FromSeconds(29));
        var whileThrottled = await dispatcher.RunOnceAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        var afterwards = await dispatcher.RunOnceAsync();

        Assert.Equal(0, whileThrottled.Delivered);
        Assert.Equal(1, whileThrottled.Throttled);
        Assert.Equal(Epoch.AddSeconds(30), whileThrottled.NextWakeAt);
        Assert.Equal(2, afterwards.Delivered);
        Assert.Equal(1, (await Stored(first)).Attempts);
    }

    [Fact]
    public async Task A_blocked_conversation_stops_retrying_and_records_why()
    {
        var reminder = await Scheduled(AReminder().DueAt(Epoch));
        delivery.ThenAnswer(new DeliveryResult.Blocked("403 MessageWritesBlocked"));
        var dispatcher = ADispatcher();

        await dispatcher.RunOnceAsync();
        time.Advance(TimeSpan.FromDays(1));
        var later = await dispatcher.RunOnceAsync();

        var stored = await Stored(reminder);
        Assert.Equal(ReminderState.Blocked, stored.State);
        Assert.Equal("403 MessageWritesBlocked", stored.LastError);
        Assert.Single(delivery.Sends);
        Assert.Null(later.NextWakeAt);
    }

    [Fact]
    public async Task A_throwing_transport_counts_as_a_transient_failure()
    {
        var reminder = await Scheduled(AReminder().DueAt(Epoch));
        delivery.BeforeAnswer = (_, _) => throw new HttpRequestException("connection reset");
        var dispatcher = ADispatcher();

        var pass = await dispatcher.RunOnceAsync();

        Assert.Equal(1, pass.Retried);
        var stored = await Stored(reminder);
        Assert.Equal(ReminderState.Scheduled, stored.State);
        Assert.Contains("connection reset", stored.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_dispatchers_over_one_store_deliver_each_of_a_thousand_reminders_exactly_once()
    {
        for (var i = 0; i < 1000; i++)
        {
            await Scheduled(AReminder().InConversation("conv-" + (i % 50)).DueAt(Epoch.AddSeconds(-i)));
        }

        delivery.BeforeAnswer = async (_, _) => await Task.Yield();
        var first = ADispatcher(instanceId: "instance-a");
        var second = ADispatcher(instanceId: "instance-b");

        for (var round = 0; round < 200 && delivery.Delivered.Count < 1000; round++)
        {
            var passes = await Task.WhenAll(Task.Run(() => first.RunOnceAsync()), Task.Run(() => second.RunOnceAsync()));
            var next = passes.Select(p => p.NextWakeAt).Where(t => t is not null).DefaultIfEmpty(null).Min();
            if (next is { } wakeAt && wakeAt > time.GetUtcNow())
            {
                time.SetUtcNow(wakeAt);
            }
        }

        Assert.Equal(1000, delivery.Sends.Count);
        Assert.Equal(1000, delivery.Sends.Select(s => s.ReminderId).Distinct().Count());
        Assert.Empty(await repository.ListForOwnerAsync("aad:alice"));
    }

    [Fact]
    public async Task A_claim_left_by_a_crashed_instance_is_retried_after_its_lease_with_the_same_key()
    {
        var reminder = await Scheduled(AReminder().DueAt(Epoch));
        using var crash = new CancellationTokenSource();
        var crashing = new RecordingDelivery
        {
            BeforeAnswer = async (_, token) =>
            {
                await crash.CancelAsync();
                token.ThrowIfCancellationRequested();
            },
        };
        var crashed = new ReminderDispatcher(repository, crashing, time, instanceId: "crashed");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => crashed.RunOnceAsync(crash.Token));
        var survivor = ADispatcher(instanceId: "survivor");

        var duringLease = await survivor.RunOnceAsync();
        time.Advance(new ReminderDispatcherOptions().LeaseDuration);
        var afterLease = await survivor.RunOnceAsync();

        Assert.Equal(1, duringLease.ClaimedElsewhere);
        Assert.Equal(Epoch + new ReminderDispatcherOptions().LeaseDuration, duringLease.NextWakeAt);
        Assert.Equal(1, afterLease.Delivered);
        var send = Assert.Single(delivery.Sends);
        Assert.Equal(reminder.IdempotencyKey, send.IdempotencyKey);
        var stored = await Stored(reminder);
        Assert.Equal(ReminderState.Sent, stored.State);
        Assert.Equal(2, stored.Attempts);
    }

    [Fact]
    public async Task A_reminder_due_while_the_bot_was_down_is_sent_at_start_up_labelled_late()
    {
        var reminder = await Scheduled(AReminder().DueAt(Epoch.AddHours(1)));
        time.Advance(TimeSpan.FromHours(3));
        var restarted = ADispatcher();

        var pass = await restarted.RunOnceAsync();

        Assert.Equal(1, pass.Delivered);
        Assert.True(Assert.Single(delivery.Sends).IsLate);
        Assert.True((await Stored(reminder)).Late);
    }

    [Fact]
    public async Task Messages_to_one_conversation_stay_within_teams_limits()
    {
        for (var i = 0; i < 20; i++)
        {
            await Scheduled(AReminder().InConversation("busy").DueAt(Epoch));
        }

        var dispatcher = ADispatcher();

        var first = await dispatcher.RunOnceAsync();
        time.SetUtcNow(first.NextWakeAt!.Value);
        var second = await dispatcher.RunOnceAsync();

        Assert.Equal(7, first.Delivered);
        Assert.Equal(13, first.Throttled);
        Assert.Equal(Epoch.AddSeconds(1.25), first.NextWakeAt);
        Assert.Equal(1, second.Delivered);
    }

    [Fact]
    public async Task Due_reminders_are_sent_while_the_clock_moves_during_the_pass()
    {
        for (var i = 0; i < 10; i++)
        {
            await Scheduled(AReminder().InConversation("conv-" + i).DueAt(Epoch));
        }

        time.AutoAdvanceAmount = TimeSpan.FromMilliseconds(1);

        var pass = await ADispatcher().RunOnceAsync();

        Assert.Equal(10, pass.Delivered);
    }

    [Fact]
    public async Task A_snooze_that_lands_during_a_send_wins_and_fires_again_with_a_new_key()
    {
        var reminder = await Scheduled(AReminder().DueAt(Epoch));
        var snoozeOnce = 0;
        delivery.BeforeAnswer = async (r, _) =>
        {
            if (Interlocked.Exchange(ref snoozeOnce, 1) == 0)
            {
                await repository.SnoozeAsync(r.OwnerKey, r.Id, Epoch.AddHours(1));
            }
        };
        var dispatcher = ADispatcher();

        await dispatcher.RunOnceAsync();
        var afterFirstSend = await Stored(reminder);
        time.Advance(TimeSpan.FromHours(1));
        await dispatcher.RunOnceAsync();

        Assert.Equal(ReminderState.Scheduled, afterFirstSend.State);
        Assert.Equal(Epoch.AddHours(1), afterFirstSend.FireAt);
        Assert.Equal([reminder.IdempotencyKey, reminder.Id + ":1"], delivery.Sends.Select(s => s.IdempotencyKey));
        Assert.Equal(ReminderState.Sent, (await Stored(reminder)).State);
    }

    [Fact]
    public async Task A_cancelled_reminder_is_never_sent()
    {
        var reminder = await Scheduled(AReminder().DueAt(Epoch));
        await repository.CancelAsync(reminder.OwnerKey, reminder.Id);

        await ADispatcher().RunOnceAsync();

        Assert.Empty(delivery.Sends);
    }

    [Fact]
    public async Task An_orphaned_index_entry_is_removed_after_the_grace_period()
    {
        var orphan = AReminder().DueAt(Epoch).Build();
        var entry = DueIndexEntry.For(orphan, Epoch, repository.Options.DueIndexPartitions);
        await store.InsertAsync(ReminderRepository.Table, entry.PartitionKey, entry.RowKey, System.Text.Json.JsonSerializer.Serialize(entry, ReminderRepository.Json));
        var dispatcher = ADispatcher();

        var withinGrace = await dispatcher.RunOnceAsync();
        time.Advance(repository.Options.IndexRepairGrace);
        var afterGrace = await dispatcher.RunOnceAsync();

        Assert.Equal(0, withinGrace.Repaired);
        Assert.Equal(Epoch + repository.Options.IndexRepairGrace, withinGrace.NextWakeAt);
        Assert.Equal(1, afterGrace.Repaired);
        Assert.Null((await dispatcher.RunOnceAsync()).NextWakeAt);
    }

    [Fact]
    public async Task The_loop_sleeps_until_the_next_due_time_and_then_sends()
    {
        await Scheduled(AReminder().DueAt(Epoch.AddSeconds(40)));
        var dispatcher = ADispatcher();
        await using var loop = await RunningLoop.StartAsync(dispatcher);

        var asleep = dispatcher.NextSleepAsync();
        time.Advance(TimeSpan.FromSeconds(40));
        await asleep.WaitAsync(Safety);

        Assert.Equal(Epoch.AddSeconds(40), loop.FirstWake);
        Assert.Single(delivery.Delivered);
        Assert.Equal(2, dispatcher.PassCount);
    }

    [Fact]
    public async Task While_nothing_is_due_the_loop_only_checks_once_per_idle_interval()
    {
        var dispatcher = ADispatcher();
        await using var loop = await RunningLoop.StartAsync(dispatcher);

        var asleep = dispatcher.NextSleepAsync();
        time.Advance(TimeSpan.FromSeconds(59));
        var passesBeforeTheInterval = dispatcher.PassCount;
        time.Advance(TimeSpan.FromSeconds(1));
        await asleep.WaitAsync(Safety);

        Assert.Equal(Epoch.AddMinutes(1), loop.FirstWake);
        Assert.Equal(1, passesBeforeTheInterval);
        Assert.Equal(2, dispatcher.PassCount);
    }

    [Fact]
    public async Task Wake_makes_the_loop_pick_up_a_reminder_due_sooner_than_it_planned()
    {
        await Scheduled(AReminder().DueAt(Epoch.AddHours(5)));
        var dispatcher = ADispatcher(new ReminderDispatcherOptions { IdlePollInterval = TimeSpan.FromHours(1) });
        await using var loop = await RunningLoop.StartAsync(dispatcher);

        var asleep = dispatcher.NextSleepAsync();
        await Scheduled(AReminder().DueAt(Epoch.AddSeconds(10)));
        dispatcher.Wake();
        var secondWake = await asleep.WaitAsync(Safety);

        Assert.Equal(Epoch.AddHours(1), loop.FirstWake);
        Assert.Equal(Epoch.AddSeconds(10), secondWake);
    }

    [Fact]
    public async Task Wake_for_a_reminder_firing_after_the_planned_wake_up_leaves_the_loop_asleep()
    {
        var dispatcher = ADispatcher(new ReminderDispatcherOptions { IdlePollInterval = TimeSpan.FromHours(1) });
        await using var loop = await RunningLoop.StartAsync(dispatcher);

        var wokenForLater = dispatcher.Wake(Epoch.AddHours(5));
        var wokenForSooner = dispatcher.Wake(Epoch.AddMinutes(10));

        Assert.Equal(Epoch.AddHours(1), loop.FirstWake);
        Assert.False(wokenForLater);
        Assert.True(wokenForSooner);
    }

    private ReminderDispatcher ADispatcher(ReminderDispatcherOptions? options = null, double jitter = 0.5, string? instanceId = null) =>
        new(repository, delivery, time, options, instanceId, jitter: () => jitter);

    private async Task<Reminder> Scheduled(ReminderBuilder builder) => (await repository.ScheduleAsync(builder.Build())).Reminder;

    private async Task<Reminder> Stored(Reminder reminder) => (await repository.GetAsync(reminder.OwnerKey, reminder.Id))!;

    private async Task DriveUntilIdle(ReminderDispatcher dispatcher, TimeSpan limit)
    {
        var end = time.GetUtcNow() + limit;
        while (time.GetUtcNow() < end)
        {
            var pass = await dispatcher.RunOnceAsync();
            if (pass.NextWakeAt is not { } next)
            {
                return;
            }

            time.SetUtcNow(next);
        }
    }

    /// <summary>The dispatcher's loop running in the background from its first sleep until the test ends; stopping it must not hang.</summary>
    private sealed class RunningLoop : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private Task loop = Task.CompletedTask;

        public DateTimeOffset FirstWake { get; private set; }

        public static async Task<RunningLoop> StartAsync(ReminderDispatcher dispatcher)
        {
            var running = new RunningLoop();
            var asleep = dispatcher.NextSleepAsync();
            running.loop = dispatcher.RunAsync(running.stop.Token);
            running.FirstWake = await asleep.WaitAsync(Safety);
            return running;
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await loop.WaitAsync(Safety);
            stop.Dispose();
        }
    }
}
