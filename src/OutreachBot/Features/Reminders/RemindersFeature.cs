using Microsoft.Extensions.Options;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.Reminders;
using OutreachBot.Domain.Storage.Reminders;
using OutreachBot.Storage.ReminderDeliveries;

namespace OutreachBot.Features.Reminders;

public static class RemindersFeature
{
    /// <summary>Reminders typed by the user and planned by the playbook, and the dispatcher that sends them proactively.</summary>
    public static IServiceCollection AddRemindersFeature(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section)
            .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(10), "Reminders:LeaseDuration must be at least 10 seconds.")
            .Validate(o => o.MaxAttempts is >= 1 and <= 100, "Reminders:MaxAttempts must be between 1 and 100.")
            .Validate(o => o.IdlePollInterval >= TimeSpan.FromSeconds(1), "Reminders:IdlePollInterval must be at least one second.")
            .Validate(o => o.MaxConcurrentDeliveries is >= 1 and <= 64, "Reminders:MaxConcurrentDeliveries must be between 1 and 64.")
            .Validate(o => o.DueIndexPartitions is >= 1 and <= 64, "Reminders:DueIndexPartitions must be between 1 and 64.")
            .Validate(o => o.RestartDelay > TimeSpan.Zero && o.MaxRestartDelay >= o.RestartDelay, "Reminders:RestartDelay must be positive and at most MaxRestartDelay.")
            .ValidateOnStart();

        services.AddSingleton(sp => new ReminderRepository(
            sp.GetRequiredService<Domain.Storage.IEntityStore>(),
            sp.GetRequiredService<TimeProvider>(),
            new ReminderStoreOptions { DueIndexPartitions = sp.GetRequiredService<IOptions<ReminderOptions>>().Value.DueIndexPartitions }));
        services.AddSingleton<ReminderTimeParser>();
        services.AddSingleton(sp => new AutomaticReminderRules(sp.GetRequiredService<ITextCatalog>()));
        services.AddSingleton<ReminderDeliveryLog>();
        services.AddSingleton<IReminderDelivery, BotFrameworkReminderDelivery>();
        services.AddSingleton(sp => new ReminderDispatcher(
            sp.GetRequiredService<ReminderRepository>(),
            sp.GetRequiredService<IReminderDelivery>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ReminderOptions>>().Value.ToDispatcherOptions()));
        services.AddSingleton<ReminderScheduling>();
        services.AddHostedService<ReminderDispatcherService>();
        services.AddSingleton<IOutreachEventSubscriber, OutreachReminderListener>();

        return services
            .AddCommand<RemindCommand>(ReminderCommandSet.Remind)
            .AddCommand<RemindersCommand>(ReminderCommandSet.Reminders)
            .AddFreeTextHandler<RemindSentence>()
            .AddCardAction<RemindAt, RemindAtAction>()
            .AddCardAction<CancelReminder, CancelReminderAction>()
            .AddCardAction<ReminderDone, ReminderDoneAction>()
            .AddCardAction<SnoozeReminder, SnoozeReminderAction>();
    }
}
