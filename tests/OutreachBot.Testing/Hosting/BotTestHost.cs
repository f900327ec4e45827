using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Storage;

namespace OutreachBot.Testing;

/// <summary>
/// The bot composed by Program.cs itself (WebApplicationFactory&lt;Program&gt;), changed only as
/// <see cref="BotTestOptions"/> says. Transcript tests talk to its <see cref="Bot"/> through <see cref="Chat"/>;
/// HTTP tests use <see cref="CreateClient"/>. <see cref="Restart"/> throws the process away but keeps the store and
/// the clock, like a restart of the App Service.
/// </summary>
public sealed class BotTestHost : IDisposable, IAsyncDisposable
{
    /// <summary>Tuesday 24 November 2026, 06:20 UTC (14:20 in Shanghai, 01:20 in New York).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 6, 20, 0, TimeSpan.Zero);

    private WebApplicationFactory<Program> factory;
    private Uri baseAddress = new("http://localhost/");

    public BotTestHost(Action<IServiceCollection>? configure = null)
        : this(BotTestOptions.Quiet with { Services = configure })
    {
    }

    public BotTestHost(BotTestOptions options)
    {
        Options = options;
        factory = Start();
    }

    public BotTestOptions Options { get; }

    /// <summary>The fake clock every restart shares; only for hosts on a fake clock (the default).</summary>
    public FakeTimeProvider Clock => Options.Clock as FakeTimeProvider
        ?? throw new InvalidOperationException("This host runs on the system clock; give BotTestOptions.Clock a FakeTimeProvider to move time.");

    /// <summary>The store the bot uses now (the same data after a restart).</summary>
    public IEntityStore Store => Services.GetRequiredService<IEntityStore>();

    public IServiceProvider Services => factory.Services;

    public IBot Bot => Services.GetRequiredService<IBot>();

    /// <summary>The factory of the running bot, for what the host does not wrap (e.g. its server).</summary>
    public WebApplicationFactory<Program> Factory => factory;

    /// <summary>Where the bot answers: http://localhost/ on the TestServer, http://127.0.0.1:port/ on Kestrel.</summary>
    public Uri BaseAddress => baseAddress;

    public Uri MessagesEndpoint => new(BaseAddress, "/api/messages");

    /// <summary>An HTTP client of the running bot (TestServer in memory, or a real socket with <see cref="BotTestOptions.Kestrel"/>).</summary>
    public HttpClient CreateClient() => factory.CreateClient();

    /// <summary>One user talking to the bot in process, through Bot Builder's TestAdapter.</summary>
    public ChatTester Chat(string channel = "test", string locale = "en-US", string userId = "user-1", string? aadObjectId = null, [CallerMemberName] string source = "") =>
        new(this, channel, locale, userId, aadObjectId, source);

    /// <summary>Stops the bot and starts a new one on the same store and clock.</summary>
    public void Restart()
    {
        factory.Dispose();
        factory = Start();
    }

    public void Dispose() => factory.Dispose();

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    private WebApplicationFactory<Program> Start()
    {
        var started = new WebApplicationFactory<Program>().WithWebHostBuilder(Options.Apply);
        if (Options.Kestrel)
        {
            started.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }

        try
        {
            started.StartServer();
            using (var client = started.CreateClient())
            {
                baseAddress = client.BaseAddress ?? baseAddress;
            }

            if (Options.Directory == TestDirectory.DemoCompany && started.Services.GetRequiredService<LiveDirectory>().Current.Directory.Departments.Count == 0)
            {
                throw new InvalidOperationException("The demo company (demo/company) did not load: is the repository's demo folder there?");
            }
        }
        catch
        {
            started.Dispose();
            throw;
        }

        return started;
    }
}
