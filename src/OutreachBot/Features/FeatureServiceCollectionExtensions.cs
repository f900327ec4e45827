using OutreachBot.Features.Directory;
using OutreachBot.Features.Files;
using OutreachBot.Features.Settings;
using OutreachBot.Features.StageTwo;

namespace OutreachBot.Hosting;

public static class FeatureServiceCollectionExtensions
{
    /// <summary>Every feature of the bot, one line each.</summary>
    public static IServiceCollection AddOutreachFeatures(this IServiceCollection services) =>
        services
            .AddSettingsFeature()
            .AddDirectoryFeature()
            .AddFilesFeature()
            .AddStageTwoFeature();
}
