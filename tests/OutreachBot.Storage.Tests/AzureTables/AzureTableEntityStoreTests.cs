using System.Diagnostics;
using Azure.Data.Tables;
using OutreachBot.Testing;

namespace OutreachBot.Storage.Tests.AzureTables;

[Collection(AzuriteCollection.Name)]
public sealed class AzureTableEntityStoreTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task A_store_pointed_at_a_closed_port_reports_unhealthy_quickly()
    {
        var store = StoreAt(ClosedPortConnectionString());
        var clock = Stopwatch.StartNew();

        var healthy = await store.IsHealthyAsync();

        Assert.False(healthy);
        Assert.True(clock.Elapsed < Quickly, $"the health check took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_store_pointed_at_a_closed_port_throws_storage_unavailable_quickly()
    {
        var store = StoreAt(ClosedPortConnectionString());
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.GetAsync("Outreaches", "p", "r"));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.InsertAsync("Outreaches", "p", "r", "{}"));

        Assert.True(clock.Elapsed < Quickly * 2, $"the failing calls took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_table_deleted_while_the_store_runs_is_created_again_by_the_next_write()
    {
        var (store, _) = await StoreWhoseTableWasDeletedAsync("Profiles", "{\"v\":1}");

        var before = await store.GetAsync("Profiles", "p", "r");
        await store.UpsertAsync("Profiles", "p", "r", "{\"v\":2}");
        await store.SubmitBatchAsync("Profiles", "q", [EntityOperation.Insert("a", "{}"), EntityOperation.Delete("gone")]);

        Assert.Null(before);
        Assert.Equal("{\"v\":2}", (await store.GetAsync("Profiles", "p", "r"))?.Json);
        Assert.Single((await store.QueryAsync("Profiles", "q", RowKeyRange.All, 10, null)).Items);
    }

    [Fact]
    public async Task A_batch_into_a_deleted_table_recreates_it()
    {
        var (store, _) = await StoreWhoseTableWasDeletedAsync("Chunks", "{}");

        await store.SubmitBatchAsync("Chunks", "p", [EntityOperation.Insert("a", "{}"), EntityOperation.Insert("b", "{}")]);

        Assert.Equal(2, (await store.QueryAsync("Chunks", "p", RowKeyRange.All, 10, null)).Items.Count);
    }

    [Fact]
    public async Task The_health_check_recreates_a_table_that_disappeared_and_reports_healthy()
    {
        var (store, prefix) = await StoreWhoseTableWasDeletedAsync("State", "{}");

        var healthy = await store.IsHealthyAsync();

        Assert.True(healthy);
        Assert.Contains((prefix + "State").ToLowerInvariant(), await TableNamesAsync());
    }

    [Fact]
    public async Task A_mid_sized_document_is_stored_as_readable_text_chunks_and_read_back_whole()
    {
        var store = StoreAt(azurite.ConnectionString, "Text");
        var json = "\"" + string.Concat(Enumerable.Repeat("😀中", 15_000)) + "\"";

        await store.InsertAsync("Docs", "p", "r", json);

        var raw = (await RawAsync("TextDocs", "p", "r")).Value;
        Assert.Equal(2, raw.GetInt32(AzureTableEntityStore.ChunkCountProperty));
        Assert.Null(raw.GetInt32(AzureTableEntityStore.CompressedCountProperty));
        Assert.Equal(json, raw.GetString("Json0") + raw.GetString("Json1"));
        Assert.Equal(json, (await store.GetAsync("Docs", "p", "r"))!.Json);
    }

    [Fact]
    public async Task A_large_chinese_document_is_stored_compressed_in_binary_chunks_and_read_back_whole()
    {
        var store = StoreAt(azurite.ConnectionString, "Packed");
        var json = "{\"notes\":\"" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"第{i}次沟通：支付风控部同意试点。")) + "\"}";

        await store.InsertAsync("Docs", "p", "r", json);

        var raw = (await RawAsync("PackedDocs", "p", "r")).Value;
        Assert.True(json.Length > 300_000);
        Assert.Null(raw.GetInt32(AzureTableEntityStore.ChunkCountProperty));
        Assert.True(raw.GetInt32(AzureTableEntityStore.CompressedCountProperty) >= 1);
        Assert.Equal(json, (await store.GetAsync("Docs", "p", "r"))!.Json);
    }

    [Fact]
    public async Task A_document_that_does_not_compress_below_the_entity_limit_is_refused_clearly()
    {
        var store = StoreAt(azurite.ConnectionString, "Noise");
        var random = new Random(20240601);
        var noise = string.Create(480_000, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)r.Next(0x4E00, 0x9FFF);
            }
        });

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.InsertAsync("Docs", "p", "r", noise));

        Assert.Contains("compresses to", refused.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetAsync("Docs", "p", "r"));
    }

    /// <summary>A store that wrote <paramref name="json"/> at p/r of <paramref name="table"/>, after which the table was deleted behind its back.</summary>
    private async Task<(AzureTableEntityStore Store, string Prefix)> StoreWhoseTableWasDeletedAsync(string table, string json)
    {
        var prefix = UniquePrefix();
        var store = StoreAt(azurite.ConnectionString, prefix);
        await store.InsertAsync(table, "p", "r", json);
        await DeleteTableAsync(prefix + table);
        return (store, prefix);
    }

    private static string UniquePrefix() => "h" + new string(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26))).ToArray());

    private Task DeleteTableAsync(string table) => new TableServiceClient(azurite.ConnectionString).DeleteTableAsync(table.ToLowerInvariant());

    private async Task<List<string>> TableNamesAsync()
    {
        var names = new List<string>();
        await foreach (var table in new TableServiceClient(azurite.ConnectionString).QueryAsync())
        {
            names.Add(table.Name);
        }

        return names;
    }

    private Task<Azure.Response<TableEntity>> RawAsync(string table, string partitionKey, string rowKey) =>
        new TableClient(azurite.ConnectionString, table.ToLowerInvariant()).GetEntityAsync<TableEntity>(partitionKey, rowKey);

    private static AzureTableEntityStore StoreAt(string connectionString, string prefix = "Unreachable") =>
        new(new AzureTablesStorageOptions { ConnectionString = connectionString, TablePrefix = prefix, MaxRetries = 2 });

    private static string ClosedPortConnectionString() =>
        AzuriteFixture.ConnectionStringFor($"http://127.0.0.1:{AzuriteFixture.FreeLoopbackPort()}/{AzuriteFixture.AccountName}");
}
