using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Domain.Storage;
using OutreachBot.Storage;

namespace OutreachBot.Testing;

/// <summary>
/// How a <see cref="BotTestHost"/> differs from the deployed bot. Everything else is Program.cs as it is.
/// <see cref="Quiet"/> (the default) is what transcript tests want: a fake clock, an in-memory store, no org directory,
/// no reminder dispatcher. <see cref="AsDeployed"/> keeps the app's own defaults: the system clock, the demo company
/// and the dispatcher.
/// </summary>
public sealed record BotTestOptions
{
    /// <summary>Fake clock at <see cref="BotTestHost.Now"/>, in-memory store, empty directory, dispatcher off.</summary>
    public static BotTestOptions Quiet => new();

    /// <summary>System clock, demo company, dispatcher on: the app's defaults (over an in-memory store unless given one).</summary>
    public static BotTestOptions AsDeployed => new() { Clock = TimeProvider.System, Directory = TestDirectory.DemoCompany, Dispatcher = true };

    /// <summary>A <see cref="FakeTimeProvider"/> (the default starts at <see cref="BotTestHost.Now"/>) or <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider Clock { get; init; } = new FakeTimeProvider(BotTestHost.Now);

    public TestStore Store { get; init; } = TestStore.InMemory();

    public TestDirectory Directory { get; init; } = TestDirectory.Empty;

    /// <summary>Whether the reminder dispatcher sends (Reminders:Enabled).</summary>
    public bool Dispatcher { get; init; }

    public string Environment { get; init; } = "Development";

    /// <summary>Serve on Kestrel at a free 127.0.0.1 port instead of the in-memory TestServer (for callers outside the process, e.g. a browser).</summary>
    public bool Kestrel { get; init; }

    /// <summary>Configuration keys as the app reads them, e.g. ["Bot:AllowedTenantIds:0"] = "…".</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>A test seam: runs after the app's own registrations (and the options above), e.g. to replace one service.</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>Adds settings to those already given.</summary>
    public BotTestOptions With(params (string Key, string? Value)[] settings) =>
        this with { Settings = Settings.Concat(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value) };

    internal void Apply(IWebHostBuilder web)
    {
        web.UseEnvironment(Environment);
        // Tests read replies, not logs; the console logger would be most of a test run's time.
        web.UseSetting("Logging:Console:LogLevel:Default", "None");
        web.UseSetting("Logging:Debug:LogLevel:Default", "None");
        web.UseSetting("Reminders:Enabled", Dispatcher ? "true" : "false");
        Store.Apply(web);
        Directory.Apply(web);
        foreach (var (key, value) in Settings)
        {
            web.UseSetting(key, value);
        }

        web.ConfigureTestServices(services =>
        {
            if (Clock != TimeProvider.System)
            {
                services.Replace(ServiceDescriptor.Singleton(Clock));
            }

            Store.Apply(services);
            Services?.Invoke(services);
        });
    }
}

/// <summary>Which store backs the bot. Every restart of a <see cref="BotTestHost"/> sees the same data.</summary>
public abstract record TestStore
{
    /// <summary>A new in-memory store, kept across restarts.</summary>
    public static TestStore InMemory() => new GivenStore(new InMemoryEntityStore());

    /// <summary>This very store (e.g. a wrapper that counts or fails), shared with whoever else holds it.</summary>
    public static TestStore Given(IEntityStore store) => new GivenStore(store);

    /// <summary>A SQLite file, as Storage:Provider=Sqlite configures it.</summary>
    public static TestStore Sqlite(string path) => new ConfiguredStore([("Storage:Provider", "Sqlite"), ("Storage:Sqlite:Path", path)]);

    /// <summary>Azure Tables (Azurite in tests), as Storage:Provider=AzureTables configures it; see <see cref="UniqueTablePrefix"/>.</summary>
    public static TestStore AzureTables(string connectionString, string tablePrefix) => new ConfiguredStore(
        [("Storage:Provider", "AzureTables"), ("Storage:AzureTables:ConnectionString", connectionString), ("Storage:AzureTables:TablePrefix", tablePrefix)]);

    /// <summary>A table prefix of letters only, unique per test, so tests sharing one Azurite never see each other's rows.</summary>
    public static string UniqueTablePrefix() => "t" + new string(Guid.NewGuid().ToString("N")[..12].Select(c => (char)('a' + (c % 26))).ToArray());

    internal virtual void Apply(IWebHostBuilder web)
    {
    }

    internal virtual void Apply(IServiceCollection services)
    {
    }

    private sealed record GivenStore(IEntityStore Store) : TestStore
    {
        internal override void Apply(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton(Store));
    }

    private sealed record ConfiguredStore(IReadOnlyList<(string Key, string Value)> Settings) : TestStore
    {
        internal override void Apply(IWebHostBuilder web)
        {
            foreach (var (key, value) in Settings)
            {
                web.UseSetting(key, value);
            }
        }
    }
}

/// <summary>Where the org directory comes from when the store holds none yet (OrgDirectory:Path).</summary>
public sealed record TestDirectory
{
    private TestDirectory(string path) => Path = path;

    /// <summary>No directory: the finder says none was imported.</summary>
    public static TestDirectory Empty { get; } = new("");

    /// <summary>The demo company 星海集团 (demo/company), as the app loads it by default.</summary>
    public static TestDirectory DemoCompany { get; } = new("demo/company");

    /// <summary>A folder with departments.csv and people.csv.</summary>
    public static TestDirectory Folder(string path) => new(path);

    public string Path { get; }

    public bool IsEmpty => Path.Length == 0;

    internal void Apply(IWebHostBuilder web) => web.UseSetting("OrgDirectory:Path", Path);
}
