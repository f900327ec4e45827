using Microsoft.Bot.Schema;
using Microsoft.Extensions.Hosting;
using OutreachBot.Features.Reminders;
using OutreachBot.Hosting;
using OutreachBot.Storage.ConversationReferences;

namespace OutreachBot.Tests.Features.Reminders;

/// <summary>
/// The bot with its reminder dispatcher running (a <see cref="BotTestHost"/> with the dispatcher on) over a store and a
/// fake clock that outlive it, so a test can stop one "process" and start another on the same data, and move the
/// clock only when the dispatcher sleeps.
/// </summary>
public sealed class ReminderBotHost : IAsyncDisposable
{
    /// <summary>Tuesday 24 November 2026, 06:20 UTC.</summary>
    public static readonly DateTimeOffset Epoch = BotTestHost.Now;

    private readonly BotTestHost host;

    private ReminderBotHost(BotTestHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public ReminderDispatcher Dispatcher => host.Services.GetRequiredService<ReminderDispatcher>();

    public ReminderRepository Repository => host.Services.GetRequiredService<ReminderRepository>();

    /// <summary>Starts the bot; returns once the dispatcher's first pass is done and it sleeps.</summary>
    public static async Task<ReminderBotHost> StartAsync(IEntityStore store, FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var firstSleep = new FirstSleep();
        var host = new BotTestHost(BotTestOptions.Quiet with
        {
            Store = TestStore.Given(store),
            Clock = clock,
            Dispatcher = true,
            Settings = settings ?? new Dictionary<string, string?>(),
            // Started before every other hosted service, so it is listening before the dispatcher's first pass ends.
            Services = services => services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => firstSleep.Watch(sp.GetRequiredService<ReminderDispatcher>()))),
        });
        var bot = new ReminderBotHost(host);
        if (host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReminderOptions>>().Value.Enabled)
        {
            await firstSleep.Task.WaitAsync(Safety);
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

    public ValueTask DisposeAsync() => host.DisposeAsync();

    /// <summary>Takes the dispatcher's first-sleep signal when the host starts, before the dispatcher's loop runs.</summary>
    private sealed class FirstSleep
    {
        private readonly TaskCompletionSource<DateTimeOffset> signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<DateTimeOffset> Task => signal.Task;

        public IHostedService Watch(ReminderDispatcher dispatcher) => new Watcher(dispatcher, signal);

        private sealed class Watcher(ReminderDispatcher dispatcher, TaskCompletionSource<DateTimeOffset> signal) : IHostedService
        {
            public System.Threading.Tasks.Task StartAsync(CancellationToken cancellationToken)
            {
                _ = dispatcher.NextSleepAsync().ContinueWith(t => signal.TrySetResult(t.Result), TaskScheduler.Default);
                return System.Threading.Tasks.Task.CompletedTask;
            }

            public System.Threading.Tasks.Task StopAsync(CancellationToken cancellationToken) => System.Threading.Tasks.Task.CompletedTask;
        }
    }
}
