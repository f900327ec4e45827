using System.Globalization;

namespace OutreachBot.Domain.Storage.Directory;

/// <summary>
/// The org directory's rows: the pointer to the live version (<c>current</c>/<c>pointer</c>), the list of versions
/// (<c>versions</c>/<c>{version id}</c>) and each version's chunks (<c>v-{version id}</c>/<c>c00000</c>…); past
/// introductions in their own table, oldest first in one partition.
/// </summary>
internal static class DirectoryKeys
{
    public const string Table = "OrgDirectory";
    public const string IntroductionsTable = "Introductions";

    public const string PointerPartition = "current";
    public const string PointerRow = "pointer";
    public const string VersionsPartition = "versions";
    public const string AllPartition = "all";

    public static string ChunkPartition(string versionId) => "v-" + versionId;

    public static string ChunkRow(int index) => "c" + index.ToString("D5", CultureInfo.InvariantCulture);
}
