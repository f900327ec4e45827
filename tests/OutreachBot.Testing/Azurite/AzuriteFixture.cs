namespace OutreachBot.Testing;

/// <summary>
/// A real Azurite Table service for a test collection: the one named by AZURITE_TABLE_ENDPOINT (./test.sh and .ci/run
/// start one), otherwise a private <see cref="AzuriteProcess"/> stopped when the collection ends. A test assembly
/// declares the collection itself (xunit looks for it there): tests/Shared/AzuriteCollection.cs, linked in.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string EndpointVariable = "AZURITE_TABLE_ENDPOINT";
    public const string AccountName = AzuriteProcess.AccountName;

    private AzuriteProcess? azurite;

    /// <summary>e.g. http://127.0.0.1:10002/devstoreaccount1</summary>
    public string TableEndpoint { get; private set; } = string.Empty;

    public string ConnectionString => ConnectionStringFor(TableEndpoint);

    /// <summary>The development account's connection string for a table endpoint, e.g. one where nothing listens.</summary>
    public static string ConnectionStringFor(string tableEndpoint) => AzuriteProcess.ConnectionStringFor(tableEndpoint);

    /// <summary>A loopback port nothing listens on, for tests of an unreachable service.</summary>
    public static int FreeLoopbackPort() => RepositoryPaths.FreeLoopbackPort();

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EndpointVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            TableEndpoint = configured.TrimEnd('/');
            return;
        }

        azurite = await AzuriteProcess.StartNewAsync();
        TableEndpoint = azurite.TableEndpoint;
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
