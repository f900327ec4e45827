namespace OutreachBot.Features.Settings;

/// <summary>Texts of the settings feature (SettingsTexts.resx, SettingsTexts.zh-CN.resx).</summary>
public sealed class SettingsTexts : ITextSet;
