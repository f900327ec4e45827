using Microsoft.Extensions.Options;
using OutreachBot.Hosting;

namespace OutreachBot.Features.WebChat;

public static class WebChatFeature
{
    /// <summary>The local Web Chat: the page, its Direct Line–compatible channel and the conversations it keeps.</summary>
    public static IServiceCollection AddWebChatFeature(this IServiceCollection services)
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
        services.AddSingleton(sp => WebChatBundle.Find(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, AppContext.BaseDirectory));
        return services;
    }

    /// <summary>
    /// Maps the page and the channel when Web Chat is on (Development, or WebChat:Enabled); otherwise nothing is mapped
    /// and every Web Chat path is a 404. The channel hands activities to the adapter unsigned, so it needs local mode.
    /// </summary>
    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var options = services.GetRequiredService<IOptions<WebChatOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("OutreachBot.WebChat");
        if (!(options.Enabled ?? environment.IsDevelopment()))
        {
            return endpoints;
        }

        if (!services.GetRequiredService<IOptions<BotIdentityOptions>>().Value.IsLocalMode)
        {
            logger.LogWarning("Web Chat stays off: its local channel sends unsigned activities, which only a bot without MicrosoftAppId accepts");
            return endpoints;
        }

        var bundle = services.GetRequiredService<WebChatBundle>();
        if (bundle.IsAvailable)
        {
            logger.LogInformation("Web Chat is on at / (bundle {Bundle})", bundle.Path);
        }
        else
        {
            logger.LogWarning("Web Chat is on at /, but {Bundle} was not found above {ContentRoot}: run npm ci in the repository root", WebChatBundle.RelativePath, environment.ContentRootPath);
        }

        endpoints.MapWebChatPage();
        endpoints.MapDirectLine();
        endpoints.MapLocalConnector();
        return endpoints;
    }
}
