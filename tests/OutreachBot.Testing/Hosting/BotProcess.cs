using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace OutreachBot.Testing;

/// <summary>
/// A bot (OutreachBot or the echo baseline) running as a child process on a free loopback port:
/// <c>dotnet &lt;dll&gt; --urls http://127.0.0.1:&lt;port&gt;</c>, ready once GET /healthz answers 200.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ConcurrentQueue<string> output;
    private readonly Process process;

    private BotProcess(Process process, Uri baseAddress, ConcurrentQueue<string> output)
    {
        this.process = process;
        this.output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri MessagesEndpoint => new(BaseAddress, "/api/messages");

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the bot wrote, for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, output.TakeLast(40));

    /// <summary>The lines the bot wrote, as far as they are kept (the last 200).</summary>
    public IReadOnlyList<string> Output => [.. output];

    public static async Task<BotProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> environment, int? port = null, CancellationToken cancellationToken = default)
    {
        var address = new Uri($"http://127.0.0.1:{(port ?? RepositoryPaths.FreeLoopbackPort()).ToString(CultureInfo.InvariantCulture)}");
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_gcServer"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        var output = new ConcurrentQueue<string>();
        var process = ChildProcess.Start(DotnetHost(), [dll, "--urls", address.ToString().TrimEnd('/')], Path.GetDirectoryName(dll)!, settings, line => Record(output, line));
        var bot = new BotProcess(process, address, output);
        try
        {
            await bot.WaitHealthyAsync(cancellationToken);
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }

        return bot;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — the crash we want to survive.</summary>
    public void Kill() => ChildProcess.Kill(process);

    /// <summary>SIGTERM and wait for the graceful shutdown (its loggers flushed, its output read to the end); SIGKILL after the timeout.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var terminate = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await terminate.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited during start-up (code {process.ExitCode}):{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "/healthz"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The bot did not answer /healthz within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{RecentOutput}");
    }

    private static void Record(ConcurrentQueue<string> output, string line)
    {
        output.Enqueue(line);
        while (output.Count > 200 && output.TryDequeue(out _))
        {
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
