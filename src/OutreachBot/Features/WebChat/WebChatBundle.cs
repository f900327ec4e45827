namespace OutreachBot.Features.WebChat;

/// <summary>
/// botframework-webchat's browser bundle, served by the bot itself (no CDN). It comes from npm, so it is looked for in
/// node_modules of the content root or any folder above it (the repository root in a checkout).
/// </summary>
public sealed record WebChatBundle(string? Path)
{
    public const string RelativePath = "node_modules/botframework-webchat/dist/webchat.js";

    public bool IsAvailable => Path is not null;

    public static WebChatBundle Find(params string[] startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = System.IO.Path.Combine(directory.FullName, RelativePath);
                if (File.Exists(candidate))
                {
                    return new WebChatBundle(candidate);
                }
            }
        }

        return new WebChatBundle((string?)null);
    }
}
