namespace OutreachBot.Features.Settings;

public static class SettingsFeature
{
    public static IServiceCollection AddSettingsFeature(this IServiceCollection services) =>
        services
            .AddCommand<LanguageCommand>(SettingsCommandSet.Language)
            .AddCommand<TimeZoneCommand>(SettingsCommandSet.TimeZone)
            .AddCommand<IamCommand>(SettingsCommandSet.Iam)
            .AddCommand<SettingsCommand>(SettingsCommandSet.Settings)
            .AddFlow<SettingsFlow>();
}
