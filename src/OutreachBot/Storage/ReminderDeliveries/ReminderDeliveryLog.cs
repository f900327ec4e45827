using System.Text.Json;
using OutreachBot.Domain.Storage;

namespace OutreachBot.Storage.ReminderDeliveries;

/// <summary>
/// What the connector accepted, per idempotency key (reminder id + occurrence): partition = reminder id, row = occurrence.
/// Written right after the connector's 2xx and read before every send, so a retry of a delivery whose first attempt
/// got through (crash or lost lease after the send, before the reminder was marked Sent) is not sent again.
/// </summary>
public sealed class ReminderDeliveryLog(IEntityStore store, TimeProvider time)
{
    public const string Table = "ReminderDeliveries";

    public async Task<DeliveryRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(idempotencyKey);
        var entity = await store.GetAsync(Table, partition, row, cancellationToken);
        return entity is null ? null : JsonSerializer.Deserialize<DeliveryRecord>(entity.Json, JsonSerializerOptions.Web);
    }

    public async Task RecordAsync(string idempotencyKey, string conversationId, string? activityId, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(idempotencyKey);
        var record = new DeliveryRecord(idempotencyKey, conversationId, activityId, time.GetUtcNow());
        await store.UpsertAsync(Table, partition, row, JsonSerializer.Serialize(record, JsonSerializerOptions.Web), cancellationToken);
    }

    private static (string Partition, string Row) Keys(string idempotencyKey)
    {
        var separator = idempotencyKey.LastIndexOf(':');
        return separator <= 0
            ? (StorageKey.Encode(idempotencyKey), "0")
            : (StorageKey.Encode(idempotencyKey[..separator]), StorageKey.Encode(idempotencyKey[(separator + 1)..]));
    }
}

public sealed record DeliveryRecord(string IdempotencyKey, string ConversationId, string? ActivityId, DateTimeOffset SentAt);
