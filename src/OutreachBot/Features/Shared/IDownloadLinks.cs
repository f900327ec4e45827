namespace OutreachBot.Features.Shared;

/// <summary>
/// Files the bot hands to a user (exports, the brief, the meeting invite, charts) as a download link with an
/// unguessable token that expires. Implemented by the stage-2 feature (GET /files/{token}); used by every feature.
/// </summary>
public interface IDownloadLinks
{
    Task<Uri> CreateAsync(DownloadFile file, UserKey owner, CancellationToken cancellationToken);
}

public sealed record DownloadFile(string FileName, string ContentType, byte[] Content);
