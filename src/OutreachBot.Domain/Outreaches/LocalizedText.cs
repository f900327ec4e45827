namespace OutreachBot.Domain.Outreaches;

/// <summary>A text written natively in both product languages; the chat layer picks one by locale.</summary>
public sealed record LocalizedText(string ZhCn, string EnUs)
{
    public string For(string? locale) => IsChinese(locale) ? ZhCn : EnUs;

    public static bool IsChinese(string? locale) => locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => EnUs;
}
