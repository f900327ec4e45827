using OutreachBot.Domain.Directory.Import;
using OutreachBot.Domain.Directory.Referrals;
using OutreachBot.Domain.Directory.Search;
using OutreachBot.Domain.Storage.Directory;

namespace OutreachBot.Domain.Directory;

/// <summary>Everything the finder needs for one directory version, built together and swapped together.</summary>
public sealed record DirectorySnapshot(string Version, OrgDirectory Directory, DepartmentSearch Search, OrgChart OrgChart, ReferralPathFinder Referrals)
{
    public static DirectorySnapshot Build(string version, OrgDirectory directory, IEnumerable<RecordedIntroduction> introductions, ReferralOptions? options = null) =>
        new(version, directory, DepartmentSearch.Build(directory), new OrgChart(directory), new ReferralPathFinder(directory, introductions, options));
}

/// <summary>
/// The directory this bot instance answers from. Imports go through validation and the repository first, so a bad
/// import leaves the live one untouched; <see cref="RefreshAsync"/> picks up an import made by another instance.
/// Readers take <see cref="Current"/> once per request and use that snapshot throughout.
/// </summary>
public sealed class LiveDirectory(DirectoryRepository repository, OrgDirectoryImporter importer, ReferralOptions? options = null)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private DirectorySnapshot current = DirectorySnapshot.Build("", OrgDirectory.Empty, [], options);
    private IReadOnlyList<RecordedIntroduction> introductions = [];

    public DirectorySnapshot Current => Volatile.Read(ref current);

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
            Volatile.Write(ref current, DirectorySnapshot.Build(version.Id, directory, introductions, options));
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
            var directory = stored.Id == snapshot.Version ? snapshot.Directory : (await repository.LoadAsync(cancellationToken).ConfigureAwait(false))?.Directory;
            var version = stored.Id == snapshot.Version ? snapshot.Version : stored.Id;
            Volatile.Write(ref current, directory is null ? snapshot : DirectorySnapshot.Build(version, directory, introductions, options));
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
