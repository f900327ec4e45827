using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Core;
using OutreachBot.Domain.Directory.Import;

namespace OutreachBot.Features.Directory.Graph;

/// <summary>
/// Reads the org directory from Microsoft Graph (GET /users with department, jobTitle, manager, employeeHireDate) and
/// turns it into the same validated <see cref="OrgDirectory"/> the CSV import builds. Graph knows departments only as
/// names on users, so each distinct name becomes a department under one root, headed by its member who reports to
/// someone outside it. Plain HTTP against the REST shape: paging by @odata.nextLink, Retry-After honoured.
/// </summary>
public sealed class GraphDirectorySource(HttpClient http, GraphDirectoryOptions options, TimeProvider time)
{
    private const string Select = "id,displayName,mail,userPrincipalName,department,jobTitle,employeeHireDate,createdDateTime,accountEnabled";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<DirectoryImportResult> LoadAsync(CancellationToken cancellationToken = default)
    {
        var users = new List<GraphUser>();
        Uri? next = new(options.BaseUrl, $"users?$select={Select}&$expand=manager($select=id)&$top={options.PageSize}");
        while (next is not null)
        {
            var page = await GetPageAsync(next, cancellationToken).ConfigureAwait(false);
            users.AddRange(page.Value);
            next = page.NextLink is { Length: > 0 } link ? new Uri(link) : null;
        }

        return Map(users, options, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
    }

    private async Task<GraphPage> GetPageAsync(Uri url, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && attempt < options.MaxRetries)
            {
                await Task.Delay(RetryAfter(response, attempt), time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<GraphPage>(Json, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"Graph returned an empty page for {url}.");
        }
    }

    private TimeSpan RetryAfter(HttpResponseMessage response, int attempt)
    {
        var wait = response.Headers.RetryAfter?.Delta
            ?? (response.Headers.RetryAfter?.Date is { } date ? date - time.GetUtcNow() : (TimeSpan?)null)
            ?? TimeSpan.FromSeconds(Math.Pow(2, attempt));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    internal static DirectoryImportResult Map(IReadOnlyList<GraphUser> allUsers, GraphDirectoryOptions options, DateOnly today)
    {
        var users = allUsers.Where(u => u.AccountEnabled != false && !string.IsNullOrWhiteSpace(u.Id)).ToList();
        var known = users.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var departmentIds = DepartmentIds(users.Select(u => u.Department?.Trim()).OfType<string>().Where(d => d.Length > 0), options.RootId);
        var people = users.Select(u => new Person(
            u.Id,
            HasCjk(u.DisplayName) ? u.DisplayName!.Trim() : "",
            HasCjk(u.DisplayName) ? "" : u.DisplayName?.Trim() ?? u.Id,
            u.Mail ?? u.UserPrincipalName ?? "",
            u.Department?.Trim() is { Length: > 0 } name ? departmentIds[name] : options.RootId,
            u.JobTitle?.Trim() ?? "",
            DateOnly.FromDateTime((u.EmployeeHireDate ?? u.CreatedDateTime)?.UtcDateTime ?? today.ToDateTime(TimeOnly.MinValue)),
            u.Manager?.Id is { } managerId && known.Contains(managerId) ? managerId : null)).ToList();

        var departments = new List<Department>
        {
            new(options.RootId, options.RootNameZh, options.RootNameEn, null, Head(people, options.RootId, p => p.ManagerId is null), "", []),
        };
        var departmentOf = people.ToDictionary(p => p.Id, p => p.DepartmentId, StringComparer.Ordinal);
        departments.AddRange(departmentIds.Select(entry => new Department(
            entry.Value,
            HasCjk(entry.Key) ? entry.Key : "",
            HasCjk(entry.Key) ? "" : entry.Key,
            options.RootId,
            Head(people, entry.Value, p => p.ManagerId is null || departmentOf[p.ManagerId] != entry.Value),
            "",
            [])));
        return OrgDirectoryValidator.Build(departments, people, today);
    }

    /// <summary>The member who answers to nobody in the department; with several, the one with most reports, then the longest serving.</summary>
    private static string? Head(List<Person> people, string departmentId, Func<Person, bool> topOfDepartment) =>
        people.Where(p => p.DepartmentId == departmentId && topOfDepartment(p))
            .OrderByDescending(p => people.Count(r => r.ManagerId == p.Id))
            .ThenBy(p => p.HireDate)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .FirstOrDefault()?.Id;

    /// <summary>Readable ids for ASCII names ("payments-platform"), a short hash for the rest; stable across syncs.</summary>
    private static Dictionary<string, string> DepartmentIds(IEnumerable<string> names, string rootId)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal) { rootId };
        foreach (var name in names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var slug = string.Join('-', new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')])
                .Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var id = slug.Length > 0 && !HasCjk(name) && used.Add(slug) ? slug : "d-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..10];
            used.Add(id);
            ids[name] = id;
        }

        return ids;
    }

    private static bool HasCjk(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    internal sealed record GraphPage(
        [property: JsonPropertyName("value")] IReadOnlyList<GraphUser> Value,
        [property: JsonPropertyName("@odata.nextLink")] string? NextLink);

    internal sealed record GraphUser(
        string Id,
        string? DisplayName,
        string? Mail,
        string? UserPrincipalName,
        string? Department,
        string? JobTitle,
        DateTimeOffset? EmployeeHireDate,
        DateTimeOffset? CreatedDateTime,
        bool? AccountEnabled,
        GraphReference? Manager);

    internal sealed record GraphReference(string? Id);
}

/// <summary>Adds an Entra ID bearer token (cached until shortly before it expires) to every Graph request.</summary>
public sealed class GraphTokenHandler(TokenCredential credential, string scope, TimeProvider time) : DelegatingHandler
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private AccessToken token;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (token.Token is null || token.ExpiresOn - time.GetUtcNow() < TimeSpan.FromMinutes(5))
            {
                token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
            }

            return token.Token;
        }
        finally
        {
            gate.Release();
        }
    }
}
