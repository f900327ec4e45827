using OutreachBot.Domain.Storage.Reminders;
using static OutreachBot.Domain.Tests.Reminders.ReminderBuilder;

namespace OutreachBot.Domain.Tests.Storage.Reminders;

public sealed class ReminderRepositoryTests
{
    private readonly FakeTimeProvider time = new(Epoch);
    private readonly CountingEntityStore store = new(new InMemoryEntityStore());
    private readonly ReminderRepository repository;

    public ReminderRepositoryTests() => repository = new ReminderRepository(store, time);

    [Fact]
    public async Task A_reminder_is_in_the_due_index_only_once_its_time_has_come()
    {
        var reminder = AReminder().DueAt(Epoch.AddHours(2)).Build();
        await repository.ScheduleAsync(reminder);

        var before = await DueIds(Epoch.AddHours(2).AddTicks(-1));
        var at = await DueIds(Epoch.AddHours(2));

        Assert.Empty(before);
        Assert.Equal([reminder.Id], at);
    }

    [Fact]
    public async Task Reading_what_is_due_touches_only_due_entries_not_the_whole_schedule()
    {
        for (var i = 0; i < 500; i++)
        {
            await repository.ScheduleAsync(AReminder().DueAt(Epoch.AddDays(1).AddMinutes(i)).Build());
        }

        await repository.ScheduleAsync(AReminder().DueAt(Epoch.AddMinutes(5)).Build());
        store.Reset();

        var due = await DueIds(Epoch.AddMinutes(10));

        Assert.Single(due);
        Assert.Equal(1, store.QueriedEntities);
    }

    [Fact]
    public async Task The_next_fire_time_is_the_earliest_one_after_now()
    {
        await repository.ScheduleAsync(AReminder().DueAt(Epoch.AddHours(5)).Build());
        await repository.ScheduleAsync(AReminder().DueAt(Epoch.AddHours(3)).Build());

        var next = await repository.NextFireAtAsync(Epoch, default);

        Assert.Equal(Epoch.AddHours(3), next);
    }

    [Fact]
    public async Task My_reminders_are_listed_by_due_time_without_other_users_or_cancelled_ones()
    {
        var later = AReminder().OwnedBy("aad:alice").DueAt(Epoch.AddDays(2)).Build();
        var sooner = AReminder().OwnedBy("aad:alice").DueAt(Epoch.AddDays(1)).Build();
        var cancelled = AReminder().OwnedBy("aad:alice").DueAt(Epoch.AddHours(1)).Build();
        var someoneElses = AReminder().OwnedBy("aad:bob/ops").DueAt(Epoch.AddHours(1)).Build();
        foreach (var reminder in new[] { later, sooner, cancelled, someoneElses })
        {
            await repository.ScheduleAsync(reminder);
        }

        await repository.CancelAsync("aad:alice", cancelled.Id);

        var mine = await repository.ListForOwnerAsync("aad:alice");
        var all = await repository.ListForOwnerAsync("aad:alice", includeFinished: true);

        Assert.Equal([sooner.Id, later.Id], mine.Select(r => r.Id));
        Assert.Equal(3, all.Count);
    }

    [Fact]
    public async Task Cancelling_removes_the_reminder_from_the_due_index()
    {
        var reminder = AReminder().DueAt(Epoch.AddHours(1)).Build();
        await repository.ScheduleAsync(reminder);

        var result = await repository.CancelAsync(reminder.OwnerKey, reminder.Id);

        Assert.Equal(ReminderChangeStatus.Changed, result.Status);
        Assert.Equal(ReminderState.Cancelled, result.Reminder!.State);
        Assert.Empty(await DueIds(Epoch.AddDays(1)));
    }

    [Fact]
    public async Task Cancelling_twice_or_an_unknown_reminder_says_so()
    {
        var reminder = AReminder().Build();
        await repository.ScheduleAsync(reminder);
        await repository.CancelAsync(reminder.OwnerKey, reminder.Id);

        var again = await repository.CancelAsync(reminder.OwnerKey, reminder.Id);
        var unknown = await repository.CancelAsync(reminder.OwnerKey, "nope");

        Assert.Equal(ReminderChangeStatus.AlreadyFinished, again.Status);
        Assert.Equal(ReminderChangeStatus.NotFound, unknown.Status);
    }

    [Fact]
    public async Task Snoozing_moves_the_index_entry_and_starts_a_new_occurrence()
    {
        var reminder = AReminder().DueAt(Epoch.AddHours(1)).Build();
        await repository.ScheduleAsync(reminder);

        var result = await repository.SnoozeAsync(reminder.OwnerKey, reminder.Id, Epoch.AddDays(1));

        Assert.Equal(ReminderChangeStatus.Changed, result.Status);
        Assert.Empty(await DueIds(Epoch.AddHours(23)));
        Assert.Equal([reminder.Id], await DueIds(Epoch.AddDays(1)));
        Assert.NotEqual(reminder.IdempotencyKey, result.Reminder!.IdempotencyKey);
        Assert.Equal(Epoch.AddDays(1), result.Reminder.Due);
    }

    [Fact]
    public async Task Scheduling_the_same_reminder_twice_keeps_one_reminder_and_one_index_entry()
    {
        var reminder = AReminder().WithId("auto-deadline-1").Build();

        var first = await repository.ScheduleAsync(reminder);
        var second = await repository.ScheduleAsync(reminder);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Single(await repository.ListForOwnerAsync(reminder.OwnerKey));
        Assert.Single(await DueIds(Epoch.AddDays(1)));
    }

    [Fact]
    public async Task Rescheduling_a_snoozed_automatic_reminder_does_not_bring_back_its_old_time()
    {
        var reminder = AReminder().WithId("auto-noreply-1").DueAt(Epoch.AddHours(1)).Build();
        await repository.ScheduleAsync(reminder);
        await repository.SnoozeAsync(reminder.OwnerKey, reminder.Id, Epoch.AddDays(2));

        var again = await repository.ScheduleAsync(reminder);

        Assert.False(again.Created);
        Assert.Empty(await DueIds(Epoch.AddDays(1)));
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused()
    {
        var reminder = AReminder().Build();
        await repository.ScheduleAsync(reminder);
        var stale = await repository.GetVersionedAsync(reminder.OwnerKey, reminder.Id, default);
        await repository.SnoozeAsync(reminder.OwnerKey, reminder.Id, Epoch.AddDays(1));

        var replaced = await repository.TryReplaceAsync(stale!, reminder with { Text = "changed" }, default);

        Assert.Null(replaced);
        Assert.Equal(reminder.Text, (await repository.GetAsync(reminder.OwnerKey, reminder.Id))!.Text);
    }

    private async Task<List<string>> DueIds(DateTimeOffset now)
    {
        var ids = new List<string>();
        await foreach (var entry in repository.ReadDueAsync(now, default))
        {
            ids.Add(entry.ReminderId);
        }

        return ids;
    }
}
