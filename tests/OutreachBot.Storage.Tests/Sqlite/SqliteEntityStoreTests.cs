using Microsoft.Data.Sqlite;

namespace OutreachBot.Storage.Tests.Sqlite;

public sealed class SqliteEntityStoreTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    [Fact]
    public async Task The_database_directory_is_created_and_the_file_uses_wal_mode()
    {
        var path = Path.Combine(directory.Path, "nested", "deeper", "bot.db");
        using var store = new SqliteEntityStore(new SqliteStorageOptions { Path = path });

        await store.UpsertAsync("Outreaches", "p", "r", "{}");

        Assert.True(File.Exists(path));
        Assert.Equal("wal", await PragmaAsync(path, "journal_mode"));
    }

    [Fact]
    public async Task Entities_survive_a_new_store_on_the_same_file()
    {
        var path = directory.File("durable.db");
        using (var first = new SqliteEntityStore(new SqliteStorageOptions { Path = path }))
        {
            await first.InsertAsync("Outreaches", "p", "r", "{\"v\":1}");
        }

        using var second = new SqliteEntityStore(new SqliteStorageOptions { Path = path });
        var found = await second.GetAsync("Outreaches", "p", "r");

        Assert.Equal("{\"v\":1}", found?.Json);
    }

    [Fact]
    public async Task A_file_written_before_table_names_became_case_insensitive_keeps_its_rows()
    {
        var path = directory.File("schema-v1.db");
        await ExecuteAsync(path, """
            CREATE TABLE entities (tbl TEXT NOT NULL, pk TEXT NOT NULL, rk TEXT NOT NULL, json TEXT NOT NULL, etag TEXT NOT NULL, PRIMARY KEY (tbl, pk, rk)) WITHOUT ROWID;
            INSERT INTO entities VALUES ('outreaches', 'p', 'r1', '{"v":1}', 'W/"1"'), ('Reminders', 'p', 'r2', '{"v":2}', 'W/"2"');
            """);
        using var store = new SqliteEntityStore(new SqliteStorageOptions { Path = path });

        var outreach = await store.GetAsync("Outreaches", "p", "r1");
        var reminder = await store.GetAsync("Reminders", "p", "r2");

        Assert.Equal("{\"v\":1}", outreach?.Json);
        Assert.Equal("W/\"1\"", outreach?.ETag);
        Assert.Equal("{\"v\":2}", reminder?.Json);
        Assert.Equal("2", await PragmaAsync(path, "user_version"));
    }

    [Fact]
    public async Task Two_stores_sharing_one_file_see_each_others_etags_and_conflicts()
    {
        var path = directory.File("shared.db");
        using var a = new SqliteEntityStore(new SqliteStorageOptions { Path = path });
        using var b = new SqliteEntityStore(new SqliteStorageOptions { Path = path });
        var original = await a.InsertAsync("Outreaches", "p", "r", "{\"v\":0}");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var store = i % 2 == 0 ? a : b;
            try
            {
                await store.ReplaceAsync("Outreaches", original with { Json = $"{{\"v\":{i}}}" });
                return true;
            }
            catch (EntityConflictException)
            {
                return false;
            }
        })));

        Assert.Equal(1, outcomes.Count(won => won));
        var viaA = await a.GetAsync("Outreaches", "p", "r");
        var viaB = await b.GetAsync("Outreaches", "p", "r");
        Assert.Equal(viaA, viaB);
    }

    [Fact]
    public async Task Many_concurrent_read_modify_write_loops_lose_no_update()
    {
        using var store = new SqliteEntityStore(new SqliteStorageOptions { Path = directory.File("counter.db") });
        await store.InsertAsync("Counters", "p", "c", "0");

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                while (true)
                {
                    var current = (await store.GetAsync("Counters", "p", "c"))!;
                    try
                    {
                        await store.ReplaceAsync("Counters", current with { Json = (int.Parse(current.Json, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
                        break;
                    }
                    catch (EntityConflictException)
                    {
                        // Another loop wrote first: re-read and try again, as every read-modify-write must.
                    }
                }
            }
        })));

        Assert.Equal("160", (await store.GetAsync("Counters", "p", "c"))!.Json);
    }

    [Fact]
    public async Task A_continuation_token_from_elsewhere_is_refused()
    {
        using var store = new SqliteEntityStore(new SqliteStorageOptions { Path = directory.File("tokens.db") });

        await Assert.ThrowsAsync<ArgumentException>(() => store.QueryAsync("Outreaches", "p", RowKeyRange.All, 10, "row-00001"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_reports_unhealthy_and_throws_storage_unavailable()
    {
        var path = directory.File("garbage.db");
        await File.WriteAllTextAsync(path, new string('x', 8192));
        using var store = new SqliteEntityStore(new SqliteStorageOptions { Path = path });

        var healthy = await store.IsHealthyAsync();
        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.GetAsync("Outreaches", "p", "r"));

        Assert.False(healthy);
        Assert.IsType<SqliteException>(failure.InnerException);
    }

    public void Dispose() => directory.Dispose();

    private static async Task<string> PragmaAsync(string path, string pragma)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
