using OutreachBot.Chat;
using OutreachBot.Chat.Commands;

namespace OutreachBot.Features.Settings;

public static class SettingsFeature
{
    public static IServiceCollection AddSettingsFeature(this IServiceCollection services) =>
        services
            .AddCommand<LanguageCommand>(CommandCatalog.Language)
            .AddCommand<TimeZoneCommand>(CommandCatalog.TimeZone)
            .AddCommand<IamCommand>(CommandCatalog.Iam)
            .AddCommand<SettingsCommand>(CommandCatalog.Settings)
            .AddFlow<SettingsFlow>();
}
