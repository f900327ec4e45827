using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

// The load harness's baseline: the smallest Bot Builder bot, hosted like OutreachBot (Kestrel, CloudAdapter,
// POST /api/messages, expectReplies), so the ratio OutreachBot/echo shows what OutreachBot itself costs per turn.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<BotFrameworkAuthentication>(sp =>
    new ConfigurationBotFrameworkAuthentication(builder.Configuration, logger: sp.GetRequiredService<ILogger<BotFrameworkAuthentication>>()));
builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp =>
    new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<CloudAdapter>>()));
builder.Services.AddSingleton<IBot, EchoBot>();

var app = builder.Build();
app.MapPost("/api/messages", (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot) =>
    adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted));
app.MapGet("/healthz", () => Results.Ok(new { status = "healthy" }));
app.Run();

internal sealed class EchoBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text("echo: " + turnContext.Activity.Text), cancellationToken);
}
