using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace OutreachBot.Development.WebChat;

/// <summary>
/// The page at <c>/</c> (Page/, embedded in the assembly), its texts in both languages, its icon, and what comes from
/// npm: the Web Chat bundle and the web fonts that let any browser show Chinese and emoji.
/// </summary>
internal static class WebChatPageEndpoints
{
    private static readonly string[] TextKeys =
    [
        "Page.Title", "Page.Intro", "Page.SwitchLanguage", "Page.SwitchLanguageHint", "Page.MissingBundle", "Page.ConnectFailed",
    ];

    private static readonly Dictionary<string, string> PageFiles = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["page.js"] = "text/javascript; charset=utf-8",
        ["page.css"] = "text/css; charset=utf-8",
        ["icon.png"] = "image/png",
    };

    public static void MapWebChatPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => PageFile("index.html"));
        endpoints.MapGet("/favicon.ico", () => PageFile("icon.png"));
        endpoints.MapGet("/webchat/{file}", (string file) => PageFile(file));
        endpoints.MapGet("/webchat/settings", (WebChatAssets assets) => Results.Json(new
        {
            bundle = assets.IsInstalled,
            packageFolder = WebChatAssets.PackageFolder,
            texts = new Dictionary<string, Dictionary<string, string>>
            {
                [Language.English.Tag] = Texts(Language.English),
                [Language.Chinese.Tag] = Texts(Language.Chinese),
            },
        }));
        endpoints.MapGet("/webchat/webchat.js", (WebChatAssets assets) => assets.Bundle is { } path
            ? Results.File(path, "text/javascript; charset=utf-8", lastModified: new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero))
            : Results.Text("// " + Texts(Language.English)["Page.MissingBundle"], "text/javascript; charset=utf-8", statusCode: StatusCodes.Status404NotFound));
        endpoints.MapGet("/webchat/fonts/{font}/{**file}", (string font, string file, WebChatAssets assets, HttpContext http) =>
        {
            if (assets.FontFile(font, file) is not { } path)
            {
                return Results.NotFound();
            }

            // The files of one npm version never change; the font CSS is tiny and may change with a new version.
            http.Response.Headers[HeaderNames.CacheControl] = file.EndsWith(".woff2", StringComparison.Ordinal) ? "public, max-age=604800" : "no-cache";
            return Results.File(path, file.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "font/woff2", lastModified: new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero));
        });
    }

    private static IResult PageFile(string name)
    {
        var stream = PageFiles.TryGetValue(name, out var contentType) ? typeof(WebChatPageEndpoints).Assembly.GetManifestResourceStream("webchat/" + name) : null;
        return stream is null ? Results.NotFound() : Results.Stream(stream, contentType);
    }

    private static Dictionary<string, string> Texts(Language language) =>
        TextKeys.ToDictionary(key => key, key => Texts<WebChatTexts>.Get(language, key), StringComparer.Ordinal);
}
