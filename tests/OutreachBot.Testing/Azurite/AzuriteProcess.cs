using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OutreachBot.Testing;

/// <summary>
/// A private, in-memory Azurite Table service (node_modules/.bin/azurite-table) on a free loopback port, started and
/// stopped by its owner: the xunit <see cref="AzuriteFixture"/>, the load harness, a test that cuts storage off.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development key, not a secret.</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private const int SigCont = 18;
    private const int SigStop = 19;
    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    private AzuriteProcess(int port) => Port = port;

    public int Port { get; }

    /// <summary>e.g. http://127.0.0.1:10002/devstoreaccount1</summary>
    public string TableEndpoint => TableEndpointAt(Port);

    public string ConnectionString => ConnectionStringFor(TableEndpoint);

    public static string TableEndpointAt(int port) => $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/{AccountName}";

    /// <summary>The development account's connection string for a table endpoint, e.g. one where nothing listens.</summary>
    public static string ConnectionStringFor(string tableEndpoint) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={tableEndpoint.TrimEnd('/')};";

    /// <summary>Starts Azurite on a free loopback port; returns once it accepts connections.</summary>
    public static async Task<AzuriteProcess> StartNewAsync()
    {
        var executable = RepositoryPaths.AzuriteTable
            ?? throw new InvalidOperationException(
                "node_modules/.bin/azurite-table was not found at the repository root. Run ./test.sh (it installs and starts Azurite), or 'npm ci' at the repository root.");
        var azurite = new AzuriteProcess(RepositoryPaths.FreeLoopbackPort());
        try
        {
            await azurite.StartAsync(executable);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }

        return azurite;
    }

    /// <summary>SIGSTOP: the port stays open and connections are accepted, but nothing answers — a hung store.</summary>
    public void Freeze() => Signal(SigStop);

    /// <summary>SIGCONT: the frozen process carries on where it stopped.</summary>
    public void Thaw() => Signal(SigCont);

    public ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            ChildProcess.Kill(process);
            process.Dispose();
        }

        process = null;
        return ValueTask.CompletedTask;
    }

    private async Task StartAsync(string executable)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string[] arguments = ["--tableHost", "127.0.0.1", "--tablePort", Port.ToString(CultureInfo.InvariantCulture), "--inMemoryPersistence", "--skipApiVersionCheck", "--silent", "--loose"];
        process = ChildProcess.Start(executable, arguments, Path.GetTempPath(), new Dictionary<string, string>(), line =>
        {
            output.Enqueue(line);
            if (line.Contains("successfully started", StringComparison.OrdinalIgnoreCase))
            {
                started.TrySetResult();
            }
        }, () => started.TrySetException(new InvalidOperationException("Azurite exited during start-up: " + string.Join(Environment.NewLine, output))));
        try
        {
            await started.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException timeout)
        {
            throw new InvalidOperationException($"Azurite did not start within {StartTimeout.TotalSeconds} s: " + string.Join(Environment.NewLine, output), timeout);
        }

        using var probe = new TcpClient();
        await probe.ConnectAsync(IPAddress.Loopback, Port);
    }

    private void Signal(int signal)
    {
        var target = process ?? throw new InvalidOperationException("Azurite is not running.");
        if (!OperatingSystem.IsLinux() || Kill(target.Id, signal) != 0)
        {
            throw new InvalidOperationException($"Could not send signal {signal} to Azurite (pid {target.Id}).");
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
