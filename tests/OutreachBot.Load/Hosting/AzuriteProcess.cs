using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OutreachBot.Load.Hosting;

/// <summary>A private, in-memory Azurite Table service on a loopback port, started and stopped by its owner.</summary>
public sealed class AzuriteProcess(int port) : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private const int SigCont = 18;
    private const int SigStop = 19;
    private Process? process;

    public int Port => port;

    public string TableEndpoint => $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/{AccountName}";

    public string ConnectionString => ConnectionStringFor(TableEndpoint);

    public static string ConnectionStringFor(string tableEndpoint) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={tableEndpoint};";

    public static async Task<AzuriteProcess> StartNewAsync()
    {
        var azurite = new AzuriteProcess(RepositoryPaths.FreeLoopbackPort());
        await azurite.StartAsync();
        return azurite;
    }

    public async Task StartAsync()
    {
        var executable = RepositoryPaths.AzuriteTable
            ?? throw new InvalidOperationException("node_modules/.bin/azurite-table not found at the repository root: run 'npm ci' (or ./test.sh) first.");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[] { "--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture), "--inMemoryPersistence", "--skipApiVersionCheck", "--silent", "--loose" })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new ConcurrentQueue<string>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (e.Data.Contains("successfully started", StringComparison.OrdinalIgnoreCase))
            {
                started.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException("Azurite exited during start-up: " + string.Join(Environment.NewLine, output)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await started.Task.WaitAsync(StartTimeout);
        using var probe = new TcpClient();
        await probe.ConnectAsync(IPAddress.Loopback, port);
    }

    /// <summary>SIGSTOP: the port stays open and connections are accepted, but nothing answers — a hung store.</summary>
    public void Freeze() => Signal(SigStop);

    /// <summary>SIGCONT: the frozen process carries on where it stopped.</summary>
    public void Thaw() => Signal(SigCont);

    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        process?.Dispose();
        process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
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
