using System.Text.Json;
using System.Text.Json.Serialization;
using OutreachBot.Domain.Directory.Search;
using OutreachBot.Domain.Storage;

namespace OutreachBot.Domain.Directory.Leads;

/// <summary>
/// Which need ended how at which department, one row per outreach and department (the latest outcome overwrites
/// the earlier one), so the history stays as large as the outreaches themselves. Stores the need's analysed keys
/// only, never the text a PM typed.
/// </summary>
public sealed class NeedOutcomeLog(IEntityStore store)
{
    public const string Table = "NeedOutcomes";
    private const string Partition = "all";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task RecordAsync(NeedOutcome outcome, CancellationToken cancellationToken = default) =>
        await store.UpsertAsync(Table, Partition, RowKey(outcome.OutreachId, outcome.DepartmentId), JsonSerializer.Serialize(outcome, Json), cancellationToken).ConfigureAwait(false);

    public async Task ForgetAsync(string outreachId, string departmentId, CancellationToken cancellationToken = default) =>
        await store.DeleteAsync(Table, Partition, RowKey(outreachId, departmentId), null, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<NeedOutcome>> ListAsync(CancellationToken cancellationToken = default)
    {
        var outcomes = new List<NeedOutcome>();
        string? token = null;
        do
        {
            var page = await store.QueryAsync(Table, Partition, RowKeyRange.All, 1000, token, cancellationToken).ConfigureAwait(false);
            outcomes.AddRange(page.Items.Select(e => JsonSerializer.Deserialize<NeedOutcome>(e.Json, Json)!));
            token = page.ContinuationToken;
        }
        while (token is not null);
        return outcomes;
    }

    private static string RowKey(string outreachId, string departmentId) => StorageKey.Encode(outreachId) + "~" + StorageKey.Encode(departmentId);
}
