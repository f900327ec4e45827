using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OutreachBot.Testing;

/// <summary>One batch of telemetry as the fake ingestion endpoint received it: the path and the decompressed body.</summary>
public sealed record ExportedTelemetry(string Path, string Body);

/// <summary>
/// Stands in for Application Insights on 127.0.0.1: its <see cref="ConnectionString"/> sends the ingestion (track) and
/// live-metrics traffic of the Azure Monitor exporter here, where every POST is kept, gunzipped, and accepted.
/// </summary>
public sealed class FakeApplicationInsights : IAsyncDisposable
{
    private readonly ConcurrentQueue<ExportedTelemetry> received = new();
    private readonly Lock gate = new();
    private readonly List<(Func<ExportedTelemetry, bool> Match, TaskCompletionSource<ExportedTelemetry> Signal)> waiters = [];
    private LoopbackServer? server;

    private FakeApplicationInsights()
    {
    }

    /// <summary>An Application Insights connection string whose endpoints are this fake.</summary>
    public string ConnectionString =>
        $"InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint={Address};LiveEndpoint={Address}";

    public IReadOnlyList<ExportedTelemetry> Received => received.ToArray();

    private Uri Address => server?.Address ?? throw new InvalidOperationException("The fake is not started.");

    public static async Task<FakeApplicationInsights> StartAsync()
    {
        var fake = new FakeApplicationInsights();
        fake.server = await LoopbackServer.StartAsync(app => app.MapPost("/{**path}", fake.ReceiveAsync));
        return fake;
    }

    /// <summary>Completes with the first batch (already received or still to come) that <paramref name="match"/> accepts.</summary>
    public Task<ExportedTelemetry> WaitForAsync(Func<ExportedTelemetry, bool> match)
    {
        lock (gate)
        {
            if (received.FirstOrDefault(match) is { } already)
            {
                return Task.FromResult(already);
            }

            var signal = new TaskCompletionSource<ExportedTelemetry>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((match, signal));
            return signal.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private async Task ReceiveAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var telemetry = new ExportedTelemetry(http.Request.Path.Value ?? "", Decode(buffer.ToArray()));
        lock (gate)
        {
            received.Enqueue(telemetry);
            foreach (var waiter in waiters.Where(w => w.Match(telemetry)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Signal.TrySetResult(telemetry);
            }
        }

        var items = telemetry.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        await http.Response.WriteAsJsonAsync(new { itemsReceived = items, itemsAccepted = items, errors = Array.Empty<object>() });
    }

    private static string Decode(byte[] body)
    {
        if (body is [0x1f, 0x8b, ..])
        {
            using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            return reader.ReadToEnd();
        }

        return Encoding.UTF8.GetString(body);
    }
}
