namespace OutreachBot.Features.Settings;

/// <summary>The settings' commands; their help lines and button labels are <c>Command.*</c> in SettingsTexts.</summary>
public static class SettingsCommandSet
{
    public static CommandDefinition Settings { get; } =
        new CommandDefinition<SettingsTexts>("settings", "设置", helpOrder: 160) { Shortcut = ShortcutOn.WelcomeAndHelp };

    /// <summary>Its button switches to the other language: "中文" passes <c>zh</c>, "English" passes <c>en</c>.</summary>
    public static CommandDefinition Language { get; } =
        new CommandDefinition<SettingsTexts>("language", "语言", helpOrder: 170, "lang") { Shortcut = ShortcutOn.WelcomeAndHelp, ChangesData = true };

    public static CommandDefinition TimeZone { get; } = new CommandDefinition<SettingsTexts>("timezone", "时区", helpOrder: 180, "tz") { ChangesData = true };

    public static CommandDefinition Iam { get; } = new CommandDefinition<SettingsTexts>("iam", "我是", helpOrder: 190) { ChangesData = true };
}
