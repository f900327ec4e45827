using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Domain.Storage.Outreaches;

/// <summary>What another PM may learn about an outreach to a department: enough for collision warnings and shared refusals.</summary>
public sealed record DepartmentIndexEntry(
    string OutreachId,
    string OwnerKey,
    string DepartmentId,
    string NameZh,
    string NameEn,
    TargetStage Stage,
    DateTimeOffset StageChangedAt,
    RefusalReason? RefusalReason,
    string? OutcomeNote,
    long Version);

/// <summary>Row "ref" of partition "id:{id}": where the outreach itself is stored.</summary>
internal sealed record OutreachPointer(string Partition, string RowKey);

/// <summary>A row of "shared:{user or team}": the outreach is visible there, as of that version.</summary>
internal sealed record SharedIndexEntry(string OutreachId, long Version);

/// <summary>Reads only the version of an index row, to keep a late, stale write from overwriting a newer one.</summary>
internal sealed record VersionOnly(long Version);

/// <summary>Events moved off the record to keep it under the entity size limit, oldest first.</summary>
internal sealed record TimelinePage(IReadOnlyList<TimelineEvent> Events);
