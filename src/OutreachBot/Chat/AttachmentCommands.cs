using Microsoft.Bot.Schema;

namespace OutreachBot.Chat;

/// <summary>
/// What a file dropped into the chat without any text means: the command that declares the file's type
/// (<see cref="CommandDefinition.FileTypes"/>, e.g. a lone .csv is a bids file). Anything else keeps its (empty) text
/// and gets the usual help. Cards and Teams' HTML copy of the message body are not files.
/// </summary>
public static class AttachmentCommands
{
    private const string TeamsFileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The command text the attachments stand for, or null when they stand for none.</summary>
    public static string? ImpliedCommand(IMessageActivity activity, CommandCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var files = (activity.Attachments ?? []).Where(IsFile).ToList();
        return files is [var only] ? catalog.ForFile(only.Name, only.ContentType)?.Name : null;
    }

    private static bool IsFile(Attachment attachment) =>
        attachment.ContentType == TeamsFileDownloadInfo
        || (attachment.ContentUrl is not null
            && !(attachment.ContentType ?? "").StartsWith("application/vnd.microsoft.card", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(attachment.ContentType, "text/html", StringComparison.OrdinalIgnoreCase));
}
