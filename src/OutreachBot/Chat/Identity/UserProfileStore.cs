using System.Text.Json;
using OutreachBot.Domain.Storage;

namespace OutreachBot.Chat.Identity;

/// <summary>User profiles in the storage port: partition = user key, one row per user. Updates are ETag-guarded.</summary>
public sealed class UserProfileStore(IEntityStore store, TimeProvider clock)
{
    public const string Table = "UserProfiles";
    private const string Row = "profile";
    private const int MaxAttempts = 5;

    public async Task<UserProfile> GetAsync(UserKey user, CancellationToken cancellationToken)
    {
        var entity = await store.GetAsync(Table, user.PartitionKey, Row, cancellationToken);
        return entity is null ? new UserProfile() : Deserialize(entity);
    }

    /// <summary>Applies <paramref name="change"/> to the latest profile, re-reading and retrying when another writer got there first.</summary>
    public async Task<UserProfile> UpdateAsync(UserKey user, Func<UserProfile, UserProfile> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var entity = await store.GetAsync(Table, user.PartitionKey, Row, cancellationToken);
            var current = entity is null ? new UserProfile() : Deserialize(entity);
            var updated = change(current);
            if (updated == current)
            {
                return current;
            }

            updated = updated with { UpdatedAt = clock.GetUtcNow() };
            var json = JsonSerializer.Serialize(updated, JsonSerializerOptions.Web);
            try
            {
                if (entity is null)
                {
                    await store.InsertAsync(Table, user.PartitionKey, Row, json, cancellationToken);
                }
                else
                {
                    await store.ReplaceAsync(Table, entity with { Json = json }, cancellationToken);
                }

                return updated;
            }
            catch (EntityConflictException) when (attempt < MaxAttempts)
            {
            }
        }
    }

    private static UserProfile Deserialize(StoredEntity entity) =>
        JsonSerializer.Deserialize<UserProfile>(entity.Json, JsonSerializerOptions.Web) ?? new UserProfile();
}
