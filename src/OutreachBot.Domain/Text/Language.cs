using System.Globalization;

namespace OutreachBot.Domain.Text;

/// <summary>
/// The two languages the bot speaks. The one place that decides "is this Chinese?": everything else asks a
/// <see cref="Language"/> (a profile's override, else the activity's locale) and never looks at a locale string again.
/// </summary>
public enum Language
{
    English,
    Chinese,
}

public static class LanguageExtensions
{
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo ChineseCulture = CultureInfo.GetCultureInfo("zh-CN");

    extension(Language language)
    {
        /// <summary>The culture that formats numbers and dates for this language (zh-CN, en-US).</summary>
        public CultureInfo Culture => language == Language.Chinese ? ChineseCulture : EnglishCulture;

        /// <summary>The BCP 47 tag stored in profiles and reminders: "zh-CN" or "en-US".</summary>
        public string Tag => language.Culture.Name;
    }

    extension(Language)
    {
        /// <summary>A channel locale or a stored tag ("zh-CN", "zh-Hans-CN", "en-GB", null): Chinese for any zh, else English.</summary>
        public static Language FromLocale(string? locale) =>
            locale is not null && locale.TrimStart().StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Language.Chinese : Language.English;

        /// <summary>The language a formatting culture belongs to.</summary>
        public static Language Of(CultureInfo culture) => Language.FromLocale(culture?.Name);

        /// <summary>What a user types after `language`: zh, en, 中文, English, zh-CN, …; null when it is neither.</summary>
        public static Language? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
        {
            "zh" or "cn" or "zh-cn" or "zh-hans" or "中文" or "汉语" or "chinese" => Language.Chinese,
            "en" or "en-us" or "english" or "英文" or "英语" => Language.English,
            _ => null,
        };
    }
}
