using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Directory.Referrals;
using OutreachBot.Domain.Storage;
using OutreachBot.Domain.Text;
using static OutreachBot.Domain.Storage.Directory.DirectoryKeys;

namespace OutreachBot.Domain.Storage.Directory;

/// <summary>Which directory is live: its version id and size, and when it was imported.</summary>
public sealed record DirectoryVersion(string Id, int Chunks, int Departments, int People, DateTimeOffset ImportedAt);

/// <summary>
/// Keeps the live org directory in the entity store, so every bot instance sees the same one. A save writes a complete
/// new version in chunks (each well under the 1 MiB entity limit), then switches the pointer with an ETag-conditional
/// replace: until that switch, readers keep loading the previous version, and a save that fails half-way changes
/// nothing. The version before the current one is kept for readers still loading it; older ones are deleted.
/// Past introductions are stored here too, because the referral graph needs them next to the directory.
/// </summary>
public sealed class DirectoryRepository(IEntityStore store, TimeProvider time, int maxChunkBytes = DirectoryRepository.DefaultMaxChunkBytes)
{
    public const string Table = DirectoryKeys.Table;
    public const string IntroductionsTable = DirectoryKeys.IntroductionsTable;
    public const int DefaultMaxChunkBytes = 400_000;

    /// <summary>How often a load re-reads when the version it started with was replaced while it read the chunks.</summary>
    private const int MaxLoadAttempts = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The live version, or null before the first import.</summary>
    public async Task<DirectoryVersion?> GetCurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        var pointer = await store.GetAsync(Table, PointerPartition, PointerRow, cancellationToken).ConfigureAwait(false);
        return pointer is null ? null : JsonSerializer.Deserialize<PointerDocument>(pointer.Json, Json)!.Current;
    }

    /// <summary>Stores the directory as a new version and makes it the live one.</summary>
    public async Task<DirectoryVersion> SaveAsync(OrgDirectory directory, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var versionId = StorageKey.OldestFirst(now) + "-" + Guid.NewGuid().ToString("N")[..8];
        await store.InsertAsync(Table, VersionsPartition, versionId, "{}", cancellationToken).ConfigureAwait(false);

        var chunks = Chunk(directory);
        for (var i = 0; i < chunks.Count; i++)
        {
            await store.InsertAsync(Table, ChunkPartition(versionId), ChunkRow(i), chunks[i], cancellationToken).ConfigureAwait(false);
        }

        var version = new DirectoryVersion(versionId, chunks.Count, directory.Departments.Count, directory.People.Count, now);
        var previous = await SwitchPointerAsync(version, cancellationToken).ConfigureAwait(false);
        await DeleteOldVersionsAsync(keep: [versionId, .. previous is null ? Array.Empty<string>() : [previous.Id]], cancellationToken).ConfigureAwait(false);
        return version;
    }

    /// <summary>The live directory, or null before the first import.</summary>
    public async Task<(DirectoryVersion Version, OrgDirectory Directory)?> LoadAsync(CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await GetCurrentVersionAsync(cancellationToken).ConfigureAwait(false) is not { } version)
            {
                return null;
            }

            var json = new List<string>(version.Chunks);
            await foreach (var entity in ReadPartitionAsync(Table, ChunkPartition(version.Id), cancellationToken).ConfigureAwait(false))
            {
                json.Add(entity.Json);
            }

            // Parsed on every core (the chunks are independent), then joined in row order with one string per distinct id.
            var documents = new ChunkDocument[json.Count];
            Parallel.For(0, json.Count, new ParallelOptions { CancellationToken = cancellationToken },
                i => documents[i] = JsonSerializer.Deserialize(json[i], DirectoryJsonContext.Default.ChunkDocument)!);
            json.Clear();
            var departments = new List<Department>(version.Departments);
            var people = new List<Person>(version.People);
            var pool = new StringPool();
            foreach (var chunk in documents)
            {
                departments.AddRange(chunk.D.Select(d => d.ToDepartment(pool)));
                people.AddRange(chunk.P.Select(p => p.ToPerson(pool)));
            }

            var chunks = documents.Length;
            if (chunks == version.Chunks)
            {
                return (version, new OrgDirectory(departments, people));
            }

            if (attempt == MaxLoadAttempts)
            {
                throw new StorageUnavailableException($"Directory version {version.Id} has {chunks} of {version.Chunks} chunks.");
            }
        }
    }

    /// <summary>
    /// Records each introduction once per (introducer, introduced, to): the row key is that triple, so pressing
    /// "I was introduced" again adds nothing. Returns the introductions that were new.
    /// </summary>
    public async Task<IReadOnlyList<RecordedIntroduction>> RecordIntroductionsAsync(IEnumerable<RecordedIntroduction> introductions, CancellationToken cancellationToken = default)
    {
        var added = new List<RecordedIntroduction>();
        foreach (var introduction in introductions)
        {
            var row = string.Join('~', StorageKey.Encode(introduction.IntroducerId), StorageKey.Encode(introduction.IntroducedId), StorageKey.Encode(introduction.ToPersonId));
            try
            {
                await store.InsertAsync(IntroductionsTable, AllPartition, row, JsonSerializer.Serialize(introduction, Json), cancellationToken).ConfigureAwait(false);
                added.Add(introduction);
            }
            catch (EntityConflictException)
            {
                // Recorded before (by this user or another instance): once is enough.
            }
        }

        return added;
    }

    /// <summary>Every recorded introduction, oldest first.</summary>
    public async Task<IReadOnlyList<RecordedIntroduction>> ListIntroductionsAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<RecordedIntroduction>();
        await foreach (var entity in ReadPartitionAsync(IntroductionsTable, AllPartition, cancellationToken).ConfigureAwait(false))
        {
            all.Add(JsonSerializer.Deserialize<RecordedIntroduction>(entity.Json, Json)!);
        }

        return all;
    }

    internal IReadOnlyList<string> Chunk(OrgDirectory directory)
    {
        var chunks = new List<string>();
        var departments = new List<string>();
        var people = new List<string>();
        var size = 0;
        foreach (var department in directory.Departments)
        {
            Add(departments, JsonSerializer.Serialize(StoredDepartment.From(department), Json));
        }

        foreach (var person in directory.People)
        {
            Add(people, JsonSerializer.Serialize(StoredPerson.From(person), Json));
        }

        Flush();
        return chunks;

        void Add(List<string> list, string json)
        {
            var bytes = Encoding.UTF8.GetByteCount(json) + 1;
            if (size + bytes > maxChunkBytes && size > 0)
            {
                Flush();
            }

            list.Add(json);
            size += bytes;
        }

        void Flush()
        {
            if (size == 0 && chunks.Count > 0)
            {
                return;
            }

            chunks.Add($"{{\"d\":[{string.Join(',', departments)}],\"p\":[{string.Join(',', people)}]}}");
            departments.Clear();
            people.Clear();
            size = 0;
        }
    }

    /// <summary>Points "current" at the new version; on a conflict another import won the race, so re-read and switch again (last import wins).</summary>
    private async Task<DirectoryVersion?> SwitchPointerAsync(DirectoryVersion version, CancellationToken cancellationToken) =>
        await OptimisticConcurrency.RetryAsync(
            async token =>
            {
                var existing = await store.GetAsync(Table, PointerPartition, PointerRow, token).ConfigureAwait(false);
                var json = JsonSerializer.Serialize(new PointerDocument(version), Json);
                if (existing is null)
                {
                    await store.InsertAsync(Table, PointerPartition, PointerRow, json, token).ConfigureAwait(false);
                    return null;
                }

                await store.ReplaceAsync(Table, existing with { Json = json }, token).ConfigureAwait(false);
                return JsonSerializer.Deserialize<PointerDocument>(existing.Json, Json)!.Current;
            },
            cancellationToken).ConfigureAwait(false);

    private async Task DeleteOldVersionsAsync(IReadOnlyList<string> keep, CancellationToken cancellationToken)
    {
        var versions = new List<string>();
        await foreach (var entity in ReadPartitionAsync(Table, VersionsPartition, cancellationToken).ConfigureAwait(false))
        {
            versions.Add(entity.RowKey);
        }

        // Only versions older than every kept one: a newer one may be an import still being written.
        var oldestKept = keep.Min(StringComparer.Ordinal)!;
        foreach (var old in versions.Where(v => string.CompareOrdinal(v, oldestKept) < 0))
        {
            var rows = new List<string>();
            await foreach (var chunk in ReadPartitionAsync(Table, ChunkPartition(old), cancellationToken).ConfigureAwait(false))
            {
                rows.Add(chunk.RowKey);
            }

            foreach (var row in rows)
            {
                await store.DeleteAsync(Table, ChunkPartition(old), row, null, cancellationToken).ConfigureAwait(false);
            }

            await store.DeleteAsync(Table, VersionsPartition, old, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private IAsyncEnumerable<StoredEntity> ReadPartitionAsync(string table, string partition, CancellationToken cancellationToken) =>
        store.ReadAllAsync(table, partition, RowKeyRange.All, cancellationToken: cancellationToken);
}
