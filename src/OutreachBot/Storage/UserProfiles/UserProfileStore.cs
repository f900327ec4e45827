using System.Text.Json;
using OutreachBot.Chat.Identity;
using OutreachBot.Domain.Storage;

namespace OutreachBot.Storage.UserProfiles;

/// <summary>
/// User profiles in the storage port: partition = user key, one row per user. Updates are ETag-guarded.
/// Beside them, an index of who linked themselves to which directory person (one row per user, rewritten after each
/// change of the link), so a lead's reports can be found as chat users.
/// </summary>
public sealed class UserProfileStore(IEntityStore store, TimeProvider clock)
{
    public const string Table = "UserProfiles";
    public const string LinkTable = "UserPersonLinks";
    private const string LinkPartition = "links";
    private const string Row = "profile";
    private const int MaxLinkRewrites = 5;

    public async Task<UserProfile> GetAsync(UserKey user, CancellationToken cancellationToken)
    {
        var entity = await store.GetAsync(Table, user.PartitionKey, Row, cancellationToken);
        return entity is null ? new UserProfile() : Deserialize(entity);
    }

    /// <summary>Applies <paramref name="change"/> to the latest profile, re-reading and retrying when another writer got there first.</summary>
    public async Task<UserProfile> UpdateAsync(UserKey user, Func<UserProfile, UserProfile> change, CancellationToken cancellationToken)
    {
        var (current, updated) = await OptimisticConcurrency.RetryAsync(
            async token =>
            {
                var entity = await store.GetAsync(Table, user.PartitionKey, Row, token);
                var current = entity is null ? new UserProfile() : Deserialize(entity);
                var updated = change(current);
                if (updated == current)
                {
                    return (current, current);
                }

                updated = updated with { UpdatedAt = clock.GetUtcNow() };
                var json = JsonSerializer.Serialize(updated, JsonSerializerOptions.Web);
                if (entity is null)
                {
                    await store.InsertAsync(Table, user.PartitionKey, Row, json, token);
                }
                else
                {
                    await store.ReplaceAsync(Table, entity with { Json = json }, token);
                }

                return (current, updated);
            },
            cancellationToken);
        if (updated.PersonId != current.PersonId)
        {
            await WriteLinkAsync(user, updated.PersonId, cancellationToken);
        }

        return updated;
    }

    /// <summary>
    /// The chat users linked to any of <paramref name="personIds"/>, checked against their profiles (a link row left
    /// behind by an interrupted update is ignored).
    /// </summary>
    public async Task<IReadOnlyList<LinkedUser>> FindLinkedAsync(IReadOnlySet<string> personIds, CancellationToken cancellationToken)
    {
        var found = new List<LinkedUser>();
        await foreach (var row in store.ReadAllAsync(LinkTable, LinkPartition, RowKeyRange.All, cancellationToken: cancellationToken))
        {
            var link = JsonSerializer.Deserialize<LinkedUser>(row.Json, JsonSerializerOptions.Web);
            if (link is not null && personIds.Contains(link.PersonId)
                && (await GetAsync(new UserKey(link.UserKey), cancellationToken)).PersonId == link.PersonId)
            {
                found.Add(link);
            }
        }

        return found;
    }

    /// <summary>
    /// One row per user, written after the profile. A concurrent update may write its link in between, so the latest
    /// profile is read back and written again until the row agrees with it.
    /// </summary>
    private async Task WriteLinkAsync(UserKey user, string? personId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxLinkRewrites; attempt++)
        {
            if (personId is null)
            {
                await store.DeleteAsync(LinkTable, LinkPartition, user.PartitionKey, etag: null, cancellationToken);
            }
            else
            {
                await store.UpsertAsync(LinkTable, LinkPartition, user.PartitionKey, JsonSerializer.Serialize(new LinkedUser(user.Value, personId), JsonSerializerOptions.Web), cancellationToken);
            }

            var latest = (await GetAsync(user, cancellationToken)).PersonId;
            if (latest == personId)
            {
                return;
            }

            personId = latest;
        }
    }

    private static UserProfile Deserialize(StoredEntity entity) =>
        JsonSerializer.Deserialize<UserProfile>(entity.Json, JsonSerializerOptions.Web) ?? new UserProfile();
}

public sealed record LinkedUser(string UserKey, string PersonId);
