using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.StageTwo;
using OutreachBot.Domain.Storage;
using OutreachBot.Domain.Storage.Outreaches;
using static OutreachBot.Domain.Storage.StageTwo.StageTwoKeys;

namespace OutreachBot.Domain.Storage.StageTwo;

/// <summary>The outreach and partner department a user last chose for stage 2; no department for a choice made before partners were kept.</summary>
public sealed record StageTwoFocus(string OutreachId, string? DepartmentId);

/// <summary>Either a value or the reasons (in both languages) there is none; nothing was changed on failure.</summary>
public sealed record StageTwoResult<T>(T? Value, IReadOnlyList<StageTwoError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static StageTwoResult<T> Success(T value) => new(value, []);

    public static StageTwoResult<T> Failure(IReadOnlyList<StageTwoError> errors) => new(default, errors);
}

/// <summary>
/// Stores the stage-2 material of each outreach in one partition per outreach: the material document (ETag
/// read-modify-write, retried on conflict) and the imported bids in chunk rows named by import. The material
/// belongs to the outreach: every call first asks <see cref="OutreachService"/> whether the requester may see it,
/// and a requester who may not gets the same answer as for an outreach that does not exist.
/// </summary>
public sealed class StageTwoRepository(IEntityStore store, OutreachService outreaches, TimeProvider time)
{
    public const string Table = StageTwoKeys.Table;
    public const int MaxBids = 100_000;
    public const int MaxBidTextLength = 1_000;
    private const int MaxChunkChars = 200_000;
    private const int ChunksPerBatch = 4;

    // Bid chunks hold up to MaxChunkChars each: a few per page keeps a read's memory small.
    private const int ChunkPageSize = 16;
    private const int MaxMaterialChars = 100_000;

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<StageTwoResult<StageTwoMaterial>> GetAsync(Requester requester, string outreachId, CancellationToken cancellationToken = default)
    {
        if (await AccessAsync(requester, outreachId, cancellationToken) is { } denied)
        {
            return StageTwoResult<StageTwoMaterial>.Failure(denied);
        }

        var row = await store.GetAsync(Table, outreachId, MaterialRow, cancellationToken);
        return StageTwoResult<StageTwoMaterial>.Success(row is null ? StageTwoMaterial.Empty(outreachId) : Read(row, outreachId));
    }

    /// <summary>Applies <paramref name="change"/> to the latest stored material and saves it; an invalid change saves nothing.</summary>
    public async Task<StageTwoResult<StageTwoMaterial>> UpdateAsync(
        Requester requester, string outreachId, Func<StageTwoMaterial, Validated<StageTwoMaterial>> change, CancellationToken cancellationToken = default)
    {
        if (await AccessAsync(requester, outreachId, cancellationToken) is { } denied)
        {
            return StageTwoResult<StageTwoMaterial>.Failure(denied);
        }

        return await SaveAsync(outreachId, change, cancellationToken);
    }

    /// <summary>
    /// Replaces the outreach's bids with <paramref name="bids"/> (an already validated import). The new chunks are
    /// written first, then the material switches to them under its ETag, then the old chunks are deleted: a reader
    /// sees the old set or the new one, never a mix. With <paramref name="replacing"/> (a confirmed replacement, e.g.
    /// clearing the bids with an empty file) nothing changes unless that import is still the current one.
    /// </summary>
    public async Task<StageTwoResult<StageTwoMaterial>> ReplaceBidsAsync(
        Requester requester, string outreachId, IReadOnlyList<WinningBid> bids, string fileName, string? replacing = null, CancellationToken cancellationToken = default)
    {
        if (await AccessAsync(requester, outreachId, cancellationToken) is { } denied)
        {
            return StageTwoResult<StageTwoMaterial>.Failure(denied);
        }

        if (bids.Count > MaxBids)
        {
            return StageTwoResult<StageTwoMaterial>.Failure([new StageTwoError("bids.too_many", new Phrase("Bids.TooMany", MaxBids))]);
        }

        if (bids.Select((b, i) => (Bid: b, Line: i + 1)).FirstOrDefault(x => new[] { x.Bid.Competitor, x.Bid.Project, x.Bid.Customer, x.Bid.Region }.Any(t => t.Length > MaxBidTextLength)) is { Bid: not null } tooLong)
        {
            return StageTwoResult<StageTwoMaterial>.Failure([new StageTwoError("bids.text_too_long", new Phrase("Bids.TextTooLong", tooLong.Line, MaxBidTextLength))]);
        }

        var importId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var chunks = Chunks(bids).Select((json, i) => EntityOperation.Insert(BidsRow(importId, i), json)).ToList();
        foreach (var batch in chunks.Chunk(ChunksPerBatch))
        {
            await store.SubmitBatchAsync(Table, outreachId, batch, cancellationToken);
        }

        BidsImport? replaced = null;
        var summary = new BidsImport(importId, fileName, bids.Count, time.GetUtcNow(), chunks.Count);
        var saved = await SaveAsync(outreachId, m =>
        {
            if (replacing is not null && m.Bids?.ImportId != replacing)
            {
                return Validated<StageTwoMaterial>.Invalid(new StageTwoError("bids.import_changed", new(
                    "中标数据在你确认之前已经变了，没有做任何改动", "The imported bids changed before you confirmed; nothing was changed")));
            }

            replaced = m.Bids;
            return Validated<StageTwoMaterial>.Valid(m with { Bids = summary });
        }, cancellationToken);
        await DeleteChunksAsync(outreachId, saved.Succeeded ? replaced : summary, cancellationToken);
        return saved;
    }

    /// <summary>The bids of the last import, or none.</summary>
    public async Task<StageTwoResult<IReadOnlyList<WinningBid>>> LoadBidsAsync(Requester requester, string outreachId, CancellationToken cancellationToken = default)
    {
        var material = await GetAsync(requester, outreachId, cancellationToken);
        if (!material.Succeeded)
        {
            return StageTwoResult<IReadOnlyList<WinningBid>>.Failure(material.Errors);
        }

        if (material.Value!.Bids is not { } import)
        {
            return StageTwoResult<IReadOnlyList<WinningBid>>.Success([]);
        }

        var bids = new List<WinningBid>(import.Count);
        await foreach (var row in store.ReadAllAsync(Table, outreachId, RowKeyRange.WithPrefix(BidsPrefix(import.ImportId)), ChunkPageSize, cancellationToken))
        {
            bids.AddRange(JsonSerializer.Deserialize<List<BidDocument>>(row.Json, Json)!.Select(b => b.ToBid()));
        }

        return StageTwoResult<IReadOnlyList<WinningBid>>.Success(bids);
    }

    /// <summary>The outreach the user last chose to work on in stage 2, if any (it may since have become invisible to them).</summary>
    public async Task<string?> GetFocusAsync(string userKey, CancellationToken cancellationToken = default) =>
        (await GetFocusedPartnerAsync(userKey, cancellationToken))?.OutreachId;

    /// <summary>The outreach and partner the user last chose to work on in stage 2, if any (either may since have gone).</summary>
    public async Task<StageTwoFocus?> GetFocusedPartnerAsync(string userKey, CancellationToken cancellationToken = default) =>
        await store.GetAsync(Table, FocusPartition(userKey), FocusRow, cancellationToken) is { } row
            && JsonSerializer.Deserialize<FocusDocument>(row.Json, Json) is { } focus
            ? new StageTwoFocus(focus.OutreachId, focus.DepartmentId)
            : null;

    /// <summary>Remembers the outreach (and, when given, the partner department) the user works on in stage 2.</summary>
    public async Task<StageTwoResult<string>> SetFocusAsync(Requester requester, string outreachId, string? departmentId = null, CancellationToken cancellationToken = default)
    {
        if (await AccessAsync(requester, outreachId, cancellationToken) is { } denied)
        {
            return StageTwoResult<string>.Failure(denied);
        }

        // Only the user writes their own focus and no read precedes the write: last writer wins is right here.
        await store.UpsertAsync(
            Table, FocusPartition(requester.UserKey), FocusRow, JsonSerializer.Serialize(new FocusDocument(outreachId, time.GetUtcNow(), departmentId), Json), cancellationToken);
        return StageTwoResult<string>.Success(outreachId);
    }

    private async Task<StageTwoResult<StageTwoMaterial>> SaveAsync(string outreachId, Func<StageTwoMaterial, Validated<StageTwoMaterial>> change, CancellationToken cancellationToken)
    {
        try
        {
            return await OptimisticConcurrency.RetryAsync(token => TrySaveAsync(outreachId, change, token), cancellationToken);
        }
        catch (Exception exception) when (OptimisticConcurrency.IsLostRace(exception))
        {
            return StageTwoResult<StageTwoMaterial>.Failure([new StageTwoError("material.busy", new Phrase("Material.Busy"))]);
        }
    }

    /// <summary>One attempt: read the material, apply the change, write under the ETag (a lost race throws).</summary>
    private async ValueTask<StageTwoResult<StageTwoMaterial>> TrySaveAsync(string outreachId, Func<StageTwoMaterial, Validated<StageTwoMaterial>> change, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(Table, outreachId, MaterialRow, cancellationToken);
        var current = row is null ? StageTwoMaterial.Empty(outreachId) : Read(row, outreachId);
        var changed = change(current);
        if (!changed.IsValid)
        {
            return StageTwoResult<StageTwoMaterial>.Failure(changed.Errors);
        }

        var json = JsonSerializer.Serialize(MaterialDocument.From(changed.Value with { OutreachId = outreachId }), Json);
        if (json.Length > MaxMaterialChars)
        {
            return StageTwoResult<StageTwoMaterial>.Failure([new StageTwoError("material.too_large", new Phrase("Material.TooLarge"))]);
        }

        if (row is null)
        {
            await store.InsertAsync(Table, outreachId, MaterialRow, json, cancellationToken);
        }
        else
        {
            await store.ReplaceAsync(Table, row with { Json = json }, cancellationToken);
        }

        return StageTwoResult<StageTwoMaterial>.Success(changed.Value with { OutreachId = outreachId });
    }

    private async Task<IReadOnlyList<StageTwoError>?> AccessAsync(Requester requester, string outreachId, CancellationToken cancellationToken)
    {
        if (!OutreachRepository.IsWellFormedId(outreachId))
        {
            return NotFound(new OutreachNotFound());
        }

        var found = await outreaches.GetAsync(requester, outreachId, cancellationToken);
        return found.Error is { } error ? NotFound(error) : null;

        static IReadOnlyList<StageTwoError> NotFound(OutreachError error) => [new StageTwoError(error.Code, error.Message)];
    }

    private async Task DeleteChunksAsync(string outreachId, BidsImport? import, CancellationToken cancellationToken)
    {
        if (import is null)
        {
            return;
        }

        var rows = Enumerable.Range(0, import.Chunks).Select(i => EntityOperation.Delete(BidsRow(import.ImportId, i))).ToList();
        foreach (var batch in rows.Chunk(100))
        {
            await store.SubmitBatchAsync(Table, outreachId, batch, cancellationToken);
        }
    }

    /// <summary>JSON arrays of bids, each under <see cref="MaxChunkChars"/> characters whatever the length of the texts.</summary>
    private static IEnumerable<string> Chunks(IReadOnlyList<WinningBid> bids)
    {
        var chunk = new System.Text.StringBuilder("[");
        foreach (var bid in bids)
        {
            var json = JsonSerializer.Serialize(BidDocument.From(bid), Json);
            if (chunk.Length > 1 && chunk.Length + json.Length + 2 > MaxChunkChars)
            {
                yield return chunk.Append(']').ToString();
                chunk.Clear().Append('[');
            }

            chunk.Append(chunk.Length > 1 ? "," : "").Append(json);
        }

        if (chunk.Length > 1)
        {
            yield return chunk.Append(']').ToString();
        }
    }

    private static StageTwoMaterial Read(StoredEntity row, string outreachId) =>
        JsonSerializer.Deserialize<MaterialDocument>(row.Json, Json)!.ToMaterial(outreachId);
}
