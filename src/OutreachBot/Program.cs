using OutreachBot.Development;
using OutreachBot.Features.Directory;
using OutreachBot.Features.Files;
using OutreachBot.Hosting;
using OutreachBot.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOutreachStorage(builder.Configuration);
builder.Services.AddOutreachHost(builder.Configuration);
builder.Services.AddOutreachTelemetry(builder.Configuration);
builder.Services.AddOutreachChat();
builder.Services.AddOutreachFeatures();
builder.AddDevelopmentTools();

var app = builder.Build();

app.LogAuthenticationMode();
app.MapBotEndpoints();
app.MapHealthEndpoint();
app.MapFileEndpoints();
app.MapDirectoryAdmin();
app.MapDevelopmentTools();
app.MapStorageDiagnostics();

app.Run();

public partial class Program;
