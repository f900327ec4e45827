using OutreachBot.Domain.Storage;
using OutreachBot.Storage;
using OutreachBot.Storage.Resilience;

namespace OutreachBot.Hosting;

public static class StorageDiagnosticsEndpoint
{
    /// <summary>
    /// GET /diagnostics/storage: storage round-trip totals, for the load harness. Mapped only in Development and only
    /// when Storage:CountOperations is on, so production never exposes it.
    /// </summary>
    public static WebApplication MapStorageDiagnostics(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<IEntityStore>();
        if (app.Environment.IsDevelopment() && ((store as ResilientEntityStore)?.Inner ?? store) is CountingEntityStore counting)
        {
            app.MapGet("/diagnostics/storage", () => Results.Ok(counting.Snapshot()));
        }

        return app;
    }
}
