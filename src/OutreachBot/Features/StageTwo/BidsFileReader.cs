using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Features.StageTwo;

/// <summary>A bids file the user sent, or why it could not be read (a text key of StageTwoTexts, with no status codes or exception names).</summary>
public sealed record BidsFile(string FileName, byte[]? Content, string? ProblemKey, params object?[] ProblemArgs);

/// <summary>
/// Gets bids.csv (or .xlsx) from a message attachment — Teams' file download info, whose downloadUrl points at
/// SharePoint/OneDrive, or any channel's contentUrl — through <see cref="AttachmentDownloader"/>, so only sources the
/// channel vouches for are fetched; or from a local path on a development machine. Downloads are limited in size and
/// time so a turn stays within the channel's limits.
/// </summary>
public sealed class BidsFileReader(AttachmentDownloader downloader, IOptions<AttachmentOptions> options, IHostEnvironment environment, ILogger<BidsFileReader> logger)
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const string TeamsFileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The first attachment that looks like a file (not a card, not Teams' HTML copy of the message), if any.</summary>
    public static Attachment? FileAttachment(IActivity activity) =>
        (activity as IMessageActivity)?.Attachments?.FirstOrDefault(a =>
            a.ContentType == TeamsFileDownloadInfo
            || (a.ContentUrl is not null
                && !(a.ContentType ?? "").StartsWith("application/vnd.microsoft.card", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(a.ContentType, "text/html", StringComparison.OrdinalIgnoreCase)));

    public async Task<BidsFile> DownloadAsync(Attachment attachment, Uri? serviceUrl, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(attachment.Name ?? "") is { Length: > 0 } given ? given : "bids.csv";
        var url = attachment.ContentType == TeamsFileDownloadInfo && attachment.Content is JObject info
            ? (string?)info["downloadUrl"]
            : attachment.ContentUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return new BidsFile(name, null, "Bids.NoDownload");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.Timeout);
        try
        {
            var download = await downloader.GetAsync(uri, serviceUrl, deadline.Token);
            if (download.Refusal is { } refusal)
            {
                logger.LogWarning("Refused to download the attachment {Name} from {Host}: {Refusal}", name, uri.Host, refusal);
                return new BidsFile(name, null, "Bids.SourceNotAllowed");
            }

            using var response = download.Response!;
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Downloading the attachment {Name} from {Host} failed with {Status}", name, uri.Host, (int)response.StatusCode);
                return new BidsFile(name, null, "Bids.DownloadFailed");
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                return new BidsFile(name, null, "Bids.TooLarge", MaxBytes / 1024 / 1024);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token);
            return await ReadLimitedAsync(name, stream, deadline.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Downloading the attachment {Name} from {Host} failed", name, uri.Host);
            return new BidsFile(name, null, "Bids.DownloadFailed");
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
