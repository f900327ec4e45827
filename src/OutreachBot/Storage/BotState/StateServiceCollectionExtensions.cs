using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutreachBot.Domain.Storage;

namespace OutreachBot.Storage.BotState;

public static class StateServiceCollectionExtensions
{
    /// <summary>
    /// Bot state (IStorage, ConversationState, PrivateConversationState — per conversation and user —, UserState)
    /// persisted through the registered <see cref="IEntityStore"/>.
    /// </summary>
    public static IServiceCollection AddOutreachBotState(this IServiceCollection services)
    {
        services.TryAddSingleton<IStorage>(provider => new EntityStoreBotStorage(provider.GetRequiredService<IEntityStore>()));
        services.TryAddSingleton(provider => new ConversationState(provider.GetRequiredService<IStorage>()));
        services.TryAddSingleton(provider => new PrivateConversationState(provider.GetRequiredService<IStorage>()));
        services.TryAddSingleton(provider => new UserState(provider.GetRequiredService<IStorage>()));
        return services;
    }
}
