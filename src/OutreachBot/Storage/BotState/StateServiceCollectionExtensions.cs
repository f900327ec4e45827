using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutreachBot.Domain.Storage;

namespace OutreachBot.Storage.BotState;

public static class StateServiceCollectionExtensions
{
    /// <summary>
    /// Bot state persisted through the registered <see cref="IEntityStore"/>: IStorage, ConversationState (read only to
    /// take over state from before per-user state), UserState, and <see cref="UserStates.UserStateStore"/> — each user's
    /// state per conversation beside their profile (before it, Bot Builder's PrivateConversationState in IStorage).
    /// </summary>
    public static IServiceCollection AddOutreachBotState(this IServiceCollection services)
    {
        services.TryAddSingleton<IStorage>(provider => new EntityStoreBotStorage(provider.GetRequiredService<IEntityStore>()));
        services.TryAddSingleton(provider => new ConversationState(provider.GetRequiredService<IStorage>()));
        services.TryAddSingleton<UserStates.UserStateStore>();
        services.TryAddSingleton(provider => new UserState(provider.GetRequiredService<IStorage>()));
        return services;
    }
}
