using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Resources;

namespace OutreachBot.Chat.Localization;

/// <summary>
/// Marks a feature's resource set: a class <c>XTexts : ITextSet</c> with <c>XTexts.resx</c> (English) and
/// <c>XTexts.zh-CN.resx</c> beside it. Each feature owns its set; the domain's phrases are found in whichever set
/// defines their key (docs/copy.md).
/// </summary>
public interface ITextSet;

/// <summary>
/// The domain's <see cref="ITextCatalog"/> filled from every resource set of the host. A phrase key or an enum key
/// (<c>TargetStage.NoCapacity</c>) is defined in exactly one set (tested), so the order of the search is irrelevant.
/// </summary>
public sealed class ResourceTextCatalog : ITextCatalog
{
    private readonly ConcurrentDictionary<string, ResourceManager?> owners = new(StringComparer.Ordinal);

    private ResourceTextCatalog(IReadOnlyList<Type> sets)
    {
        Sets = sets;
        Managers = [.. sets.Select(t => new ResourceManager(t))];
    }

    public static ResourceTextCatalog Instance { get; } = new(
        [.. typeof(ResourceTextCatalog).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(ITextSet).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)]);

    /// <summary>The marker types of every resource set, for the tests that compare the zh-CN and English files.</summary>
    public IReadOnlyList<Type> Sets { get; }

    private IReadOnlyList<ResourceManager> Managers { get; }

    public string? Find(string key, Language language)
    {
        var owner = owners.GetOrAdd(key, k => Managers.FirstOrDefault(m => m.GetString(k, CultureInfo.InvariantCulture) is not null));
        return owner?.GetString(key, language.Culture);
    }
}

/// <summary>The <see cref="Copy"/> of a language (and time zone) over the host's resources.</summary>
public static class BotCopy
{
    public static Copy For(Language language, TimeZoneInfo? timeZone = null) => new(ResourceTextCatalog.Instance, language, timeZone);
}

/// <summary>
/// Reads a feature's own texts from <typeparamref name="TTexts"/>'s resources and fills them by the rules of
/// <see cref="Copy"/> (dates, plurals, enum names, phrases).
/// </summary>
public static class Texts<TTexts>
    where TTexts : ITextSet
{
    private static readonly ResourceManager Resources = new(typeof(TTexts));

    public static string Get(Copy copy, string key, params object?[] args) =>
        copy.Format(Find(key, copy.Language) ?? throw new MissingTextException(key, typeof(TTexts).FullName), args);

    public static string Get(Language language, string key, params object?[] args) => Get(BotCopy.For(language), key, args);

    /// <summary>For card builders that receive the formatting culture of the reader's <see cref="Language"/>.</summary>
    public static string Get(CultureInfo culture, string key, params object?[] args) => Get(Language.Of(culture), key, args);

    public static string? Find(string key, Language language) => Resources.GetString(key, language.Culture);
}

/// <summary>Culture-aware formatting of the values the bot shows.</summary>
public static class CultureFormat
{
    /// <summary>A date and time in the reader's zone, with the zone's name, e.g. for a reminder's confirmation.</summary>
    public static string DateTime(DateTimeOffset instant, TimeZoneInfo zone, CultureInfo culture) =>
        BotCopy.For(Language.Of(culture), zone).Value(instant, "F") + " (" + zone.Id + ")";

    public static string Number(decimal value, CultureInfo culture) => value.ToString("#,0.##", culture);
}
