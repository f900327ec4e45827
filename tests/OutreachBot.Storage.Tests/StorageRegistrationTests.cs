using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OutreachBot.Storage.Resilience;

namespace OutreachBot.Storage.Tests;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    [Fact]
    public void Sqlite_is_the_default_provider_with_the_default_path()
    {
        using var services = Resolve([]);

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.Equal("./data/outreachbot.db", options.Sqlite.Path);
    }

    [Fact]
    public async Task Configured_sqlite_path_backs_the_registered_store()
    {
        var path = directory.File("configured.db");
        using var services = Resolve(new() { ["Storage:Sqlite:Path"] = path });

        var store = services.GetRequiredService<IEntityStore>();
        await store.UpsertAsync("Outreaches", "p", "r", "{}");

        Assert.Equal(path, Assert.IsType<SqliteEntityStore>(Assert.IsType<ResilientEntityStore>(store).Inner).DatabasePath);
        Assert.True(File.Exists(path));
    }

    [Theory]
    [InlineData("InMemory", typeof(InMemoryEntityStore))]
    [InlineData("inmemory", typeof(InMemoryEntityStore))]
    [InlineData("AzureTables", typeof(AzureTableEntityStore))]
    public void The_provider_setting_selects_the_adapter(string provider, Type expected)
    {
        using var services = Resolve(new()
        {
            ["Storage:Provider"] = provider,
            ["Storage:AzureTables:ConnectionString"] = "UseDevelopmentStorage=true",
        });

        var store = services.GetRequiredService<IEntityStore>();

        Assert.IsType(expected, Assert.IsType<ResilientEntityStore>(store).Inner);
    }

    [Fact]
    public void Azure_tables_without_connection_string_or_endpoint_fails_start_up_naming_both_keys()
    {
        var failure = StartUpFailure(new() { ["Storage:Provider"] = "AzureTables" });

        Assert.Contains("Storage:AzureTables:ConnectionString or Storage:AzureTables:Endpoint is required when Storage:Provider is AzureTables", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Storage:AzureTables:Endpoint", "not a url", "Storage:AzureTables:Endpoint")]
    [InlineData("Storage:AzureTables:TablePrefix", "bad-prefix", "Storage:AzureTables:TablePrefix")]
    public void Invalid_azure_settings_fail_start_up_naming_the_key(string key, string value, string named)
    {
        var failure = StartUpFailure(new()
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:Endpoint"] = "https://account.table.core.windows.net",
            [key] = value,
        });

        Assert.Contains(named, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_sqlite_path_fails_start_up_naming_the_key()
    {
        var failure = StartUpFailure(new() { ["Storage:Sqlite:Path"] = " " });

        Assert.Contains("Storage:Sqlite:Path", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_alone_is_a_valid_managed_identity_configuration()
    {
        using var services = Resolve(new()
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:Endpoint"] = "https://account.table.core.windows.net",
            ["Storage:AzureTables:TablePrefix"] = "Bot1",
        });

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<AzureTableEntityStore>(Assert.IsType<ResilientEntityStore>(services.GetRequiredService<IEntityStore>()).Inner);
    }

    [Theory]
    [InlineData("Storage:Resilience:MessageTurnBudget", "00:00:20", "MessageTurnBudget")]
    [InlineData("Storage:Resilience:InvokeTurnBudget", "00:00:06", "InvokeTurnBudget")]
    [InlineData("Storage:Resilience:CallTimeout", "00:00:00", "CallTimeout")]
    public void Storage_time_limits_past_what_teams_waits_fail_start_up_naming_the_key(string key, string value, string named)
    {
        var failure = StartUpFailure(new() { [key] = value });

        Assert.Contains(named, failure, StringComparison.Ordinal);
    }

    public void Dispose() => directory.Dispose();

    private static string StartUpFailure(Dictionary<string, string?> settings)
    {
        using var services = Resolve(settings);
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate()).Message;
    }

    private static ServiceProvider Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddOutreachStorage(configuration).BuildServiceProvider();
    }
}
