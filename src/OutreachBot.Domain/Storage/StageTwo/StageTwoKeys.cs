using System.Globalization;

namespace OutreachBot.Domain.Storage.StageTwo;

/// <summary>
/// One partition per outreach (its id): the material document and the bids of each import in chunk rows
/// <c>bids-{import}-0000</c>…; and one partition per user for the outreach they focus on.
/// </summary>
internal static class StageTwoKeys
{
    public const string Table = "StageTwo";
    public const string MaterialRow = "material";
    public const string FocusRow = "focus";

    public static string BidsPrefix(string importId) => $"bids-{importId}-";

    public static string BidsRow(string importId, int index) => BidsPrefix(importId) + index.ToString("D4", CultureInfo.InvariantCulture);

    public static string FocusPartition(string userKey) => "focus-" + StorageKey.Encode(userKey);
}
