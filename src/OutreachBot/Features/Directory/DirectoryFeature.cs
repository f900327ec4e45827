using Microsoft.Extensions.Options;
using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Directory.Import;
using OutreachBot.Domain.Directory.Referrals;
using OutreachBot.Domain.Directory.Storage;

namespace OutreachBot.Features.Directory;

public static class DirectoryFeature
{
    /// <summary>The live org directory (loaded at start-up, shared by every feature that needs departments or people).</summary>
    public static IServiceCollection AddDirectoryFeature(this IServiceCollection services)
    {
        services.AddOptions<OrgDirectoryOptions>().BindConfiguration(OrgDirectoryOptions.Section)
            .Validate(o => o.RefreshInterval >= TimeSpan.FromSeconds(1), "OrgDirectory:RefreshInterval must be at least one second.")
            .Validate(o => o.VeteranYears is >= 0 and <= 50, "OrgDirectory:VeteranYears must be between 0 and 50.")
            .ValidateOnStart();
        services.AddSingleton<DirectoryRepository>();
        services.AddSingleton<OrgDirectoryImporter>();
        services.AddSingleton(sp => new LiveDirectory(
            sp.GetRequiredService<DirectoryRepository>(),
            sp.GetRequiredService<OrgDirectoryImporter>(),
            new ReferralOptions(VeteranYears: sp.GetRequiredService<IOptions<OrgDirectoryOptions>>().Value.VeteranYears)));
        services.AddHostedService<DirectoryLoader>();
        return services;
    }
}
