using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OutreachBot.Development.WebChat;

namespace OutreachBot.Development;

/// <summary>What a developer gets on their own machine and a deployed bot does not: a readable start-up and the local Web Chat.</summary>
public static class DevelopmentTools
{
    public static WebApplicationBuilder AddDevelopmentTools(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            // One line per event, so the start-up reads as its phases: directory imported, listening on, open this URL.
            builder.Logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            });
        }

        builder.Services.AddLocalWebChat();
        return builder;
    }

    public static WebApplication MapDevelopmentTools(this WebApplication app)
    {
        if (app.MapLocalWebChat())
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OutreachBot.Startup");
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
                foreach (var address in addresses.Where(a => a.StartsWith("http", StringComparison.Ordinal)).Take(1))
                {
                    logger.LogInformation("Ready: open {Url}/ in a browser to chat with the bot, or try tools/say help", address.TrimEnd('/'));
                }
            });
        }

        return app;
    }
}
