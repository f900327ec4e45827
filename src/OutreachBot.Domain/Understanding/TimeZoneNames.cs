using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace OutreachBot.Domain.Understanding;

/// <summary>
/// Time zones as people name them: an IANA id ("Asia/Shanghai"), a Windows id, or a city, country or common name in
/// either language ("Beijing", "北京时间", "New York", "纽约", "London") from the table in <c>Data/timezones.txt</c>.
/// </summary>
public static partial class TimeZoneNames
{
    private static readonly FrozenDictionary<string, string> ByName = UnderstandingData.Table("timezones.txt")
        .SelectMany(row => row.Words.Select(word => (Word: FoldedText.Key(word), Zone: row.Key)))
        .Where(e => e.Word.Length > 0)
        .GroupBy(e => e.Word, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.First().Zone, StringComparer.Ordinal);

    private static readonly string[] Surrounding = ["标准时间", "时间", "时区", "当地", "standardtime", "timezone", "time", "zone", "local"];

    /// <summary>The IANA id for what the user typed (the whole text is the zone), or null when unknown.</summary>
    public static string? Resolve(string? text)
    {
        var name = text?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            return null;
        }

        if (name.Contains('/', StringComparison.Ordinal) || name.Length > 12 || IsWindowsId(name))
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone))
            {
                return Iana(zone);
            }
        }

        var key = FoldedText.Key(name);
        foreach (var word in Surrounding)
        {
            if (key.Length > word.Length && key.EndsWith(word, StringComparison.Ordinal) && ByName.ContainsKey(key[..^word.Length]))
            {
                key = key[..^word.Length];
                break;
            }
        }

        if (ByName.TryGetValue(key, out var id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var named))
        {
            return Iana(named);
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out var direct) ? Iana(direct) : null;
    }

    /// <summary>The first time zone a sentence names ("我在纽约，时区改一下", "set my timezone to Beijing time"), or null.</summary>
    public static string? Find(FoldedText text)
    {
        if (IanaPattern().Match(text.Original) is { Success: true } iana && Resolve(iana.Value) is { } direct)
        {
            return direct;
        }

        var tokens = text.Tokens;
        string? best = null;
        var bestLength = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var key = string.Empty;
            for (var j = i; j < tokens.Count && j < i + 6; j++)
            {
                key += FoldedText.Key(tokens[j].Text);
                if (key.Length > bestLength && ByName.TryGetValue(key, out var zone) && (key.Length >= 3 || tokens[i].IsCjk))
                {
                    best = zone;
                    bestLength = key.Length;
                }
            }
        }

        return best is not null && TimeZoneInfo.TryFindSystemTimeZoneById(best, out var found) ? Iana(found) : null;
    }

    private static bool IsWindowsId(string name) => name.EndsWith("Standard Time", StringComparison.OrdinalIgnoreCase);

    private static string Iana(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;

    [GeneratedRegex(@"\b[A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IanaPattern();
}
