using OutreachBot.Chat;
using OutreachBot.Features.Directory;
using OutreachBot.Features.Files;
using OutreachBot.Features.WebChat;
using OutreachBot.Hosting;
using OutreachBot.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOutreachStorage(builder.Configuration);
builder.Services.AddOutreachHost(builder.Configuration);
builder.Services.AddOutreachTelemetry(builder.Configuration);
builder.Services.AddOutreachChat();
builder.Services.AddOutreachFeatures();

var app = builder.Build();

app.LogAuthenticationMode();
app.MapBotEndpoints();
app.MapHealthEndpoint();
app.MapFileEndpoints();
app.MapDirectoryAdmin();
app.MapWebChat();
app.MapStorageDiagnostics();

app.Run();

public partial class Program;
