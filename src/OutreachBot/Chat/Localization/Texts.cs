using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace OutreachBot.Chat.Localization;

/// <summary>
/// Reads user-facing texts from a feature's resources: a marker class <typeparamref name="TTexts"/> with
/// <c>TTexts.resx</c> (English) and <c>TTexts.zh-CN.resx</c> beside it. Each feature owns its own set.
/// </summary>
public static class Texts<TTexts>
{
    private static readonly ResourceManager Resources = new(typeof(TTexts));

    public static string Get(CultureInfo culture, string key, params object?[] args)
    {
        var template = Resources.GetString(key, culture)
            ?? throw new MissingTextException(typeof(TTexts).FullName!, key);
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }
}

/// <summary>A text key used by code but absent from the feature's resources: a bug that tests must catch.</summary>
public sealed class MissingTextException(string resourceSet, string key)
    : Exception($"Text '{key}' is missing from {resourceSet}.resx.");

/// <summary>Culture-aware formatting of the values the bot shows.</summary>
public static class CultureFormat
{
    private static readonly ConcurrentDictionary<string, string> DatePatterns = new();

    public static string DateTime(DateTimeOffset instant, TimeZoneInfo zone, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var pattern = DatePatterns.GetOrAdd(culture.Name, name => name.StartsWith("zh", StringComparison.Ordinal)
            ? "yyyy年M月d日 dddd HH:mm"
            : "ddd, MMM d, yyyy h:mm tt");
        return local.ToString(pattern, culture) + " (" + zone.Id + ")";
    }

    public static string Number(decimal value, CultureInfo culture) => value.ToString("#,0.##", culture);
}
