using System.Globalization;

namespace OutreachBot.Chat.Localization;

/// <summary>The two languages the bot speaks. Anything that is not Chinese falls back to English.</summary>
public static class BotLanguage
{
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-US");

    public static CultureInfo Chinese { get; } = CultureInfo.GetCultureInfo("zh-CN");

    public static CultureInfo FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    /// <summary>Parses what a user types after `language`: zh, en, 中文, English, zh-CN, …</summary>
    public static CultureInfo? Parse(string? text)
    {
        var value = text?.Trim().ToLowerInvariant();
        return value switch
        {
            "zh" or "cn" or "zh-cn" or "zh-hans" or "中文" or "汉语" or "chinese" => Chinese,
            "en" or "en-us" or "english" or "英文" or "英语" => English,
            _ => null,
        };
    }
}
