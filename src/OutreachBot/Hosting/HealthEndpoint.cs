using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OutreachBot.Hosting;

public static class HealthEndpoint
{
    /// <summary>
    /// GET /healthz through ASP.NET Core Health Checks: 200 {"status":"healthy"} when every check passes, otherwise 503
    /// {"status":"unhealthy","reason":"storage"} naming the failed checks. The storage check answers what a turn would
    /// meet now (see ResilientEntityStore.IsHealthyAsync).
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteAsync,
        });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var failed = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key).ToList();
        object body = failed.Count == 0
            ? new { status = "healthy" }
            : new { status = "unhealthy", reason = string.Join(",", failed) };
        return http.Response.WriteAsJsonAsync(body, http.RequestAborted);
    }
}
