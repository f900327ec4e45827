using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OutreachBot.Domain.Directory.Import;
using OutreachBot.Domain.Directory.Leads;
using OutreachBot.Domain.Directory.Referrals;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.Storage.Directory;
using OutreachBot.Domain.Storage.Leads;
using OutreachBot.Features.Directory.Graph;
using OutreachBot.Storage;

namespace OutreachBot.Features.Directory;

public static class DirectoryFeature
{
    /// <summary>
    /// The live org directory (loaded at start-up, shared by every feature that needs departments or people) and the
    /// department finder on top of it: find, org, referrals, ask-this-person, record-referral, iam lookup, alternatives.
    /// </summary>
    public static IServiceCollection AddDirectoryFeature(this IServiceCollection services)
    {
        services.AddOptions<OrgDirectoryOptions>().BindConfiguration(OrgDirectoryOptions.Section)
            .Validate(o => o.RefreshInterval >= TimeSpan.FromSeconds(1), "OrgDirectory:RefreshInterval must be at least one second.")
            .Validate(o => o.VeteranYears is >= 0 and <= 50, "OrgDirectory:VeteranYears must be between 0 and 50.")
            .ValidateOnStart();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddSingleton<DirectoryRepository>();
        services.AddSingleton<OrgDirectoryImporter>();
        services.AddSingleton(sp => new LiveDirectory(
            sp.GetRequiredService<DirectoryRepository>(),
            sp.GetRequiredService<OrgDirectoryImporter>(),
            new ReferralOptions(VeteranYears: sp.GetRequiredService<IOptions<OrgDirectoryOptions>>().Value.VeteranYears),
            SearchIndexFolder(sp.GetRequiredService<IOptions<OrgDirectoryOptions>>().Value, sp.GetService<IOptions<StorageOptions>>()?.Value),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<DirectoryLoader>();
        services.AddOptions<GraphDirectoryOptions>().BindConfiguration(GraphDirectoryOptions.Section);
        services.TryAddSingleton(sp =>
        {
            var graph = sp.GetRequiredService<IOptions<GraphDirectoryOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            var http = new HttpClient(new GraphTokenHandler(new DefaultAzureCredential(), graph.Scope, time) { InnerHandler = new SocketsHttpHandler() });
            return new GraphDirectorySource(http, graph, time);
        });
        services.TryAddSingleton<LeadLog>();
        services.TryAddSingleton<NeedOutcomeLog>();
        services.AddSingleton<LiveNeedHistory>();
        services.AddSingleton<IOutreachEventSubscriber, NeedOutcomeListener>();
        services.AddSingleton<IOrgDirectoryLookup, LiveDirectoryLookup>();
        services.AddSingleton<OutreachBot.Chat.Understanding.INaturalLanguage, DirectoryNaturalLanguage>();
        services.AddSingleton<IAlternativeDepartments, SearchAlternativeDepartments>();
        return services
            .AddCommand<FindCommand>(DirectoryCommandSet.Find)
            .AddCommand<OrgCommand>(DirectoryCommandSet.Org)
            .AddCommand<ReferralsCommand>(DirectoryCommandSet.Referrals)
            .AddCardAction<AskPerson, AskPersonAction>()
            .AddCardAction<RecordReferral, RecordReferralAction>();
    }

    /// <summary>The configured folder, else beside the SQLite file, else (Azure Tables) the temp folder; none for the in-memory store.</summary>
    internal static string? SearchIndexFolder(OrgDirectoryOptions options, StorageOptions? storage) =>
        !string.IsNullOrWhiteSpace(options.SearchIndexPath) ? Path.GetFullPath(options.SearchIndexPath)
        : storage?.Provider switch
        {
            StorageProvider.Sqlite => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.Sqlite.Path)) ?? ".", "search-index"),
            StorageProvider.AzureTables => Path.Combine(Path.GetTempPath(), "outreachbot-search-index"),
            _ => null,
        };
}
