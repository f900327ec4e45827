using System.Globalization;

namespace OutreachBot.Domain.Text;

/// <summary>A text the bot shows in Chinese (zh-CN) or English (en-US), whichever the user reads.</summary>
public sealed record BilingualText(string Zh, string En)
{
    public string For(string? locale) => IsChinese(locale) ? Zh : En;

    public string In(CultureInfo culture) => For(culture.Name);

    public static bool IsChinese(string? locale) => locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => En;
}
