using OutreachBot.Chat.Localization;

namespace OutreachBot.Features.StageTwo;

/// <summary>Texts of the stage-2 kit (StageTwoTexts.resx, StageTwoTexts.zh-CN.resx).</summary>
public sealed class StageTwoTexts : ITextSet;

public static class StageTwoText
{
    private static readonly System.Globalization.CultureInfo Chinese = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
    private static readonly System.Globalization.CultureInfo English = System.Globalization.CultureInfo.GetCultureInfo("en-US");

    /// <summary>A text in both languages, for domain errors that carry their own <see cref="BilingualText"/>.</summary>
    public static BilingualText Both(string key, params object?[] args) =>
        new(Chat.Localization.Texts<StageTwoTexts>.Get(Chinese, key, args), Chat.Localization.Texts<StageTwoTexts>.Get(English, key, args));
}
