using System.Globalization;
using Microsoft.Extensions.FileProviders;
using OutreachBot.Chat.Localization;

namespace OutreachBot.Features.WebChat;

/// <summary>The page at <c>/</c> (wwwroot/webchat), its texts in both languages, and the Web Chat bundle from node_modules.</summary>
internal static class WebChatPageEndpoints
{
    private static readonly string[] TextKeys =
    [
        "Page.Title", "Page.Intro", "Page.SwitchLanguage", "Page.SwitchLanguageHint", "Page.MissingBundle", "Page.ConnectFailed",
    ];

    private static readonly Dictionary<string, string> PageFiles = new(StringComparer.Ordinal)
    {
        ["page.js"] = "text/javascript; charset=utf-8",
        ["page.css"] = "text/css; charset=utf-8",
    };

    public static void MapWebChatPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (IWebHostEnvironment environment) => PageFile(environment.WebRootFileProvider, "index.html", "text/html; charset=utf-8"));
        endpoints.MapGet("/webchat/{file}", (string file, IWebHostEnvironment environment) =>
            PageFiles.TryGetValue(file, out var contentType) ? PageFile(environment.WebRootFileProvider, file, contentType) : Results.NotFound());
        endpoints.MapGet("/webchat/settings", (WebChatBundle bundle) => Results.Json(new
        {
            bundle = bundle.IsAvailable,
            texts = new Dictionary<string, Dictionary<string, string>>
            {
                [BotLanguage.English.Name] = Texts(BotLanguage.English),
                [BotLanguage.Chinese.Name] = Texts(BotLanguage.Chinese),
            },
        }));
        endpoints.MapGet("/webchat/webchat.js", (WebChatBundle bundle) => bundle.Path is { } path
            ? Results.File(path, "text/javascript; charset=utf-8", lastModified: File.GetLastWriteTimeUtc(path))
            : Results.Text("// " + Texts(BotLanguage.English)["Page.MissingBundle"], "text/javascript; charset=utf-8", statusCode: StatusCodes.Status404NotFound));
    }

    private static IResult PageFile(IFileProvider files, string name, string contentType)
    {
        var file = files.GetFileInfo("webchat/" + name);
        return file.Exists
            ? Results.Stream(file.CreateReadStream(), contentType, lastModified: file.LastModified)
            : Results.NotFound();
    }

    private static Dictionary<string, string> Texts(CultureInfo culture) =>
        TextKeys.ToDictionary(key => key, key => Texts<WebChatTexts>.Get(culture, key), StringComparer.Ordinal);
}
