using System.Text.Json;
using OutreachBot.Domain.Storage;

namespace OutreachBot.Storage.UserProfiles;

/// <summary>
/// User profiles in the storage port: partition = user key, one row per user. Updates are ETag-guarded.
/// Beside them, in <see cref="LinkTable"/>: an index of who linked themselves to which directory person (partition
/// "links", one row per user, rewritten after each change of the link), so a lead's reports can be found as chat users;
/// and one claim per directory person (partition "persons", row = person id, inserted or replaced under its ETag), so a
/// person is linked to one chat user at most.
/// </summary>
public sealed class UserProfileStore(IEntityStore store, TimeProvider clock)
{
    public const string Table = "UserProfiles";
    public const string LinkTable = "UserPersonLinks";
    private const string LinkPartition = "links";
    private const string ClaimPartition = "persons";
    /// <summary>The profile's row in the user's partition (their states in conversations sit beside it, see UserStateStore).</summary>
    public const string Row = "profile";
    private const int MaxLinkRewrites = 5;

    public async Task<UserProfile> GetAsync(UserKey user, CancellationToken cancellationToken)
    {
        var entity = await store.GetAsync(Table, user.PartitionKey, Row, cancellationToken);
        return entity is null ? new UserProfile() : Deserialize(entity);
    }

    /// <summary>Applies <paramref name="change"/> to the latest profile, re-reading and retrying when another writer got there first.</summary>
    public async Task<UserProfile> UpdateAsync(UserKey user, Func<UserProfile, UserProfile> change, CancellationToken cancellationToken) =>
        (await UpdateAsync(user, known: null, change, cancellationToken)).Profile;

    /// <summary>
    /// Applies <paramref name="change"/> starting from <paramref name="known"/>, the profile as this turn read it, so a
    /// change costs one write and no read: the write is guarded by the known ETag (an insert when there was no row),
    /// and only when another writer got there first is the profile read again and the change re-applied. Null: read first.
    /// Nothing is written when the change leaves the profile as it was.
    /// </summary>
    public async Task<StoredProfile> UpdateAsync(UserKey user, StoredProfile? known, Func<UserProfile, UserProfile> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var first = known;
        var (current, updated) = await OptimisticConcurrency.RetryAsync(
            async token =>
            {
                var read = first ?? FromRow(await store.GetAsync(Table, user.PartitionKey, Row, token));
                first = null;
                var changed = change(read.Profile);
                if (changed == read.Profile)
                {
                    return (read, read);
                }

                changed = changed with { UpdatedAt = clock.GetUtcNow() };
                var json = JsonSerializer.Serialize(changed, JsonSerializerOptions.Web);
                var written = read.ETag is null
                    ? await store.InsertAsync(Table, user.PartitionKey, Row, json, token)
                    : await store.ReplaceAsync(Table, new StoredEntity(user.PartitionKey, Row, json, read.ETag), token);
                return (read, new StoredProfile(changed, written.ETag));
            },
            cancellationToken);
        if (updated.Profile.PersonId != current.Profile.PersonId)
        {
            await WriteLinkAsync(user, updated.Profile.PersonId, cancellationToken);
        }

        return updated;
    }

    /// <summary>The profile in a row read with others (see UserStateStore); no row is a new user's empty profile.</summary>
    public static StoredProfile FromRow(StoredEntity? row) =>
        row is null ? new StoredProfile(new UserProfile(), null) : new StoredProfile(Deserialize(row), row.ETag);

    /// <summary>
    /// Links <paramref name="user"/> to the directory person <paramref name="personId"/> unless another user holds them:
    /// a verified claim (matched from the channel's e-mail) is never taken; an unverified one (typed) gives way only to
    /// a verified claim, and its holder loses the link. A claim row whose holder has moved on is free. The user's
    /// previous person, if any, is released.
    /// </summary>
    /// <param name="email">Also stored as the profile's e-mail (the channel's, or the one typed).</param>
    public async Task<PersonClaimResult> ClaimPersonAsync(UserKey user, string personId, bool verified, string? email, CancellationToken cancellationToken)
    {
        var row = StorageKey.Encode(personId);
        var (linked, holderVerified, displaced) = await OptimisticConcurrency.RetryAsync<(bool, bool, string?)>(
            async token =>
            {
                var existing = await store.GetAsync(LinkTable, ClaimPartition, row, token);
                var claim = existing is null ? null : JsonSerializer.Deserialize<PersonClaim>(existing.Json, JsonSerializerOptions.Web);
                IEnumerable<(string UserKey, bool Verified)> holders = claim is null
                    ? (await FindLinkedAsync(new HashSet<string>(StringComparer.Ordinal) { personId }, token)).Select(l => (l.UserKey, l.Verified)) // links made before claims existed
                    : (await GetAsync(new UserKey(claim.UserKey), token)).PersonId == personId ? [(claim.UserKey, claim.Verified)] : [];
                string? displacedHolder = null;
                foreach (var (holderKey, holderIsVerified) in holders.Where(h => h.UserKey != user.Value))
                {
                    if (holderIsVerified || !verified)
                    {
                        return (false, holderIsVerified, null);
                    }

                    displacedHolder = holderKey;
                }

                var json = JsonSerializer.Serialize(new PersonClaim(user.Value, verified), JsonSerializerOptions.Web);
                if (existing is null)
                {
                    await store.InsertAsync(LinkTable, ClaimPartition, row, json, token);
                }
                else if (existing.Json != json)
                {
                    await store.ReplaceAsync(LinkTable, existing with { Json = json }, token);
                }

                return (true, false, displacedHolder);
            },
            cancellationToken);
        if (!linked)
        {
            return new PersonClaimResult(false, await GetAsync(user, cancellationToken), holderVerified);
        }

        if (displaced is not null)
        {
            await UpdateAsync(new UserKey(displaced), p => p.PersonId == personId ? p with { PersonId = null, PersonVerified = false } : p, cancellationToken);
        }

        var previous = (await GetAsync(user, cancellationToken)).PersonId;
        var updated = await UpdateAsync(user, p => p with { PersonId = personId, PersonVerified = verified, Email = email ?? p.Email }, cancellationToken);
        if (previous is not null && previous != personId)
        {
            await ReleaseClaimAsync(user, previous, cancellationToken);
        }

        return new PersonClaimResult(true, updated, false);
    }

    /// <summary>Removes the user's link to a directory person (and their claim on that person).</summary>
    public async Task<UserProfile> UnlinkPersonAsync(UserKey user, CancellationToken cancellationToken)
    {
        var previous = (await GetAsync(user, cancellationToken)).PersonId;
        var updated = await UpdateAsync(user, p => p with { PersonId = null, PersonVerified = false }, cancellationToken);
        if (previous is not null)
        {
            await ReleaseClaimAsync(user, previous, cancellationToken);
        }

        return updated;
    }

    private async Task ReleaseClaimAsync(UserKey user, string personId, CancellationToken cancellationToken)
    {
        var existing = await store.GetAsync(LinkTable, ClaimPartition, StorageKey.Encode(personId), cancellationToken);
        if (existing is not null && JsonSerializer.Deserialize<PersonClaim>(existing.Json, JsonSerializerOptions.Web)?.UserKey == user.Value)
        {
            try
            {
                await store.DeleteAsync(LinkTable, ClaimPartition, existing.RowKey, existing.ETag, cancellationToken);
            }
            catch (Exception exception) when (OptimisticConcurrency.IsLostRace(exception))
            {
                // Someone claimed the person meanwhile: the row is theirs now.
            }
        }
    }

    /// <summary>
    /// The chat users linked to any of <paramref name="personIds"/>, checked against their profiles (a link row left
    /// behind by an interrupted update is ignored), with whether each link is verified.
    /// </summary>
    public async Task<IReadOnlyList<LinkedUser>> FindLinkedAsync(IReadOnlySet<string> personIds, CancellationToken cancellationToken)
    {
        var found = new List<LinkedUser>();
        await foreach (var row in store.ReadAllAsync(LinkTable, LinkPartition, RowKeyRange.All, cancellationToken: cancellationToken))
        {
            var link = JsonSerializer.Deserialize<LinkedUser>(row.Json, JsonSerializerOptions.Web);
            if (link is not null && personIds.Contains(link.PersonId)
                && await GetAsync(new UserKey(link.UserKey), cancellationToken) is { } profile && profile.PersonId == link.PersonId)
            {
                found.Add(link with { Verified = profile.PersonVerified });
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

/// <summary>A profile with the ETag of the row it was read from (null: no row yet), for a write without a read.</summary>
public sealed record StoredProfile(UserProfile Profile, string? ETag);

public sealed record LinkedUser(string UserKey, string PersonId)
{
    /// <summary>Whether the link was matched from the channel's e-mail (not stored in the index: read from the profile).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Verified { get; init; }
}

/// <param name="Linked">False when another user holds the person.</param>
/// <param name="Profile">The user's profile after the claim.</param>
/// <param name="HeldByVerifiedUser">When refused: the holder's link is verified by their channel.</param>
public sealed record PersonClaimResult(bool Linked, UserProfile Profile, bool HeldByVerifiedUser);

internal sealed record PersonClaim(string UserKey, bool Verified);
