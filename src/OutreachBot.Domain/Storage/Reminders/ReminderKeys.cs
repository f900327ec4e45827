using System.Globalization;

namespace OutreachBot.Domain.Storage.Reminders;

/// <summary>
/// Reminders in one table, two kinds of partition: <c>user-{owner}</c> / <c>{id}</c> holds the reminder itself;
/// <c>due-{n}</c> / <c>{ticks of FireAt}-{id}</c> is the due-time index, spread over n partitions by a hash of the id.
/// </summary>
internal static class ReminderKeys
{
    public const string Table = "Reminders";

    public static string UserPartition(string ownerKey) => "user-" + StorageKey.Encode(ownerKey);

    public static string DuePartition(int shard) => "due-" + shard.ToString(CultureInfo.InvariantCulture);
}
