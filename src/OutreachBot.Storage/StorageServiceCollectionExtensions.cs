using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OutreachBot.Storage.Resilience;
using OutreachBot.Storage.Sqlite;

namespace OutreachBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the configured <see cref="IEntityStore"/> from section "Storage" (Storage:Provider = Sqlite (default) |
    /// AzureTables | InMemory), with the settings validated when the host starts. Every adapter is wrapped in
    /// <see cref="ResilientEntityStore"/> (time limits, circuit breaker), and the "storage" health check asks it.
    /// </summary>
    public static IServiceCollection AddOutreachStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.AddSingleton<IEntityStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var loggers = provider.GetService<ILoggerFactory>();
            IEntityStore store = options.Provider switch
            {
                StorageProvider.AzureTables => new AzureTableEntityStore(options.AzureTables, loggers?.CreateLogger<AzureTableEntityStore>()),
                StorageProvider.InMemory => new InMemoryEntityStore(),
                _ => new SqliteEntityStore(options.Sqlite),
            };
            return new ResilientEntityStore(options.CountOperations ? new CountingEntityStore(store) : store, options.Resilience, loggers);
        });
        services.AddHealthChecks().AddCheck<StorageHealthCheck>(StorageHealthCheck.Name);
        return services;
    }
}
