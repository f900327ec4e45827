using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OutreachBot.Domain.Storage;

namespace OutreachBot.Storage.BotState;

/// <summary>
/// Bot Framework state (conversation, user, flow) kept in the <see cref="IEntityStore"/>. Each state key is its own
/// partition, so reads and writes are point operations that spread across partitions. Writes honour ETags: a value
/// carrying an ETag other than "*" is written only if the stored one still matches, otherwise
/// <see cref="EntityConflictException"/> surfaces through <see cref="BotState.SaveChangesAsync"/>.
/// JSON is read with TypeNameHandling.None: a "$type" in stored data never chooses a .NET type.
/// </summary>
public sealed class EntityStoreBotStorage(IEntityStore store, string table = EntityStoreBotStorage.DefaultTable) : IStorage
{
    public const string DefaultTable = "BotState";
    internal const string RowKey = "state";
    private const string ETagProperty = "eTag";

    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.None,
        MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        MaxDepth = 64,
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            var entity = await store.GetAsync(table, PartitionKeyFor(key), RowKey, cancellationToken).ConfigureAwait(false);
            if (entity is null)
            {
                continue;
            }

            var state = JsonConvert.DeserializeObject<JToken>(entity.Json, Settings) as JObject
                ?? throw new InvalidDataException($"Stored bot state for '{key}' is not a JSON object.");
            state[ETagProperty] = entity.ETag;
            items[key] = state;
        }

        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            var state = value is null ? new JObject() : JObject.FromObject(value, Serializer);
            var etag = value is IStoreItem item ? item.ETag : state[ETagProperty]?.Value<string>();
            foreach (var property in state.Properties().Where(p => string.Equals(p.Name, ETagProperty, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                property.Remove();
            }

            var json = state.ToString(Formatting.None);
            var partitionKey = PartitionKeyFor(key);
            var written = string.IsNullOrEmpty(etag) || etag == "*"
                ? await store.UpsertAsync(table, partitionKey, RowKey, json, cancellationToken).ConfigureAwait(false)
                : await ReplaceAsync(new StoredEntity(partitionKey, RowKey, json, etag), cancellationToken).ConfigureAwait(false);
            // BotState writes its cached dictionary and may save again in the same turn: hand the new ETag back,
            // or the second save would be refused as stale.
            switch (value)
            {
                case IStoreItem storeItem:
                    storeItem.ETag = written.ETag;
                    break;
                case IDictionary<string, object> dictionary:
                    dictionary[ETagProperty] = written.ETag;
                    break;
                case JObject jObject:
                    jObject[ETagProperty] = written.ETag;
                    break;
            }
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            await store.DeleteAsync(table, PartitionKeyFor(key), RowKey, etag: null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The partition that holds the state of a Bot Framework key such as "msteams/conversations/19:abc@thread.skype".</summary>
    public static string PartitionKeyFor(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var encoded = StorageKey.Encode(key);
        if (encoded.Length <= StorageKey.MaxLength)
        {
            return encoded;
        }

        // Keys this long only come from unusual channels; a hash keeps them unique within the key limit.
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return encoded[..(StorageKey.MaxLength - hash.Length - 1)] + "~" + hash;
    }

    private async Task<StoredEntity> ReplaceAsync(StoredEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            return await store.ReplaceAsync(table, entity, cancellationToken).ConfigureAwait(false);
        }
        catch (EntityNotFoundException exception)
        {
            // Written with an ETag but deleted since: the writer's view is stale, exactly like a changed ETag.
            throw new EntityConflictException(table, entity.PartitionKey, entity.RowKey, inner: exception);
        }
    }
}
