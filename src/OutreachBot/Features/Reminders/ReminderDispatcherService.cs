using Microsoft.Extensions.Options;
using OutreachBot.Domain.Reminders;

namespace OutreachBot.Features.Reminders;

/// <summary>
/// Runs <see cref="ReminderDispatcher.RunAsync"/> for the life of the host. Its first pass sends whatever fell due while
/// the bot was down (labelled late by the dispatcher). A loop that ends with an error is logged and restarted after a
/// delay that doubles up to <see cref="ReminderOptions.MaxRestartDelay"/>.
/// </summary>
public sealed class ReminderDispatcherService(
    ReminderDispatcher dispatcher,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Reminders:Enabled is false: this instance does not send reminders");
            return;
        }

        logger.LogInformation("Reminder dispatcher {Instance} started", dispatcher.InstanceId);
        var delay = settings.RestartDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            var startedAt = time.GetUtcNow();
            Exception? failure = null;
            try
            {
                await dispatcher.RunAsync(stoppingToken);
                if (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                failure = exception;
            }

            // A loop that ran well for a while starts over with the short delay.
            if (time.GetUtcNow() - startedAt > settings.MaxRestartDelay)
            {
                delay = settings.RestartDelay;
            }

            logger.LogError(failure, "Reminder dispatcher {Instance} ended unexpectedly; restarting in {Delay}", dispatcher.InstanceId, delay);
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = delay * 2 < settings.MaxRestartDelay ? delay * 2 : settings.MaxRestartDelay;
        }

        logger.LogInformation("Reminder dispatcher {Instance} stopped", dispatcher.InstanceId);
    }
}
