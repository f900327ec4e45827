using OutreachBot.Features.Directory;
using OutreachBot.Features.Files;
using OutreachBot.Features.Outreaches;
using OutreachBot.Features.Reminders;
using OutreachBot.Features.Settings;
using OutreachBot.Features.StageTwo;

namespace OutreachBot.Hosting;

public static class FeatureServiceCollectionExtensions
{
    /// <summary>Every feature of the bot, one line each.</summary>
    public static IServiceCollection AddOutreachFeatures(this IServiceCollection services)
    {
        services.AddOptions<QuotaOptions>().BindConfiguration(QuotaOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<QuotaOptions>, QuotaOptionsValidator>();
        services.AddSingleton<DailyQuotas>();
        return services
            .AddSettingsFeature()
            .AddFilesFeature()
            .AddDirectoryFeature()
            .AddOutreachesFeature()
            .AddRemindersFeature()
            .AddStageTwoFeature();
    }
}
