using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Features.StageTwo;

/// <summary>A bids file the user sent, or why it could not be read.</summary>
public sealed record BidsFile(string FileName, byte[]? Content, string? ProblemKey, params object?[] ProblemArgs);

/// <summary>
/// Gets bids.csv from a message attachment (Teams' file download info or any channel's contentUrl), or from a local
/// path on a development machine. Downloads are limited in size and time so a turn stays within the channel's limits.
/// </summary>
public sealed class BidsFileReader(IHttpClientFactory http, IHostEnvironment environment, ILogger<BidsFileReader> logger)
{
    public const string HttpClientName = "stage2-attachments";
    public const int MaxBytes = 10 * 1024 * 1024;
    private const string TeamsFileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The first attachment that looks like a file (not a card), if any.</summary>
    public static Attachment? FileAttachment(IActivity activity) =>
        (activity as IMessageActivity)?.Attachments?.FirstOrDefault(a =>
            a.ContentType == TeamsFileDownloadInfo
            || (a.ContentUrl is not null && !a.ContentType.StartsWith("application/vnd.microsoft.card", StringComparison.OrdinalIgnoreCase)));

    public async Task<BidsFile> DownloadAsync(Attachment attachment, CancellationToken cancellationToken)
    {
        var name = attachment.Name ?? "bids.csv";
        var url = attachment.ContentType == TeamsFileDownloadInfo && attachment.Content is JObject info
            ? (string?)info["downloadUrl"]
            : attachment.ContentUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return new BidsFile(name, null, "Bids.NoDownload");
        }

        try
        {
            using var client = http.CreateClient(HttpClientName);
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Downloading the attachment {Name} failed with {Status}", name, (int)response.StatusCode);
                return new BidsFile(name, null, "Bids.DownloadFailed", (int)response.StatusCode);
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                return new BidsFile(name, null, "Bids.TooLarge", MaxBytes / 1024 / 1024);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await ReadLimitedAsync(name, stream, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Downloading the attachment {Name} failed", name);
            return new BidsFile(name, null, "Bids.DownloadFailed", exception.GetType().Name);
        }
    }

    /// <summary>Reads a file on this machine; only in Development, where the bot and the PM share a disk.</summary>
    public async Task<BidsFile> ReadLocalAsync(string path, CancellationToken cancellationToken)
    {
        var trimmed = path.Trim().Trim('"');
        var name = Path.GetFileName(trimmed);
        if (!environment.IsDevelopment())
        {
            return new BidsFile(name, null, "Bids.PathOnlyInDevelopment");
        }

        var file = new FileInfo(trimmed);
        if (!file.Exists)
        {
            return new BidsFile(name, null, "Bids.PathNotFound", trimmed);
        }

        await using var stream = file.OpenRead();
        return await ReadLimitedAsync(name, stream, cancellationToken);
    }

    private static async Task<BidsFile> ReadLimitedAsync(string name, Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return new BidsFile(name, null, "Bids.TooLarge", MaxBytes / 1024 / 1024);
            }

            buffer.Write(chunk, 0, read);
        }

        return new BidsFile(name, buffer.ToArray(), null);
    }
}
