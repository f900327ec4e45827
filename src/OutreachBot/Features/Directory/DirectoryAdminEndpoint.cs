using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OutreachBot.Domain.Directory.Import;

namespace OutreachBot.Features.Directory;

/// <summary>Admin settings (section "Admin"). Without an <see cref="ApiKey"/> the admin endpoints do not exist.</summary>
public sealed record AdminOptions
{
    public const string Section = "Admin";

    public string? ApiKey { get; init; }
}

public sealed record DirectoryImportRequest(string? Folder);

/// <param name="Files">How each file was read: its text encoding (e.g. "GBK", "UTF-8 with BOM") and its rows.</param>
/// <param name="JoiningSoon">People whose hire date is after today: imported with tenure 0.</param>
public sealed record DirectoryImportSummary(
    string Version, int Departments, int People, IReadOnlyList<DirectoryImportedFile> Files, IReadOnlyList<DirectoryJoiningSoon> JoiningSoon);

public sealed record DirectoryImportedFile(string File, string Encoding, int Rows);

public sealed record DirectoryJoiningSoon(string Id, string NameZh, string NameEn, string HireDate, int Line);

public sealed record DirectoryImportProblem(string File, int Line, string Column, string Code, string Message, string MessageZh);

public sealed record DirectoryImportFailure(IReadOnlyList<DirectoryImportProblem> Errors);

/// <summary>
/// POST /admin/directory: re-imports the org directory from an uploaded departments.csv + people.csv (multipart) or
/// from a folder on the server (JSON {"folder": "..."}). Chat is the wrong place for this (anyone in a channel could
/// run it), so it is an HTTP endpoint behind the Admin:ApiKey header. A bad import changes nothing.
/// </summary>
public static class DirectoryAdminEndpoint
{
    public const string Route = "/admin/directory";
    public const string KeyHeader = "X-Admin-Key";

    public static IEndpointRouteBuilder MapDirectoryAdmin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request, IOptions<AdminOptions> options, LiveDirectory directory, IHostEnvironment environment, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.ApiKey))
        {
            return Results.NotFound();
        }

        if (!request.Headers.TryGetValue(KeyHeader, out var given) || !KeyMatches(given.ToString(), options.Value.ApiKey))
        {
            return Results.Unauthorized();
        }

        DirectoryImportResult result;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var departments = Upload(form, OrgDirectoryValidator.DepartmentsFile);
            var people = Upload(form, OrgDirectoryValidator.PeopleFile);
            if (departments is null || people is null)
            {
                return Failure([.. new[] { (departments, OrgDirectoryValidator.DepartmentsFile), (people, OrgDirectoryValidator.PeopleFile) }
                    .Where(u => u.Item1 is null)
                    .Select(u => new DirectoryImportError(u.Item2, 0, "", DirectoryImportErrorCode.FileMissing, []))]);
            }

            result = await directory.ImportAsync(
                await ReadAsync(departments, OrgDirectoryValidator.DepartmentsFile, cancellationToken),
                await ReadAsync(people, OrgDirectoryValidator.PeopleFile, cancellationToken),
                cancellationToken);
        }
        else if (request.HasJsonContentType())
        {
            DirectoryImportRequest? body;
            try
            {
                body = await request.ReadFromJsonAsync<DirectoryImportRequest>(cancellationToken);
            }
            catch (JsonException)
            {
                body = null;
            }

            if (string.IsNullOrWhiteSpace(body?.Folder))
            {
                return Results.BadRequest(new { error = "Send {\"folder\": \"<folder with departments.csv and people.csv>\"} or a multipart form with both files." });
            }

            var folder = DirectoryLoader.ResolveFolder(body.Folder, environment.ContentRootPath) ?? body.Folder;
            result = await directory.ImportFolderAsync(folder, cancellationToken);
        }
        else
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        return result.Directory is { } imported
            ? Results.Ok(new DirectoryImportSummary(
                directory.Current.Version,
                imported.Departments.Count,
                imported.People.Count,
                [.. result.Files.Select(f => new DirectoryImportedFile(f.File, f.Encoding.Describe(chinese: false), f.Rows))],
                [.. result.JoiningSoon.Select(p => new DirectoryJoiningSoon(p.PersonId, p.NameZh, p.NameEn, p.HireDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.Line))]))
            : Failure(result.Errors);
    }

    private static async Task<ImportFile> ReadAsync(IFormFile upload, string fileName, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using var stream = upload.OpenReadStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return new ImportFile(fileName, buffer.ToArray());
    }

    /// <summary>A file by form field name ("departments"/"people") or by file name ("departments.csv"/"people.csv").</summary>
    private static IFormFile? Upload(IFormCollection form, string fileName) =>
        form.Files.GetFile(Path.GetFileNameWithoutExtension(fileName))
        ?? form.Files.FirstOrDefault(f => string.Equals(f.FileName, fileName, StringComparison.OrdinalIgnoreCase));

    private static IResult Failure(IEnumerable<DirectoryImportError> errors) =>
        Results.BadRequest(new DirectoryImportFailure(
            [.. errors.Select(e => new DirectoryImportProblem(e.File, e.Line, e.Column, e.Code.ToString(), BotCopy.For(Language.English).Render(e.Message), BotCopy.For(Language.Chinese).Render(e.Message)))]));

    private static bool KeyMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
