using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OutreachBot.Testing;

/// <summary>
/// A real Azurite Table service for tests. Uses the one named by AZURITE_TABLE_ENDPOINT (started by ./test.sh or
/// .ci/run); otherwise starts node_modules/.bin/azurite-table on a free loopback port and stops it on dispose.
/// Link this file into a test project: &lt;Compile Include="..\Shared\*.cs" LinkBase="Shared" /&gt;.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string EndpointVariable = "AZURITE_TABLE_ENDPOINT";
    public const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private Process? azurite;

    /// <summary>e.g. http://127.0.0.1:10002/devstoreaccount1</summary>
    public string TableEndpoint { get; private set; } = string.Empty;

    public string ConnectionString => ConnectionStringFor(TableEndpoint);

    /// <summary>The development account's connection string for a table endpoint, e.g. one where nothing listens.</summary>
    public static string ConnectionStringFor(string tableEndpoint) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={tableEndpoint};";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EndpointVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            TableEndpoint = configured.TrimEnd('/');
            return;
        }

        var executable = FindAzurite()
            ?? throw new InvalidOperationException(
                $"Azurite is needed for these tests but neither {EndpointVariable} is set nor node_modules/.bin/azurite-table was found " +
                "above the test assembly. Run ./test.sh (it installs and starts Azurite), or run 'npm ci' at the repository root.");
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[] { "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inMemoryPersistence", "--skipApiVersionCheck", "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        azurite = new Process { StartInfo = start, EnableRaisingEvents = true };
        azurite.OutputDataReceived += (_, e) =>
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
        azurite.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        azurite.Exited += (_, _) => started.TrySetException(new InvalidOperationException("Azurite exited during start-up: " + string.Join(Environment.NewLine, output)));
        azurite.Start();
        azurite.BeginOutputReadLine();
        azurite.BeginErrorReadLine();
        try
        {
            await started.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Azurite did not start within {StartTimeout.TotalSeconds} s: " + string.Join(Environment.NewLine, output));
        }

        using var probe = new TcpClient();
        await probe.ConnectAsync(IPAddress.Loopback, port);
        TableEndpoint = $"http://127.0.0.1:{port}/{AccountName}";
    }

    public Task DisposeAsync()
    {
        if (azurite is { HasExited: false })
        {
            azurite.Kill(entireProcessTree: true);
            azurite.WaitForExit(TimeSpan.FromSeconds(10));
        }

        azurite?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A loopback port nothing listens on, for tests of an unreachable service.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindAzurite()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "node_modules", ".bin", "azurite-table");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>One Azurite per test assembly, shared by every class in the collection.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
