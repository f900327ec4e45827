namespace OutreachBot.Development.WebChat;

/// <summary>
/// The files the page needs from npm (botframework-webchat's standalone bundle and two open-licence web fonts), which
/// the build fetches into <c>Development/WebChat/npm</c> (see Development.targets). Looked up again on each request
/// until found, so a page opened before the build fetched them picks them up without restarting the bot.
/// </summary>
public sealed class WebChatAssets(IHostEnvironment environment)
{
    /// <summary>Where the build puts them, from the repository root.</summary>
    public const string PackageFolder = "src/OutreachBot/Development/WebChat/npm";

    /// <summary>Written by the build after every file is in place.</summary>
    private const string Stamp = "installed.txt";

    private const string BundlePath = "botframework-webchat/dist/webchat.js";

    /// <summary>URL name → npm package with an index.css and files/*.woff2 (fontsource layout).</summary>
    private static readonly Dictionary<string, string> FontPackages = new(StringComparer.Ordinal)
    {
        ["noto-sans-sc"] = "@fontsource-variable/noto-sans-sc",
        ["noto-emoji"] = "@fontsource/noto-emoji",
    };

    private readonly string[] candidates =
    [
        .. Above(environment.ContentRootPath).SelectMany(d => new[] { Path.Combine(d, "Development", "WebChat", "npm"), Path.Combine(d, PackageFolder) }),
        .. Above(AppContext.BaseDirectory).Select(d => Path.Combine(d, PackageFolder)),
    ];

    private volatile string? folder;

    /// <summary>Web Chat's bundle, or null while it is not installed.</summary>
    public string? Bundle => Folder() is { } found ? Path.Combine(found, BundlePath) : null;

    public bool IsInstalled => Bundle is not null;

    /// <summary>A font's stylesheet (<c>index.css</c>) or one of its <c>files/*.woff2</c>; null for anything else.</summary>
    public string? FontFile(string font, string file)
    {
        if (!FontPackages.TryGetValue(font, out var package) || Folder() is not { } found || !IsFontFile(file))
        {
            return null;
        }

        var path = Path.Combine(found, package, file);
        return File.Exists(path) ? path : null;
    }

    private static bool IsFontFile(string file) =>
        file == "index.css"
        || (file.StartsWith("files/", StringComparison.Ordinal) && file.EndsWith(".woff2", StringComparison.Ordinal)
            && file["files/".Length..^".woff2".Length].All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));

    private string? Folder()
    {
        if (folder is { } known && File.Exists(Path.Combine(known, Stamp)))
        {
            return known;
        }

        folder = candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, Stamp)));
        return folder;
    }

    private static IEnumerable<string> Above(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            yield return directory.FullName;
        }
    }
}
