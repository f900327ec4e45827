using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OutreachBot.Domain.Storage;
using OutreachBot.Features.Files;

namespace OutreachBot.Storage.Downloads;

/// <summary>The file would not fit: links are for small files (exports, briefs, charts).</summary>
public sealed class DownloadTooLargeException(string fileName, long size, int limit)
    : Exception($"'{fileName}' is {size:N0} bytes; download links hold at most {limit:N0} bytes.");

/// <summary>A file found by its token, still valid.</summary>
public sealed record StoredDownload(string FileName, string ContentType, byte[] Content, DateTimeOffset ExpiresAt);

/// <summary>
/// Files behind unguessable links. The token (256 random bits) is never stored: the partition is its SHA-256, so
/// neither a storage dump nor the timing of a lookup tells anything about live tokens. The content is base64 in
/// chunk rows next to a meta row, written in one batch; an expiry index lets the sweeper delete old files.
/// </summary>
public sealed class DownloadStore(
    IEntityStore store,
    TimeProvider time,
    IOptions<DownloadOptions> options,
    IOptions<PublicAddressOptions> address,
    ILogger<DownloadStore> logger) : IDownloadLinks
{
    public const string Table = "Downloads";
    private const string MetaRow = "meta";
    private const string ChunkPrefix = "c";
    private const string ExpiryPartition = "expiry";
    private const int ChunkChars = 150_000;
    private const int TokenBytes = 32;

    public async Task<Uri> CreateAsync(DownloadFile file, UserKey owner, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBytes;
        if (file.Content.Length > limit)
        {
            throw new DownloadTooLargeException(file.FileName, file.Content.Length, limit);
        }

        var token = NewToken();
        var partition = Hash(token);
        var now = time.GetUtcNow();
        var expiresAt = now + options.Value.Lifetime;
        var base64 = Convert.ToBase64String(file.Content);
        var chunks = base64.Chunk(ChunkChars).Select(c => new string(c)).ToList();
        var meta = new MetaDocument(SafeName(file.FileName), file.ContentType, owner.Value, now, expiresAt, file.Content.Length, chunks.Count);

        // The index row first: a crash in between leaves an index entry the sweeper ignores, never an unswept file.
        await store.InsertAsync(Table, ExpiryPartition, ExpiryRow(expiresAt, partition), "{}", cancellationToken);
        await store.SubmitBatchAsync(
            Table,
            partition,
            [
                EntityOperation.Insert(MetaRow, JsonSerializer.Serialize(meta, JsonSerializerOptions.Web)),
                .. chunks.Select((c, i) => EntityOperation.Insert(ChunkRow(i), JsonSerializer.Serialize(new ChunkDocument(c), JsonSerializerOptions.Web))),
            ],
            cancellationToken);
        logger.LogInformation("Download link for {FileName} ({Length} bytes) created for {Owner}, expires {ExpiresAt:O}", meta.FileName, meta.Length, owner, expiresAt);
        return new Uri(BaseUrl(), $"files/{token}/{Uri.EscapeDataString(meta.FileName)}");
    }

    /// <summary>The file, or null when the token is unknown, expired or does not go with <paramref name="fileName"/>.</summary>
    public async Task<StoredDownload?> FindAsync(string token, string fileName, CancellationToken cancellationToken)
    {
        if (!IsWellFormedToken(token))
        {
            return null;
        }

        var partition = Hash(token);
        var page = await store.QueryAsync(Table, partition, RowKeyRange.All, 100, null, cancellationToken);
        var meta = page.Items.FirstOrDefault(e => e.RowKey == MetaRow) is { } row ? JsonSerializer.Deserialize<MetaDocument>(row.Json, JsonSerializerOptions.Web) : null;
        if (meta is null || meta.ExpiresAt <= time.GetUtcNow() || !string.Equals(meta.FileName, fileName, StringComparison.Ordinal))
        {
            return null;
        }

        var base64 = string.Concat(page.Items
            .Where(e => e.RowKey.StartsWith(ChunkPrefix, StringComparison.Ordinal))
            .OrderBy(e => e.RowKey, StringComparer.Ordinal)
            .Select(e => JsonSerializer.Deserialize<ChunkDocument>(e.Json, JsonSerializerOptions.Web)!.Data));
        return new StoredDownload(meta.FileName, meta.ContentType, Convert.FromBase64String(base64), meta.ExpiresAt);
    }

    /// <summary>Deletes every file that expired before now; returns how many.</summary>
    public async Task<int> SweepExpiredAsync(CancellationToken cancellationToken)
    {
        var deleted = 0;
        var range = new RowKeyRange(null, StorageKey.OldestFirst(time.GetUtcNow()));
        await foreach (var entry in store.ReadAllAsync(Table, ExpiryPartition, range, cancellationToken: cancellationToken))
        {
            var partition = entry.RowKey[(entry.RowKey.IndexOf('-', StringComparison.Ordinal) + 1)..];
            try
            {
                var rows = await store.QueryAsync(Table, partition, RowKeyRange.All, 100, null, cancellationToken);
                if (rows.Items.Count > 0)
                {
                    await store.SubmitBatchAsync(Table, partition, [.. rows.Items.Select(r => EntityOperation.Delete(r.RowKey, r.ETag))], cancellationToken);
                    deleted++;
                }

                await store.DeleteAsync(Table, ExpiryPartition, entry.RowKey, null, cancellationToken);
            }
            catch (Exception exception) when (OptimisticConcurrency.IsLostRace(exception))
            {
                // Another instance is sweeping the same file; it will finish the job.
            }
        }

        return deleted;
    }

    internal static bool IsWellFormedToken(string token) =>
        token.Length == 43 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private Uri BaseUrl()
    {
        var text = address.Value.PublicBaseUrl.AbsoluteUri;
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }

    private static string NewToken()
    {
        Span<byte> bytes = stackalloc byte[TokenBytes];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    private static string ExpiryRow(DateTimeOffset expiresAt, string partition) => StorageKey.OldestFirst(expiresAt) + "-" + partition;

    private static string ChunkRow(int index) => ChunkPrefix + index.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A file name that is safe in a URL path segment and a header: no path separators or control characters.</summary>
    internal static string SafeName(string fileName)
    {
        var name = new string([.. Path.GetFileName(fileName.Replace('\\', '/')).Where(c => !char.IsControl(c) && c is not '/' and not '"')]).Trim();
        return name.Length == 0 ? "file" : name.Length > 120 ? name[^120..] : name;
    }

    private sealed record MetaDocument(string FileName, string ContentType, string Owner, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, int Length, int Chunks);

    private sealed record ChunkDocument(string Data);
}
