using Microsoft.Extensions.Options;

namespace OutreachBot.Storage;

/// <summary>Checks the storage settings at start-up, naming the configuration key that needs attention.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        switch (options.Provider)
        {
            case StorageProvider.Sqlite when string.IsNullOrWhiteSpace(options.Sqlite.Path):
                failures.Add("Storage:Sqlite:Path must not be empty when Storage:Provider is Sqlite (default: ./data/outreachbot.db).");
                break;
            case StorageProvider.Sqlite when options.Sqlite.BusyTimeout <= TimeSpan.Zero:
                failures.Add("Storage:Sqlite:BusyTimeout must be positive.");
                break;
            case StorageProvider.AzureTables:
                ValidateAzureTables(options.AzureTables, failures);
                break;
            case StorageProvider.Sqlite or StorageProvider.InMemory:
                break;
            default:
                failures.Add($"Storage:Provider '{options.Provider}' is not one of Sqlite, AzureTables, InMemory.");
                break;
        }

        ValidateResilience(options.Resilience, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateResilience(Resilience.StorageResilienceOptions resilience, List<string> failures)
    {
        // Teams waits about 15 s for a message turn and 5 s for a card action; the apology must still get out in time.
        if (resilience.CallTimeout <= TimeSpan.Zero || resilience.CallTimeout > TimeSpan.FromSeconds(60))
        {
            failures.Add("Storage:Resilience:CallTimeout must be between 0 and 60 seconds.");
        }

        if (resilience.MessageTurnBudget <= TimeSpan.Zero || resilience.MessageTurnBudget > TimeSpan.FromSeconds(13))
        {
            failures.Add("Storage:Resilience:MessageTurnBudget must be positive and at most 13 seconds (Teams waits about 15).");
        }

        if (resilience.InvokeTurnBudget <= TimeSpan.Zero || resilience.InvokeTurnBudget > TimeSpan.FromSeconds(4))
        {
            failures.Add("Storage:Resilience:InvokeTurnBudget must be positive and at most 4 seconds (Teams waits 5 for a card action).");
        }

        if (resilience.BreakDuration < TimeSpan.FromMilliseconds(500) || resilience.SamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            failures.Add("Storage:Resilience:BreakDuration and SamplingDuration must be at least half a second.");
        }

        if (resilience.BreakAfterFailures < 2)
        {
            failures.Add("Storage:Resilience:BreakAfterFailures must be at least 2.");
        }
    }

    private static void ValidateAzureTables(AzureTablesStorageOptions azure, List<string> failures)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(azure.ConnectionString);
        var hasEndpoint = !string.IsNullOrWhiteSpace(azure.Endpoint);
        if (!hasConnectionString && !hasEndpoint)
        {
            failures.Add("Storage:AzureTables:ConnectionString or Storage:AzureTables:Endpoint is required when Storage:Provider is AzureTables.");
        }

        if (hasConnectionString && hasEndpoint)
        {
            failures.Add("Set only one of Storage:AzureTables:ConnectionString and Storage:AzureTables:Endpoint.");
        }

        if (hasEndpoint && (!Uri.TryCreate(azure.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http")))
        {
            failures.Add($"Storage:AzureTables:Endpoint '{azure.Endpoint}' must be an absolute http(s) URL such as https://account.table.core.windows.net.");
        }

        if (azure.TablePrefix.Length > 0
            && (azure.TablePrefix.Length > AzureTablesStorageOptions.MaxTablePrefixLength || !char.IsAsciiLetter(azure.TablePrefix[0]) || !azure.TablePrefix.All(char.IsAsciiLetterOrDigit)))
        {
            failures.Add($"Storage:AzureTables:TablePrefix '{azure.TablePrefix}' must start with a letter and hold at most {AzureTablesStorageOptions.MaxTablePrefixLength} ASCII letters and digits.");
        }

        if (azure.NetworkTimeout <= TimeSpan.Zero)
        {
            failures.Add("Storage:AzureTables:NetworkTimeout must be positive.");
        }

        if (azure.MaxRetries is < 0 or > 10)
        {
            failures.Add("Storage:AzureTables:MaxRetries must be between 0 and 10.");
        }
    }
}
