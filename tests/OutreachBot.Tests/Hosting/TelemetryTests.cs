using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using OutreachBot.Hosting;

namespace OutreachBot.Tests.Hosting;

public sealed class TelemetryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void Without_an_Application_Insights_connection_string_no_telemetry_pipeline_is_registered()
    {
        using var app = new BotTestHost(BotTestOptions.Quiet.With((TelemetryServiceCollectionExtensions.ConnectionStringKey, "")));

        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task With_an_Application_Insights_connection_string_a_served_request_is_exported_to_its_ingestion_endpoint()
    {
        await using var applicationInsights = await FakeApplicationInsights.StartAsync();
        using var app = new BotTestHost(BotTestOptions.Quiet.With((TelemetryServiceCollectionExtensions.ConnectionStringKey, applicationInsights.ConnectionString)));
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/healthz");
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        var exported = await applicationInsights.WaitForAsync(t => t.Path.EndsWith("/track", StringComparison.Ordinal) && t.Body.Split('\n').Any(IsHealthRequest)).WaitAsync(Patience);

        var request = exported.Body.Split('\n').Single(IsHealthRequest);
        Assert.Contains("\"baseType\":\"RequestData\"", request, StringComparison.Ordinal);
        Assert.Contains("\"responseCode\":\"200\"", request, StringComparison.Ordinal);
        Assert.Contains("00000000-0000-4000-8000-000000000000", request, StringComparison.Ordinal);
    }

    private static bool IsHealthRequest(string line) =>
        line.Contains("RequestData", StringComparison.Ordinal) && line.Contains("/healthz", StringComparison.Ordinal);
}
