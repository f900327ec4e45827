using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OutreachBot.Domain.Storage;
using OutreachBot.Storage.AzureTables;
using OutreachBot.Storage.Sqlite;

namespace OutreachBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the configured <see cref="IEntityStore"/> from section "Storage" (Storage:Provider = Sqlite (default) |
    /// AzureTables | InMemory), with the settings validated when the host starts.
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
            IEntityStore store = options.Provider switch
            {
                StorageProvider.AzureTables => new AzureTableEntityStore(options.AzureTables),
                StorageProvider.InMemory => new InMemoryEntityStore(),
                _ => new SqliteEntityStore(options.Sqlite),
            };
            return options.CountOperations ? new CountingEntityStore(store) : store;
        });
        return services;
    }
}
