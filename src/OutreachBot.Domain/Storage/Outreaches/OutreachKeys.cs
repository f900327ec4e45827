using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Domain.Storage.Outreaches;

/// <summary>
/// Where an outreach lives in its table: the record and its archived timeline pages in the owner's partition (newest
/// first), an id pointer, and two indexes (by department, and by whom it is shared with).
/// </summary>
internal static class OutreachKeys
{
    public const string Table = "Outreaches";

    public const string PointerRow = "ref";

    public static string OwnerPartition(string ownerKey) => "owner:" + StorageKey.Encode(ownerKey);

    public static string PointerPartition(string outreachId) => "id:" + outreachId;

    public static string DepartmentPartition(string departmentId) => "dept:" + StorageKey.Encode(departmentId.Trim().ToUpperInvariant());

    public static string SharedPartition(string sharingKey) => "shared:" + StorageKey.Encode(sharingKey);

    public static string MainRow(Outreach outreach) => $"o-{StorageKey.NewestFirst(outreach.CreatedAt)}-{outreach.Id}";

    public static string ArchivePrefix(Outreach outreach) => $"t-{StorageKey.NewestFirst(outreach.CreatedAt)}-{outreach.Id}-";

    public static string ArchiveRow(Outreach outreach, int page) => ArchivePrefix(outreach) + page.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
