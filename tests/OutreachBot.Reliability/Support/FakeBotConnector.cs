using System.Collections.Concurrent;
using System.Net;
using System.Text;
using OutreachBot.Load.Hosting;

namespace OutreachBot.Reliability.Support;

/// <summary>
/// A Bot Connector on 127.0.0.1 that accepts every POST /v3/conversations/{id}/activities[/{replyTo}] and keeps its body,
/// so a test can count what the bot delivered proactively.
/// </summary>
public sealed class FakeBotConnector : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<string> posts = new();
    private readonly Task loop;
    private int sent;

    public FakeBotConnector()
    {
        var port = RepositoryPaths.FreeLoopbackPort();
        ServiceUrl = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(ServiceUrl);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string ServiceUrl { get; }

    public IReadOnlyCollection<string> Posts => posts;

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url?.AbsolutePath ?? "";
            if (context.Request.HttpMethod == "POST" && path.StartsWith("/v3/conversations/", StringComparison.Ordinal) && path.Contains("/activities", StringComparison.Ordinal))
            {
                posts.Enqueue(body);
                var id = Encoding.UTF8.GetBytes($"{{\"id\":\"fake-{Interlocked.Increment(ref sent)}\"}}");
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(id);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }
}
