using Microsoft.Extensions.Options;
using OutreachBot.Domain.Directory.Import;
using OutreachBot.Features.Directory.Graph;

namespace OutreachBot.Features.Directory;

/// <summary>
/// Brings the live directory up at start-up (the stored one, else the configured CSV folder) and then picks up
/// imports made by other instances.
/// </summary>
public sealed class DirectoryLoader(
    LiveDirectory directory,
    IOptions<OrgDirectoryOptions> options,
    IHostEnvironment environment,
    IServiceProvider services,
    TimeProvider time,
    ILogger<DirectoryLoader> logger) : BackgroundService
{
    /// <summary>Loads before the host starts serving, so no turn ever sees an empty directory just after a start.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RefreshAsync(stoppingToken);
        }
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await directory.RefreshAsync(cancellationToken))
            {
                logger.LogInformation("Org directory {Version} loaded from storage.", directory.Current.Version);
                return;
            }

            DirectoryImportResult result;
            if (options.Value.Source == DirectorySourceKind.Graph)
            {
                // Resolved only when configured: building it creates the Entra ID credential.
                result = await directory.ImportAsync(await services.GetRequiredService<GraphDirectorySource>().LoadAsync(cancellationToken), cancellationToken);
            }
            else if (ResolveFolder(options.Value.Path, environment.ContentRootPath) is { } folder)
            {
                logger.LogInformation("Importing the org directory from {Folder}…", folder);
                result = await directory.ImportFolderAsync(folder, cancellationToken);
            }
            else
            {
                logger.LogWarning("No org directory in storage and no folder at OrgDirectory:Path '{Path}'; the department finder starts empty.", options.Value.Path);
                return;
            }

            if (result.Directory is null)
            {
                foreach (var error in result.Errors)
                {
                    logger.LogError("Org directory import: {File} line {Line} column {Column}: {Code} {Arguments}", error.File, error.Line, error.Column, error.Code, string.Join(" | ", error.Arguments));
                }
            }
            else
            {
                logger.LogInformation("Org directory imported from {Source}: {Departments} departments, {People} people{Files}, {JoiningSoon} joining soon.",
                    options.Value.Source, result.Directory.Departments.Count, result.Directory.People.Count,
                    result.Files.Count == 0 ? "" : " (" + string.Join(", ", result.Files.Select(f => $"{f.File}: {f.Encoding}")) + ")",
                    result.JoiningSoon.Count);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The org directory could not be loaded; will retry at the next refresh.");
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await directory.RefreshAsync(cancellationToken))
            {
                logger.LogInformation("Org directory switched to version {Version}.", directory.Current.Version);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Org directory refresh failed; keeping version {Version}.", directory.Current.Version);
        }
    }

    /// <summary>An absolute path as is; a relative one next to the binaries, under the content root, or in a parent folder (the repository when run from source).</summary>
    public static string? ResolveFolder(string? path, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (System.IO.Path.IsPathRooted(path))
        {
            return System.IO.Directory.Exists(path) ? path : null;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, contentRoot, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, path);
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
