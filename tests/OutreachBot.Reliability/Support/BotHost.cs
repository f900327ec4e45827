using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OutreachBot.Reliability.Support;

/// <summary>The real bot in-process (WebApplicationFactory over TestServer) with the given settings.</summary>
public static class BotHost
{
    public static WebApplicationFactory<Program> Create(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Logging:LogLevel:Default", "Critical");
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });

    public static WebApplicationFactory<Program> OnSqlite(string path) =>
        Create(("Storage:Provider", "Sqlite"), ("Storage:Sqlite:Path", path));

    public static WebApplicationFactory<Program> OnAzureTables(string connectionString, string tablePrefix) =>
        Create(("Storage:Provider", "AzureTables"), ("Storage:AzureTables:ConnectionString", connectionString), ("Storage:AzureTables:TablePrefix", tablePrefix));

    public static Uri Messages { get; } = new("http://localhost/api/messages");

    /// <summary>A table prefix of letters only, unique per test, so tests sharing one Azurite never see each other's rows.</summary>
    public static string UniquePrefix() => "t" + new string(Guid.NewGuid().ToString("N")[..12].Select(c => (char)('a' + (c % 26))).ToArray());
}
