using System.Net.Http.Headers;
using OutreachBot.Storage.Downloads;

namespace OutreachBot.Features.Files;

public static class FileEndpoints
{
    /// <summary>
    /// GET /files/{token}/{fileName}: the file behind a download link. Unknown, expired and mismatched links all get
    /// the same empty 404, so a prober learns nothing.
    /// </summary>
    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/files/{token}/{fileName}", async (string token, string fileName, HttpContext http, DownloadStore downloads, CancellationToken cancellationToken) =>
        {
            if (await downloads.FindAsync(token, fileName, cancellationToken) is not { } file)
            {
                return Results.NotFound();
            }

            var inline = file.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);
            var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment") { FileNameStar = file.FileName };
            if (file.FileName.All(char.IsAscii))
            {
                disposition.FileName = "\"" + file.FileName + "\"";
            }

            var headers = http.Response.Headers;
            headers.ContentDisposition = disposition.ToString();
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "private, no-store";
            // The HTML brief is for copying into mail; opened in a browser it must not run anything.
            headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
            return Results.Bytes(file.Content, file.ContentType);
        });
        return endpoints;
    }
}
