using System.Net;
using OpenTelemetry.Trace;
using OutreachBot.Hosting;

namespace OutreachBot.Tests.Hosting;

/// <summary>
/// OpenTelemetry's ASP.NET Core listener is process-wide and the Azure Monitor distro rate-limits traces per second, so
/// these tests run alone: requests served by other tests' hosts would otherwise crowd out the one this test makes.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(3);

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

        var exporting = applicationInsights.WaitForAsync(t => t.Path.EndsWith("/track", StringComparison.Ordinal) && t.Body.Split('\n').Any(IsHealthRequest));
        var giveUp = DateTimeOffset.UtcNow + Patience;
        while (!exporting.IsCompleted && DateTimeOffset.UtcNow < giveUp)
        {
            // The distro samples at a limited rate whose budget starts empty, so a request served in the first instant
            // after start-up may be dropped: ask again until one is exported.
            using var response = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            app.Services.GetRequiredService<TracerProvider>().ForceFlush();
            await Task.WhenAny(exporting, Task.Delay(Retry));
        }

        var exported = await exporting.WaitAsync(TimeSpan.Zero);

        var request = exported.Body.Split('\n').First(IsHealthRequest);
        Assert.Contains("\"baseType\":\"RequestData\"", request, StringComparison.Ordinal);
        Assert.Contains("\"responseCode\":\"200\"", request, StringComparison.Ordinal);
        Assert.Contains("00000000-0000-4000-8000-000000000000", request, StringComparison.Ordinal);
    }

    private static bool IsHealthRequest(string line) =>
        line.Contains("RequestData", StringComparison.Ordinal) && line.Contains("/healthz", StringComparison.Ordinal);
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry, alone";
}
