using System.Text.Json.Serialization;
using OutreachBot.Domain.Reminders;

namespace OutreachBot.Domain.Storage.Reminders;

/// <summary>A reminder as read, with the ETag its next conditional write needs.</summary>
internal sealed record VersionedReminder(Reminder Reminder, string ETag);

/// <summary>One row of the due-time index. Its key is immutable (fire time + id), so it is written once and deleted, never updated.</summary>
internal sealed record DueIndexEntry(string OwnerKey, string ReminderId, string ConversationKey, DateTimeOffset FireAt, DateTimeOffset CreatedAt, int Shard)
{
    [JsonIgnore]
    public string PartitionKey => Partition(Shard);

    [JsonIgnore]
    public string RowKey => StorageKey.OldestFirst(FireAt) + "-" + ReminderId;

    public static string Partition(int shard) => ReminderKeys.DuePartition(shard);

    public static DueIndexEntry For(Reminder reminder, DateTimeOffset now, int shards) =>
        new(reminder.OwnerKey, reminder.Id, reminder.ConversationKey, reminder.FireAt, now, ShardOf(reminder.Id, shards));

    private static int ShardOf(string id, int shards)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)shards);
    }
}
