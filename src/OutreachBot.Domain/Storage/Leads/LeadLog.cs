using System.Text.Json;
using OutreachBot.Domain.Directory.Leads;

namespace OutreachBot.Domain.Storage.Leads;

/// <summary>Every lead found, oldest first, in one partition so stats read them all with paged queries.</summary>
public sealed class LeadLog(IEntityStore store, TimeProvider time)
{
    /// <summary>Every lead in partition "all", row = oldest-first time + a random suffix.</summary>
    public const string Table = "Leads";
    private const string Partition = "all";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task<Lead> RecordAsync(string departmentId, LeadRoute route, string foundBy, string details, string? outreachId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(foundBy);
        var now = time.GetUtcNow();
        var lead = new Lead(StorageKey.OldestFirst(now) + "-" + Guid.NewGuid().ToString("N")[..12], departmentId, route, now, foundBy, outreachId, details);
        await store.InsertAsync(Table, Partition, lead.Id, JsonSerializer.Serialize(lead, Json), cancellationToken).ConfigureAwait(false);
        return lead;
    }

    public async Task<IReadOnlyList<Lead>> ListAsync(CancellationToken cancellationToken = default)
    {
        var leads = new List<Lead>();
        await foreach (var entity in store.ReadAllAsync(Table, Partition, RowKeyRange.All, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            leads.Add(JsonSerializer.Deserialize<Lead>(entity.Json, Json)!);
        }

        return leads;
    }

    public async Task<IReadOnlyList<Lead>> ListForOutreachAsync(string outreachId, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(cancellationToken).ConfigureAwait(false)).Where(l => l.OutreachId == outreachId)];

    /// <summary>How many leads, and how many distinct departments, each route found; every route appears, even with zero.</summary>
    public static IReadOnlyList<LeadRouteCount> CountByRoute(IEnumerable<Lead> leads)
    {
        var list = leads.ToList();
        return [.. Enum.GetValues<LeadRoute>().Select(route =>
        {
            var found = list.Where(l => l.Route == route).ToList();
            return new LeadRouteCount(route, found.Count, found.Select(l => l.DepartmentId).Distinct(StringComparer.Ordinal).Count());
        })];
    }
}
