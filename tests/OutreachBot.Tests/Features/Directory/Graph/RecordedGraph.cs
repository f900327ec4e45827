using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OutreachBot.Tests.Features.Directory.Graph;

/// <summary>
/// Microsoft Graph's <c>/v1.0/users</c> on 127.0.0.1 answering with the recorded pages in TestData/graph (two pages, the
/// second behind a <c>$skiptoken</c>): real HTTP for the Graph directory source, no SDK mock.
/// </summary>
public sealed class RecordedGraph : IAsyncDisposable
{
    private readonly string? token;
    private LoopbackServer server = null!;

    private RecordedGraph(string? token) => this.token = token;

    /// <summary>Graph's base address as the source is configured with it, e.g. http://127.0.0.1:41234/v1.0/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request's Authorization header and query string, in the order they came.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Retry-After seconds of the 429s the next requests for the second page get, one each.</summary>
    public ConcurrentQueue<int> Throttles { get; } = new();

    /// <param name="token">The bearer token every request must carry (401 otherwise); none: any request is served.</param>
    public static async Task<RecordedGraph> StartAsync(string? token = null)
    {
        var graph = new RecordedGraph(token);
        graph.server = await LoopbackServer.StartAsync(app => app.MapGet("/v1.0/users", graph.ServeAsync));
        graph.BaseUrl = new Uri(graph.server.Address, "v1.0/");
        return graph;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task ServeAsync(HttpContext context)
    {
        Requests.Enqueue(context.Request.Headers.Authorization + " " + context.Request.QueryString.Value);
        if (token is not null && context.Request.Headers.Authorization != "Bearer " + token)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var secondPage = context.Request.Query.ContainsKey("$skiptoken");
        if (secondPage && Throttles.TryDequeue(out var seconds))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return;
        }

        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "graph", secondPage ? "graph-users-page2.json" : "graph-users-page1.json"));
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json.Replace("{{base}}", BaseUrl.ToString(), StringComparison.Ordinal));
    }
}
