using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Domain.Storage.Outreaches;

/// <summary>
/// Where an outreach lives in its table: the record and its archived timeline pages in the owner's partition (newest
/// first), an id pointer, and two indexes (by department, and by whom it is shared with). An outreach shared with a
/// person is indexed in that person's own partition ("s-" rows, between their records "o-" and archives "t-"), so one
/// range query lists what they own and what is shared with them; shared with a team or channel, in a partition per team.
/// </summary>
internal static class OutreachKeys
{
    public const string Table = "Outreaches";

    public const string PointerRow = "ref";

    public static string OwnerPartition(string ownerKey) => "owner:" + StorageKey.Encode(ownerKey);

    public static string PointerPartition(string outreachId) => "id:" + outreachId;

    public static string DepartmentPartition(string departmentId) => "dept:" + StorageKey.Encode(departmentId.Trim().ToUpperInvariant());

    public static string SharedPartition(string sharingKey) => "shared:" + StorageKey.Encode(sharingKey);

    public const string OwnedRowPrefix = "o-";

    public const string SharedWithRowPrefix = "s-";

    /// <summary>In a person's partition: their "shared with me" rows have been moved there from "shared:u:…" (see OutreachRepository).</summary>
    public const string SharesMovedRow = "r-shares-moved";

    /// <summary>The person's own records, the marker and the outreaches shared with them: "o-…" up to the last "s-…".</summary>
    public static RowKeyRange OwnedAndSharedWith { get; } = new(OwnedRowPrefix, SharedWithRowPrefix + '\uffff');

    public static string SharedWithRow(string outreachId) => SharedWithRowPrefix + outreachId;

    public static string MainRow(Outreach outreach) => $"o-{StorageKey.NewestFirst(outreach.CreatedAt)}-{outreach.Id}";

    public static string ArchivePrefix(Outreach outreach) => $"t-{StorageKey.NewestFirst(outreach.CreatedAt)}-{outreach.Id}-";

    public static string ArchiveRow(Outreach outreach, int page) => ArchivePrefix(outreach) + page.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
