using OutreachBot.Domain.Directory.Import;
using OutreachBot.Domain.Directory.Referrals;
using OutreachBot.Domain.Directory.Search;
using OutreachBot.Domain.Storage.Directory;

namespace OutreachBot.Domain.Directory;

/// <summary>Everything the finder needs for one directory version, built together and swapped together.</summary>
public sealed record DirectorySnapshot(string Version, OrgDirectory Directory, DepartmentSearch Search, OrgChart OrgChart, ReferralPathFinder Referrals)
{
    public static DirectorySnapshot Build(string version, OrgDirectory directory, IEnumerable<RecordedIntroduction> introductions, ReferralOptions? options = null) =>
        Build(version, directory, introductions, options, indexFolder: null).Snapshot;

    /// <summary>The search index (read from <paramref name="indexFolder"/> when stored there for this version) and the referral graph are built side by side.</summary>
    public static (DirectorySnapshot Snapshot, SearchIndexSource SearchSource) Build(
        string version, OrgDirectory directory, IEnumerable<RecordedIntroduction> introductions, ReferralOptions? options, string? indexFolder)
    {
        (DepartmentSearch Search, SearchIndexSource Source) search = default;
        ReferralPathFinder? referrals = null;
        Parallel.Invoke(
            () => search = DepartmentSearch.LoadOrBuild(directory, version, indexFolder),
            () => referrals = new ReferralPathFinder(directory, introductions, options));
        return (new(version, directory, search.Search!, new OrgChart(directory), referrals!), search.Source);
    }
}

/// <summary>How long the last load from storage took, for the start-up log and the directory harness.</summary>
public sealed record DirectoryLoadReport(TimeSpan FromStore, TimeSpan IndexesBuilt, SearchIndexSource SearchSource)
{
    public override string ToString() =>
        $"read from the store {FromStore.TotalMilliseconds:N0} ms, search index and referral graph {IndexesBuilt.TotalMilliseconds:N0} ms, search index {SearchSource}";
}

/// <summary>
/// The directory this bot instance answers from. Imports go through validation and the repository first, so a bad
/// import leaves the live one untouched; <see cref="RefreshAsync"/> picks up an import made by another instance.
/// Readers take <see cref="Current"/> once per request and use that snapshot throughout.
/// </summary>
/// <param name="indexFolder">Where the search index of each version is kept between starts (none: built on every start).</param>
public sealed class LiveDirectory(
    DirectoryRepository repository, OrgDirectoryImporter importer, ReferralOptions? options = null, string? indexFolder = null, TimeProvider? time = null)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private DirectorySnapshot current = DirectorySnapshot.Build("", OrgDirectory.Empty, [], options);
    private IReadOnlyList<RecordedIntroduction> introductions = [];

    public DirectorySnapshot Current => Volatile.Read(ref current);

    /// <summary>The last load of a stored version (null before one).</summary>
    public DirectoryLoadReport? LastLoad { get; private set; }

    /// <summary>Validates, stores and switches to the new directory; on errors returns them and changes nothing.</summary>
    public async Task<DirectoryImportResult> ImportAsync(TextReader departmentsCsv, TextReader peopleCsv, CancellationToken cancellationToken = default) =>
        await ImportAsync(importer.Import(departmentsCsv, peopleCsv), cancellationToken).ConfigureAwait(false);

    /// <summary>Uploaded files, in whatever encoding wrote them (detected and reported).</summary>
    public async Task<DirectoryImportResult> ImportAsync(ImportFile departmentsCsv, ImportFile peopleCsv, CancellationToken cancellationToken = default) =>
        await ImportAsync(importer.Import(departmentsCsv, peopleCsv), cancellationToken).ConfigureAwait(false);

    public async Task<DirectoryImportResult> ImportFolderAsync(string folder, CancellationToken cancellationToken = default) =>
        await ImportAsync(importer.ImportFolder(folder), cancellationToken).ConfigureAwait(false);

    /// <summary>Stores an already validated result (e.g. from a directory source) and switches to it.</summary>
    public async Task<DirectoryImportResult> ImportAsync(DirectoryImportResult result, CancellationToken cancellationToken = default)
    {
        if (result.Directory is not { } directory)
        {
            return result;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var version = await repository.SaveAsync(directory, cancellationToken).ConfigureAwait(false);
            introductions = await repository.ListIntroductionsAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref current, DirectorySnapshot.Build(version.Id, directory, introductions, options, indexFolder).Snapshot);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Loads the stored directory when its version differs from the one in memory. True when it changed.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = await repository.GetCurrentVersionAsync(cancellationToken).ConfigureAwait(false);
            var storedIntroductions = await repository.ListIntroductionsAsync(cancellationToken).ConfigureAwait(false);
            var snapshot = Current;
            if (stored is null || (stored.Id == snapshot.Version && storedIntroductions.Count == introductions.Count))
            {
                return false;
            }

            introductions = storedIntroductions;
            var clock = time ?? TimeProvider.System;
            var started = clock.GetTimestamp();
            var directory = stored.Id == snapshot.Version ? snapshot.Directory : (await repository.LoadAsync(cancellationToken).ConfigureAwait(false))?.Directory;
            var version = stored.Id == snapshot.Version ? snapshot.Version : stored.Id;
            if (directory is null)
            {
                return true;
            }

            var loaded = clock.GetTimestamp();
            var (built, searchSource) = DirectorySnapshot.Build(version, directory, introductions, options, indexFolder);
            Volatile.Write(ref current, built);
            LastLoad = new DirectoryLoadReport(clock.GetElapsedTime(started, loaded), clock.GetElapsedTime(loaded), searchSource);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Records introductions that actually happened, each once per (introducer, introduced, to), and rebuilds the
    /// referral graph with the new ones. Returns those that were new (empty when all were known already).
    /// </summary>
    public async Task<IReadOnlyList<RecordedIntroduction>> RecordReferralAsync(ReferralChain chain, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var fresh = chain.Introductions
                .Where(i => !introductions.Any(known => SameTriple(known, i)))
                .DistinctBy(i => (i.IntroducerId, i.IntroducedId, i.ToPersonId))
                .ToList();
            if (fresh.Count == 0)
            {
                return [];
            }

            var added = await repository.RecordIntroductionsAsync(fresh, cancellationToken).ConfigureAwait(false);
            introductions = [.. introductions, .. fresh];
            var snapshot = Current;
            Volatile.Write(ref current, snapshot with { Referrals = new ReferralPathFinder(snapshot.Directory, introductions, options) });
            return added;
        }
        finally
        {
            gate.Release();
        }
    }

    private static bool SameTriple(RecordedIntroduction a, RecordedIntroduction b) =>
        a.IntroducerId == b.IntroducerId && a.IntroducedId == b.IntroducedId && a.ToPersonId == b.ToPersonId;
}
