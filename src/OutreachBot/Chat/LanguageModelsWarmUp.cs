using OutreachBot.Domain.Text;

namespace OutreachBot.Chat;

/// <summary>
/// Builds the date and number models of both languages right after start-up, in the background, so that the first
/// user who types a date in either language does not wait a second or two for a model to be built.
/// </summary>
public sealed class LanguageModelsWarmUp(ILogger<LanguageModelsWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(
            () =>
            {
                foreach (var culture in DateTimeModels.Cultures)
                {
                    stoppingToken.ThrowIfCancellationRequested();
                    try
                    {
                        DateTimeModels.Prepare(culture);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        // Not fatal: the model is built again on first use, where a failure reaches that turn's error handling.
                        logger.LogWarning(exception, "Building the {Culture} date model at start-up failed", culture);
                    }
                }
            },
            stoppingToken);
}
