using OutreachBot.Domain.Directory.Import;
using OutreachBot.Domain.Directory.Referrals;
using OutreachBot.Domain.Storage;
using OutreachBot.Domain.Storage.Directory;
using OutreachBot.Domain.Tests.Directory;

namespace OutreachBot.Domain.Tests.Storage.Directory;

public sealed class DirectoryRepositoryTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryEntityStore store = new();

    [Fact]
    public async Task A_saved_directory_loads_back_identical_from_many_chunks()
    {
        var repository = new DirectoryRepository(store, time, maxChunkBytes: 20_000);
        var directory = DemoCompany.Directory;

        var version = await repository.SaveAsync(directory);
        var loaded = await repository.LoadAsync();

        Assert.True(version.Chunks > 10);
        Assert.Equal(version, loaded!.Value.Version);
        Assert.Equal(directory.Departments, loaded.Value.Directory.Departments, DepartmentsEqual);
        Assert.Equal(directory.People, loaded.Value.Directory.People);
    }

    [Fact]
    public void Every_chunk_stays_under_the_size_limit()
    {
        var repository = new DirectoryRepository(store, time, maxChunkBytes: 50_000);

        var chunks = repository.Chunk(DemoCompany.Directory);

        Assert.All(chunks, c => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(c), 1, 50_000 + 16));
    }

    [Fact]
    public async Task Nothing_is_loaded_before_the_first_import()
    {
        var repository = new DirectoryRepository(store, time);

        Assert.Null(await repository.LoadAsync());
        Assert.Null(await repository.GetCurrentVersionAsync());
    }

    [Fact]
    public async Task A_save_that_fails_half_way_leaves_the_previous_directory_live()
    {
        var first = new OrgBuilder().Department("hq").Person("p1", "hq").Build();
        await new DirectoryRepository(store, time).SaveAsync(first);
        var failing = new FailingStore(store, failAfterInserts: 3);
        var repository = new DirectoryRepository(failing, time, maxChunkBytes: 5_000);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => repository.SaveAsync(DemoCompany.Directory));

        var live = await new DirectoryRepository(store, time).LoadAsync();
        Assert.Equal(["p1"], live!.Value.Directory.People.Select(p => p.Id));
    }

    [Fact]
    public async Task Only_the_current_and_the_previous_version_are_kept()
    {
        var repository = new DirectoryRepository(store, time);
        var versions = new List<DirectoryVersion>();
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            versions.Add(await repository.SaveAsync(new OrgBuilder().Department(id).Person("p-" + id, id).Build()));
            time.Advance(TimeSpan.FromMinutes(1));
        }

        var remaining = await store.QueryAsync(DirectoryRepository.Table, "versions", RowKeyRange.All, 100, null);

        Assert.Equal([versions[2].Id, versions[3].Id], remaining.Items.Select(e => e.RowKey));
        Assert.Empty((await store.QueryAsync(DirectoryRepository.Table, "v-" + versions[0].Id, RowKeyRange.All, 100, null)).Items);
        Assert.Single((await store.QueryAsync(DirectoryRepository.Table, "v-" + versions[2].Id, RowKeyRange.All, 100, null)).Items);
    }

    [Fact]
    public async Task A_bad_import_returns_its_errors_and_changes_neither_the_live_nor_the_stored_directory()
    {
        var live = NewLiveDirectory();
        await live.ImportAsync(new StringReader(DirectoryCsvBuilder.SmallCompany().DepartmentsCsv), new StringReader(DirectoryCsvBuilder.SmallCompany().PeopleCsv));
        var before = live.Current;
        var storedBefore = await new DirectoryRepository(store, time).GetCurrentVersionAsync();
        var bad = DirectoryCsvBuilder.SmallCompany().Person("p3", "ghost");

        var result = await live.ImportAsync(new StringReader(bad.DepartmentsCsv), new StringReader(bad.PeopleCsv));

        Assert.Equal("people.csv line 4, column department_id: department “ghost” is not in departments.csv", Assert.Single(result.Errors).Located.En);
        Assert.Same(before, live.Current);
        Assert.Equal(storedBefore, await new DirectoryRepository(store, time).GetCurrentVersionAsync());
    }

    [Fact]
    public async Task Another_instance_picks_up_an_import_and_its_search_is_rebuilt()
    {
        var importing = NewLiveDirectory();
        var other = NewLiveDirectory();

        await importing.ImportFolderAsync(DemoCompany.Folder);
        var changed = await other.RefreshAsync();
        var unchanged = await other.RefreshAsync();

        Assert.True(changed);
        Assert.False(unchanged);
        Assert.Equal(importing.Current.Version, other.Current.Version);
        Assert.Equal("pay-core", other.Current.Search.Search("支付中台")[0].Department.Id);
    }

    [Fact]
    public async Task A_recorded_referral_shortens_paths_on_every_instance()
    {
        var csv = new DirectoryCsvBuilder().Department("hq").Department("x", "hq").Department("t", "hq")
            .Person("ceo", "hq").Person("boss", "x", "ceo").Person("me", "x", "boss").Person("t1", "t", "ceo");
        var live = NewLiveDirectory();
        var other = NewLiveDirectory();
        await live.ImportAsync(new StringReader(csv.DepartmentsCsv), new StringReader(csv.PeopleCsv));
        await other.RefreshAsync();
        var path = live.Current.Referrals.FindPaths("me", "t").Paths[0];

        await live.RecordReferralAsync(ReferralChain.FromPath(path, time.GetUtcNow()));
        await other.RefreshAsync();

        Assert.Equal(1, live.Current.Referrals.FindPaths("me", "t").Paths[0].Length);
        Assert.Equal(1, other.Current.Referrals.FindPaths("me", "t").Paths[0].Length);
        Assert.Equal(2, (await new DirectoryRepository(store, time).ListIntroductionsAsync()).Count);
    }

    private LiveDirectory NewLiveDirectory() => new(new DirectoryRepository(store, time), new OrgDirectoryImporter(time));

    private static readonly IEqualityComparer<Department> DepartmentsEqual = EqualityComparer<Department>.Create(
        (a, b) => a is not null && b is not null && a with { Keywords = [] } == b with { Keywords = [] } && a.Keywords.SequenceEqual(b.Keywords),
        d => d.Id.GetHashCode(StringComparison.Ordinal));

    /// <summary>The real in-memory store, but the service "goes away" after a number of inserts.</summary>
    private sealed class FailingStore(IEntityStore inner, int failAfterInserts) : IEntityStore
    {
        private int inserts;

        public Task<StoredEntity> InsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) =>
            ++inserts > failAfterInserts
                ? throw new StorageUnavailableException("The store went away.")
                : inner.InsertAsync(table, partitionKey, rowKey, json, cancellationToken);

        public Task<StoredEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) => inner.GetAsync(table, partitionKey, rowKey, cancellationToken);
        public Task<StoredEntity> ReplaceAsync(string table, StoredEntity entity, CancellationToken cancellationToken = default) => inner.ReplaceAsync(table, entity, cancellationToken);
        public Task<StoredEntity> UpsertAsync(string table, string partitionKey, string rowKey, string json, CancellationToken cancellationToken = default) => inner.UpsertAsync(table, partitionKey, rowKey, json, cancellationToken);
        public Task DeleteAsync(string table, string partitionKey, string rowKey, string? etag, CancellationToken cancellationToken = default) => inner.DeleteAsync(table, partitionKey, rowKey, etag, cancellationToken);
        public Task<EntityPage> QueryAsync(string table, string partitionKey, RowKeyRange range, int pageSize, string? continuationToken, CancellationToken cancellationToken = default) => inner.QueryAsync(table, partitionKey, range, pageSize, continuationToken, cancellationToken);
        public Task<IReadOnlyList<StoredEntity>> SubmitBatchAsync(string table, string partitionKey, IReadOnlyList<EntityOperation> operations, CancellationToken cancellationToken = default) => inner.SubmitBatchAsync(table, partitionKey, operations, cancellationToken);
        public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default) => inner.IsHealthyAsync(cancellationToken);
    }
}
