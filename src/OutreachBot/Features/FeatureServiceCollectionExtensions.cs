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
    public static IServiceCollection AddOutreachFeatures(this IServiceCollection services) =>
        services
            .AddSettingsFeature()
            .AddFilesFeature()
            .AddDirectoryFeature()
            .AddOutreachesFeature()
            .AddRemindersFeature()
            .AddStageTwoFeature();
}
