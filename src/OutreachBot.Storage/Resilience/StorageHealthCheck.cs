using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OutreachBot.Storage.Resilience;

/// <summary>Healthy when storage answers the way a turn would need it to (see <see cref="ResilientEntityStore.IsHealthyAsync"/>).</summary>
public sealed class StorageHealthCheck(IEntityStore store) : IHealthCheck
{
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.IsHealthyAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Storage does not answer.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Storage health check failed.", exception);
        }
    }
}
