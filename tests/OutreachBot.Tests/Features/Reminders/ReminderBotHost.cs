using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Chat;
using OutreachBot.Domain.Reminders;
using OutreachBot.Domain.Storage;
using OutreachBot.Domain.Storage.Reminders;
using OutreachBot.Features.Reminders;
using OutreachBot.Hosting;
using OutreachBot.Storage.ConversationReferences;

namespace OutreachBot.Tests.Features.Reminders;

/// <summary>
/// The bot as a process: the real generic host with the real CloudAdapter (dev mode, no app id) and the reminder
/// dispatcher as its hosted service, over a store and a fake clock that outlive it, so a test can stop one "process"
/// and start another on the same data.
/// </summary>
public sealed class ReminderBotHost : IAsyncDisposable
{
    /// <summary>Tuesday 24 November 2026, 06:20 UTC.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 11, 24, 6, 20, 0, TimeSpan.Zero);

    private readonly IHost host;

    private ReminderBotHost(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public ReminderDispatcher Dispatcher => host.Services.GetRequiredService<ReminderDispatcher>();

    public ReminderRepository Repository => host.Services.GetRequiredService<ReminderRepository>();

    /// <summary>Builds and starts the host; returns once the dispatcher's first pass is done and it sleeps.</summary>
    public static async Task<ReminderBotHost> StartAsync(IEntityStore store, FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Development",
            ApplicationName = "OutreachBot",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddLogging();
        builder.Services.AddOutreachHost(builder.Configuration);
        builder.Services.AddOutreachChat();
        builder.Services.AddOutreachFeatures();
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        builder.Services.AddSingleton(store);
        // Only the dispatcher runs: other features' start-up work (e.g. loading the demo directory) is not under test.
        builder.Services.RemoveAll<IHostedService>();
        builder.Services.AddHostedService<ReminderDispatcherService>();
        var host = builder.Build();
        var bot = new ReminderBotHost(host);
        var asleep = bot.Dispatcher.NextSleepAsync();
        await host.StartAsync();
        if (host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReminderOptions>>().Value.Enabled)
        {
            await asleep.WaitAsync(Safety);
        }

        return bot;
    }

    public static TimeSpan Safety { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Moves the clock and returns once the dispatcher has acted on it and sleeps again.</summary>
    public async Task<DateTimeOffset> AdvanceAndSettleAsync(FakeTimeProvider clock, TimeSpan by)
    {
        var asleep = Dispatcher.NextSleepAsync();
        clock.Advance(by);
        return await asleep.WaitAsync(Safety);
    }

    /// <summary>Wakes the dispatcher (as scheduling through chat does) and returns the time it next plans to wake up.</summary>
    public async Task<DateTimeOffset> WakeAndSettleAsync()
    {
        var asleep = Dispatcher.NextSleepAsync();
        Dispatcher.Wake();
        return await asleep.WaitAsync(Safety);
    }

    /// <summary>A user who has talked to the bot in a Teams 1:1 chat served by <paramref name="serviceUrl"/>.</summary>
    public static async Task<string> UserTalkedToTheBotAsync(IEntityStore store, TimeProvider clock, Uri serviceUrl, string userId, string conversationId, string channel = "msteams")
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "incoming-" + userId,
            ChannelId = channel,
            ServiceUrl = serviceUrl.ToString(),
            From = new ChannelAccount(userId, "Li Lei"),
            Recipient = new ChannelAccount("bot", "OutreachBot"),
            Conversation = new ConversationAccount(id: conversationId, conversationType: "personal", tenantId: "tenant-1"),
            Locale = "en-US",
        };
        await new ConversationReferenceStore(store, clock).SaveAsync(activity, CancellationToken.None);
        return OutreachBot.Chat.Identity.UserKey.From(activity).Value;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
