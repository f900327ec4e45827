using System.Collections;
using System.Globalization;

namespace OutreachBot.Domain.Text;

/// <summary>
/// The port the host fills from its resources: the template of a key in one language (resx per feature,
/// English neutral + zh-CN). Null when no resource set defines the key.
/// </summary>
public interface ITextCatalog
{
    string? Find(string key, Language language);
}

/// <summary>A value that knows how to show itself to a reader (money, a bilingual name, …).</summary>
public interface ILocalizable
{
    string Render(Copy copy, string? format);
}

/// <summary>
/// Renders product text in one language and time zone: a key's template from the <see cref="ITextCatalog"/>,
/// filled with typed arguments. The rules (docs/copy.md) are the same for every caller:
/// <list type="bullet">
/// <item><see cref="Phrase"/> → rendered; an enum value → the text of key <c>EnumType.Member</c>;</item>
/// <item><see cref="DateTimeOffset"/> → local time in the reader's zone, natural form, never ISO
/// (<c>{0}</c> date and time, <c>{0:d}</c> date, <c>{0:D}</c> date with year, <c>{0:t}</c> time, <c>{0:F}</c> all);</item>
/// <item>a number with <c>{0:plural:# bid|# bids}</c> → the singular form for 1, else the plural (<c>#</c> is the number);</item>
/// <item>a sequence → its items rendered and joined with the language's list separator (、 / , );</item>
/// <item><see cref="ILocalizable"/> (money, bilingual names) → its own rendering; anything else → culture formatting.</item>
/// </list>
/// </summary>
public sealed class Copy : IFormatProvider, ICustomFormatter
{
    private readonly ITextCatalog catalog;

    public Copy(ITextCatalog catalog, Language language, TimeZoneInfo? timeZone = null)
    {
        this.catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        Language = language;
        TimeZone = timeZone ?? TimeZoneInfo.Utc;
    }

    public Language Language { get; }

    public CultureInfo Culture => Language.Culture;

    public TimeZoneInfo TimeZone { get; }

    public string ListSeparator => Language == Language.Chinese ? "、" : ", ";

    /// <summary>The same language in another time zone (e.g. an outreach's own zone for its export).</summary>
    public Copy In(TimeZoneInfo timeZone) => new(catalog, Language, timeZone);

    /// <summary>The text of a key, filled with its arguments; a key nobody defined is a bug tests must catch.</summary>
    public string Text(string key, params object?[] args) =>
        Format(catalog.Find(key, Language) ?? throw new MissingTextException(key), args);

    /// <summary>Whether some resource set defines the key (for optional texts such as a per-enum hint).</summary>
    public bool Has(string key) => catalog.Find(key, Language) is not null;

    public string Render(Phrase phrase) => Text(phrase.Key, [.. phrase.Args]);

    public string Render(Phrase? phrase, string fallback) => phrase is null ? fallback : Render(phrase);

    /// <summary>The reader's name for an enum value: the text of key <c>EnumType.Member</c>.</summary>
    public string Name(Enum value) => Text(KeyOf(value));

    public static string KeyOf(Enum value) => $"{value.GetType().Name}.{value}";

    /// <summary>One value as the rules above render it (e.g. a date or a list outside any template).</summary>
    public string Value(object? value, string? format = null) => Format(format, value, this);

    public string List(IEnumerable values) => Value(values);

    /// <summary>Phrases rendered and joined as clauses of one line: "；" in Chinese, "; " in English.</summary>
    public string Clauses(IEnumerable<Phrase> phrases) => string.Join(Language == Language.Chinese ? "；" : "; ", phrases.Select(Render));

    /// <summary>Sentences of one paragraph, joined as the language joins them: nothing between in Chinese, a space in English.</summary>
    public string Sentences(params string?[] sentences) =>
        string.Join(Language == Language.Chinese ? string.Empty : " ", sentences.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>A template from elsewhere (a feature's own resource set) filled by the same rules.</summary>
    public string Format(string template, params object?[] args) =>
        args.Length == 0 ? Unescape(template) : string.Format(this, template, args);

    object? IFormatProvider.GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : Culture.GetFormat(formatType);

    public string Format(string? format, object? arg, IFormatProvider? formatProvider) => arg switch
    {
        null => string.Empty,
        string text => text,
        Phrase phrase => Render(phrase),
        Enum value => Name(value),
        ILocalizable localizable => localizable.Render(this, format),
        DateTimeOffset instant => DateText(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime, format),
        DateTime local => DateText(local, format),
        DateOnly day => DateText(day.ToDateTime(TimeOnly.MinValue), string.IsNullOrEmpty(format) ? "d" : format),
        _ when format is not null && format.StartsWith("plural:", StringComparison.Ordinal) && IsNumber(arg) => Plural(format["plural:".Length..], arg),
        IEnumerable values => string.Join(ListSeparator, values.Cast<object?>().Select(v => Format(null, v, this))),
        IFormattable formattable => formattable.ToString(format, Culture),
        _ => arg.ToString() ?? string.Empty,
    };

    private string DateText(DateTime local, string? format)
    {
        var pattern = (Language, format) switch
        {
            (Language.Chinese, "d") => "M月d日（ddd）",
            (Language.Chinese, "D") => "yyyy年M月d日",
            (Language.Chinese, "t") => "HH:mm",
            (Language.Chinese, "F") => "yyyy年M月d日（ddd）HH:mm",
            (Language.Chinese, null or "") => "M月d日（ddd）HH:mm",
            (_, "d") => "ddd, MMM d",
            (_, "D") => "MMM d, yyyy",
            (_, "t") => "h:mm tt",
            (_, "F") => "ddd, MMM d, yyyy, h:mm tt",
            (_, null or "") => "ddd, MMM d, h:mm tt",
            _ => format!,
        };
        return local.ToString(pattern, Culture);
    }

    private string Plural(string forms, object number)
    {
        var choices = forms.Split('|');
        var value = Convert.ToDecimal(number, CultureInfo.InvariantCulture);
        var form = value == 1m || choices.Length == 1 ? choices[0] : choices[1];
        return form.Replace("#", value.ToString("#,0.##", Culture), StringComparison.Ordinal);
    }

    private static bool IsNumber(object value) => value is int or long or short or byte or uint or ulong or decimal or double or float;

    private static string Unescape(string template) => template.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);
}

/// <summary>A text key used by code but absent from every resource set: a bug that tests must catch.</summary>
public sealed class MissingTextException(string key, string? resourceSet = null)
    : Exception(resourceSet is null ? $"Text '{key}' is missing from the resources." : $"Text '{key}' is missing from {resourceSet}.resx.")
{
    public string Key { get; } = key;
}

/// <summary>Items rendered one by one and joined with a fixed separator (" + ", " → ") in either language.</summary>
public sealed record Joined(string Separator, IReadOnlyList<object?> Items) : ILocalizable
{
    public string Render(Copy copy, string? format) => string.Join(Separator, Items.Select(i => copy.Value(i, format)));
}
