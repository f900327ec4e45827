using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Chat;
using OutreachBot.Domain.Storage;
using OutreachBot.Hosting;
using OutreachBot.Storage;

namespace OutreachBot.Tests.Support;

/// <summary>
/// The bot wired exactly as the host wires it (AddOutreachHost/Chat/Features) over in-memory storage and a fake
/// clock. <see cref="Restart"/> throws away every service but keeps the storage, like a process restart.
/// </summary>
public sealed class BotTestHost : IDisposable
{
    /// <summary>Tuesday 24 November 2026, 06:20 UTC (14:20 in Shanghai, 01:20 in New York).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 6, 20, 0, TimeSpan.Zero);

    private readonly Action<IServiceCollection>? configure;
    private ServiceProvider provider;

    public BotTestHost(Action<IServiceCollection>? configure = null)
    {
        this.configure = configure;
        provider = Build();
    }

    public FakeTimeProvider Clock { get; } = new(Now);


    public InMemoryEntityStore Store { get; } = new();

    public IServiceProvider Services => provider;

    public IBot Bot => provider.GetRequiredService<IBot>();

    public void Restart()
    {
        provider.Dispose();
        provider = Build();
    }

    public ChatTester Chat(string channel = "test", string locale = "en-US", string userId = "user-1", string? aadObjectId = null, [CallerMemberName] string source = "") =>
        new(this, channel, locale, userId, aadObjectId, source);

    public void Dispose() => provider.Dispose();

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment
        {
            EnvironmentName = "Development",
            ApplicationName = "OutreachBot",
            ContentRootPath = AppContext.BaseDirectory,
        });
        var configuration = new ConfigurationBuilder().Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddOutreachHost(configuration);
        services.AddOutreachChat();
        services.AddOutreachFeatures();
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        services.AddSingleton<IEntityStore>(Store);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
