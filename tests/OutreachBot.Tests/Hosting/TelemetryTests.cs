using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using OutreachBot.Hosting;

namespace OutreachBot.Tests.Hosting;

public sealed class TelemetryTests
{
    [Fact]
    public void Without_an_Application_Insights_connection_string_no_telemetry_pipeline_is_registered()
    {
        using var app = Bot(connectionString: null);

        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void With_an_Application_Insights_connection_string_traces_are_exported()
    {
        using var app = Bot("InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=http://127.0.0.1:9/");

        Assert.NotNull(app.Services.GetService<TracerProvider>());
    }

    private static WebApplicationFactory<Program> Bot(string? connectionString) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Storage:Provider", "InMemory");
            web.UseSetting(TelemetryServiceCollectionExtensions.ConnectionStringKey, connectionString ?? "");
        });
}
