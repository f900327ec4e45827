using Azure.Monitor.OpenTelemetry.AspNetCore;

namespace OutreachBot.Hosting;

public static class TelemetryServiceCollectionExtensions
{
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Requests, dependencies (Azure Tables, the Bot Connector), logs and metrics to Application Insights when its
    /// connection string is configured (the Azure deployment sets it); nothing at all otherwise, so local runs stay lean.
    /// </summary>
    public static IServiceCollection AddOutreachTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[ConnectionStringKey]))
        {
            services.AddOpenTelemetry().UseAzureMonitor();
        }

        return services;
    }
}
