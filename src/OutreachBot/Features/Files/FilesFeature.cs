using OutreachBot.Storage.Downloads;

namespace OutreachBot.Features.Files;

public static class FilesFeature
{
    /// <summary>Download links (<see cref="IDownloadLinks"/>) for every feature; map the endpoint with <c>app.MapFileEndpoints()</c>.</summary>
    public static IServiceCollection AddFilesFeature(this IServiceCollection services)
    {
        services.AddOptions<DownloadOptions>().BindConfiguration(DownloadOptions.Section)
            .Validate(o => o.Lifetime >= TimeSpan.FromMinutes(1) && o.Lifetime <= TimeSpan.FromDays(30), "Files:Lifetime must be between one minute and 30 days.")
            .Validate(o => o.MaxBytes is > 0 and <= 400 * 1024, "Files:MaxBytes must be between 1 byte and 400 KB.")
            .Validate(o => o.SweepInterval >= TimeSpan.FromMinutes(1), "Files:SweepInterval must be at least one minute.")
            .ValidateOnStart();
        services.AddOptions<PublicAddressOptions>().BindConfiguration(PublicAddressOptions.Section)
            .Validate(o => o.PublicBaseUrl.IsAbsoluteUri && (o.PublicBaseUrl.Scheme == Uri.UriSchemeHttps || o.PublicBaseUrl.Scheme == Uri.UriSchemeHttp), "Bot:PublicBaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddSingleton<DownloadStore>();
        services.AddSingleton<IDownloadLinks>(sp => sp.GetRequiredService<DownloadStore>());
        services.AddHostedService<DownloadSweeper>();
        return services;
    }
}
