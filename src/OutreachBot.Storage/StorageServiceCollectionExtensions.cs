using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Domain.Storage;

namespace OutreachBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the configured <see cref="IEntityStore"/> (section "Storage").</summary>
    public static IServiceCollection AddOutreachStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Replaced by the SQLite / Azure Tables selection in the storage work of the foundation issue.
        services.AddSingleton<IEntityStore, InMemoryEntityStore>();
        return services;
    }
}
