using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using OutreachBot.Storage;
using OutreachBot.Storage.BotState;
using OutreachBot.Storage.ConversationReferences;
using OutreachBot.Storage.UserProfiles;

namespace OutreachBot.Hosting;

public static class HostServiceCollectionExtensions
{
    /// <summary>The Bot Framework host: identity (fail closed), authentication, the edge's refusal log, adapter, state, the bot, conversation references.</summary>
    public static IServiceCollection AddOutreachHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section)
            .Validate(o => o.MaxRequestBytes is >= 1024 and <= 4 * 1024 * 1024, "Bot:MaxRequestBytes must be between 1 KB and 4 MB.")
            .Validate(o => o.RefusalLogLinesPerMinute is >= 1 and <= 10_000, "Bot:RefusalLogLinesPerMinute must be between 1 and 10000.")
            .ValidateOnStart();
        services.AddOptions<BotIdentityOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotIdentityOptions>, BotIdentityValidation>();

        services.AddSingleton(TimeProvider.System);
        // Without a factory Bot Builder gives every turn's ConnectorClient and UserTokenClient a new HttpClient and
        // handler: a new connection to the channel per turn. The factory's pooled handlers keep connections alive.
        services.AddHttpClient();
        services.AddSingleton(sp => new SharedClientsAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                configuration,
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: new TurnDetailLogger(sp.GetRequiredService<ILogger<BotFrameworkAuthentication>>()))));
        services.AddSingleton<BotFrameworkAuthentication>(sp => sp.GetRequiredService<SharedClientsAuthentication>());
        services.AddSingleton(sp =>
        {
            var adapter = new OutreachCloudAdapter(
                sp.GetRequiredService<BotFrameworkAuthentication>(),
                sp.GetRequiredService<ILogger<OutreachCloudAdapter>>());
            adapter.Use(new StorageBudgetMiddleware(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Resilience));
            return adapter;
        });
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<OutreachCloudAdapter>());
        services.AddSingleton<BotRequestAuthenticator>();
        services.AddSingleton<RefusedRequestLog>();

        services.AddOutreachBotState();

        services.AddSingleton<UserProfileStore>();
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<IBot, OutreachActivityHandler>();
        return services;
    }
}
