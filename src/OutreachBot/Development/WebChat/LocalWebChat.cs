using Microsoft.Extensions.Options;
using OutreachBot.Hosting;

namespace OutreachBot.Development.WebChat;

/// <summary>
/// The local Web Chat, a development tool rather than a product feature: a page at <c>/</c> and a Direct Line–compatible
/// channel on this machine, so the bot can be tried with no Azure and no Teams.
/// </summary>
public static class LocalWebChat
{
    public static IServiceCollection AddLocalWebChat(this IServiceCollection services)
    {
        services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section)
            .Validate(o => o.MaxConversations is >= 1 and <= 100_000, "WebChat:MaxConversations must be between 1 and 100000.")
            .Validate(o => o.IdleTimeout >= TimeSpan.FromMinutes(1), "WebChat:IdleTimeout must be at least one minute.")
            .Validate(o => o.MaxActivitiesPerConversation is >= 10 and <= 100_000, "WebChat:MaxActivitiesPerConversation must be between 10 and 100000.")
            .Validate(o => o.MaxActivityBytes is >= 1024 and <= 4 * 1024 * 1024, "WebChat:MaxActivityBytes must be between 1 KB and 4 MB.")
            .Validate(o => o.MaxActivitiesPerPoll is >= 1 and <= 1000, "WebChat:MaxActivitiesPerPoll must be between 1 and 1000.")
            .ValidateOnStart();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<WebChatChannel>();
        services.AddSingleton<WebChatAssets>();
        return services;
    }

    /// <summary>
    /// Maps the page and the channel when Web Chat is on (Development, or WebChat:Enabled) and returns whether it did;
    /// otherwise every Web Chat path is a 404. The channel hands activities to the adapter unsigned, so it needs local mode.
    /// </summary>
    public static bool MapLocalWebChat(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var options = services.GetRequiredService<IOptions<WebChatOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("OutreachBot.WebChat");
        if (!(options.Enabled ?? environment.IsDevelopment()))
        {
            return false;
        }

        if (!services.GetRequiredService<IOptions<BotIdentityOptions>>().Value.IsLocalMode)
        {
            logger.LogWarning("Web Chat stays off: its local channel sends unsigned activities, which only a bot without MicrosoftAppId accepts");
            return false;
        }

        if (!services.GetRequiredService<WebChatAssets>().IsInstalled)
        {
            logger.LogWarning("Web Chat's files from npm are not in {Folder} yet (the build fetches them): the page at / says so and opens Web Chat as soon as they are there", WebChatAssets.PackageFolder);
        }

        endpoints.MapWebChatPage();
        endpoints.MapDirectLine();
        endpoints.MapLocalConnector();
        return true;
    }
}
