using Microsoft.Extensions.Options;
using OutreachBot.Storage.Downloads;

namespace OutreachBot.Features.Files;

/// <summary>Deletes expired download files now and then, so storage does not fill up with old exports.</summary>
public sealed class DownloadSweeper(DownloadStore downloads, TimeProvider time, IOptions<DownloadOptions> options, ILogger<DownloadSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await downloads.SweepExpiredAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} expired download files", deleted);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Sweeping expired download files failed; trying again at the next interval");
            }
        }
    }
}
