using System.Globalization;
using System.Text;

namespace OutreachBot.Storage.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="IEntityStore"/> adapter shares. Each adapter runs this suite through one derived class;
/// every test works in a table of its own, so tests never see each other's data.
/// </summary>
public abstract class EntityStoreContractTests
{
    private const string Partition = "p1";

    protected EntityStoreContractTests()
    {
        Table = "T" + Guid.NewGuid().ToString("N")[..12];
    }

    protected abstract IEntityStore Store { get; }

    protected string Table { get; }

    [Fact]
    public async Task Get_of_a_missing_entity_returns_null()
    {
        var found = await Store.GetAsync(Table, Partition, "nobody");

        Assert.Null(found);
    }

    [Fact]
    public async Task Inserted_entity_reads_back_with_its_json_and_etag()
    {
        var inserted = await Store.InsertAsync(Table, Partition, "r1", Json.Of("hello"));

        var found = await Store.GetAsync(Table, Partition, "r1");

        Assert.NotNull(found);
        Assert.Equal(Json.Of("hello"), found.Json);
        Assert.Equal(inserted.ETag, found.ETag);
        Assert.False(string.IsNullOrEmpty(found.ETag));
        Assert.Equal((Partition, "r1"), (found.PartitionKey, found.RowKey));
    }

    [Fact]
    public async Task Insert_of_an_existing_key_is_a_conflict_and_keeps_the_first_value()
    {
        await Store.InsertAsync(Table, Partition, "r1", Json.Of("first"));

        var conflict = await Assert.ThrowsAsync<EntityConflictException>(() => Store.InsertAsync(Table, Partition, "r1", Json.Of("second")));

        Assert.Equal("r1", conflict.RowKey);
        Assert.Equal(Json.Of("first"), (await Store.GetAsync(Table, Partition, "r1"))!.Json);
    }

    [Fact]
    public async Task Replace_with_the_current_etag_succeeds_and_issues_a_new_etag()
    {
        var inserted = await Store.InsertAsync(Table, Partition, "r1", Json.Of("v1"));

        var replaced = await Store.ReplaceAsync(Table, inserted with { Json = Json.Of("v2") });

        Assert.NotEqual(inserted.ETag, replaced.ETag);
        var found = await Store.GetAsync(Table, Partition, "r1");
        Assert.Equal(Json.Of("v2"), found!.Json);
        Assert.Equal(replaced.ETag, found.ETag);
    }

    [Fact]
    public async Task Replace_with_a_stale_etag_is_a_conflict_and_changes_nothing()
    {
        var stale = await Store.InsertAsync(Table, Partition, "r1", Json.Of("v1"));
        await Store.ReplaceAsync(Table, stale with { Json = Json.Of("v2") });

        await Assert.ThrowsAsync<EntityConflictException>(() => Store.ReplaceAsync(Table, stale with { Json = Json.Of("v3") }));

        Assert.Equal(Json.Of("v2"), (await Store.GetAsync(Table, Partition, "r1"))!.Json);
    }

    [Fact]
    public async Task Replace_of_a_missing_entity_is_not_found()
    {
        var ghost = new StoredEntity(Partition, "ghost", Json.Of("x"), "W/\"1\"");

        await Assert.ThrowsAsync<EntityNotFoundException>(() => Store.ReplaceAsync(Table, ghost));
    }

    [Fact]
    public async Task Replace_with_the_wildcard_etag_overwrites_whatever_is_stored()
    {
        await Store.InsertAsync(Table, Partition, "r1", Json.Of("v1"));

        await Store.ReplaceAsync(Table, new StoredEntity(Partition, "r1", Json.Of("forced"), "*"));

        Assert.Equal(Json.Of("forced"), (await Store.GetAsync(Table, Partition, "r1"))!.Json);
    }

    [Fact]
    public async Task Upsert_creates_a_missing_entity_and_then_overwrites_it()
    {
        var created = await Store.UpsertAsync(Table, Partition, "r1", Json.Of("v1"));

        var overwritten = await Store.UpsertAsync(Table, Partition, "r1", Json.Of("v2"));

        Assert.NotEqual(created.ETag, overwritten.ETag);
        Assert.Equal(Json.Of("v2"), (await Store.GetAsync(Table, Partition, "r1"))!.Json);
    }

    [Fact]
    public async Task Delete_with_the_current_etag_removes_the_entity()
    {
        var inserted = await Store.InsertAsync(Table, Partition, "r1", Json.Of("v1"));

        await Store.DeleteAsync(Table, Partition, "r1", inserted.ETag);

        Assert.Null(await Store.GetAsync(Table, Partition, "r1"));
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_is_a_conflict_and_keeps_the_entity()
    {
        var stale = await Store.InsertAsync(Table, Partition, "r1", Json.Of("v1"));
        await Store.ReplaceAsync(Table, stale with { Json = Json.Of("v2") });

        await Assert.ThrowsAsync<EntityConflictException>(() => Store.DeleteAsync(Table, Partition, "r1", stale.ETag));

        Assert.Equal(Json.Of("v2"), (await Store.GetAsync(Table, Partition, "r1"))!.Json);
    }

    [Fact]
    public async Task Unconditional_delete_removes_the_entity_and_ignores_a_missing_one()
    {
        await Store.InsertAsync(Table, Partition, "r1", Json.Of("v1"));

        await Store.DeleteAsync(Table, Partition, "r1", etag: null);
        await Store.DeleteAsync(Table, Partition, "never-existed", etag: null);

        Assert.Null(await Store.GetAsync(Table, Partition, "r1"));
    }

    [Fact]
    public async Task Conditional_delete_of_a_missing_entity_is_not_found()
    {
        var inserted = await Store.InsertAsync(Table, Partition, "r1", Json.Of("v1"));
        await Store.DeleteAsync(Table, Partition, "r1", etag: null);

        await Assert.ThrowsAsync<EntityNotFoundException>(() => Store.DeleteAsync(Table, Partition, "r1", inserted.ETag));
    }

    [Fact]
    public async Task Concurrent_conditional_updates_from_eight_tasks_let_exactly_one_win_each_round()
    {
        await Store.InsertAsync(Table, Partition, "counter", Json.Of("round 0"));

        for (var round = 1; round <= 5; round++)
        {
            var read = (await Store.GetAsync(Table, Partition, "counter"))!;
            var attempts = Enumerable.Range(0, 8)
                .Select(writer => Task.Run(async () =>
                {
                    try
                    {
                        await Store.ReplaceAsync(Table, read with { Json = Json.Of($"round {round} by {writer}") });
                        return (Writer: writer, Won: true);
                    }
                    catch (EntityConflictException)
                    {
                        return (Writer: writer, Won: false);
                    }
                }))
                .ToList();
            var outcomes = await Task.WhenAll(attempts);

            var winner = Assert.Single(outcomes, o => o.Won);
            Assert.Equal(7, outcomes.Count(o => !o.Won));
            Assert.Equal(Json.Of($"round {round} by {winner.Writer}"), (await Store.GetAsync(Table, Partition, "counter"))!.Json);
        }
    }

    [Fact]
    public async Task Batch_applies_every_kind_of_operation_together()
    {
        var toReplace = await Store.InsertAsync(Table, Partition, "replace-me", Json.Of("old"));
        var toDelete = await Store.InsertAsync(Table, Partition, "delete-me", Json.Of("old"));
        await Store.InsertAsync(Table, Partition, "upsert-me", Json.Of("old"));

        var results = await Store.SubmitBatchAsync(Table, Partition,
        [
            EntityOperation.Insert("new", Json.Of("new")),
            EntityOperation.Replace("replace-me", Json.Of("replaced"), toReplace.ETag),
            EntityOperation.Upsert("upsert-me", Json.Of("upserted")),
            EntityOperation.Delete("delete-me", toDelete.ETag),
            EntityOperation.Delete("never-existed"),
        ]);

        Assert.Equal(5, results.Count);
        var page = await Store.QueryAsync(Table, Partition, RowKeyRange.All, 100, null);
        Assert.Equal(
            [("new", Json.Of("new")), ("replace-me", Json.Of("replaced")), ("upsert-me", Json.Of("upserted"))],
            page.Items.Select(e => (e.RowKey, e.Json)));
        Assert.Equal(page.Items.Single(e => e.RowKey == "new").ETag, results[0].ETag);
    }

    [Fact]
    public async Task A_batch_that_fails_leaves_nothing_written_and_names_the_failing_operation()
    {
        var existing = await Store.InsertAsync(Table, Partition, "existing", Json.Of("kept"));

        var conflict = await Assert.ThrowsAsync<EntityConflictException>(() => Store.SubmitBatchAsync(Table, Partition,
        [
            EntityOperation.Insert("a", Json.Of("a")),
            EntityOperation.Upsert("b", Json.Of("b")),
            EntityOperation.Insert("existing", Json.Of("overwritten")),
        ]));

        Assert.Equal(2, conflict.FailedOperationIndex);
        var page = await Store.QueryAsync(Table, Partition, RowKeyRange.All, 100, null);
        var only = Assert.Single(page.Items);
        Assert.Equal(existing, only);
    }

    [Fact]
    public async Task A_batch_with_a_stale_replace_is_a_conflict_at_that_index_and_writes_nothing()
    {
        var stale = await Store.InsertAsync(Table, Partition, "r1", Json.Of("v1"));
        var current = await Store.ReplaceAsync(Table, stale with { Json = Json.Of("v2") });

        var conflict = await Assert.ThrowsAsync<EntityConflictException>(() => Store.SubmitBatchAsync(Table, Partition,
        [
            EntityOperation.Upsert("r2", Json.Of("x")),
            EntityOperation.Replace("r1", Json.Of("v3"), stale.ETag),
        ]));

        Assert.Equal(1, conflict.FailedOperationIndex);
        Assert.Equal(current, await Store.GetAsync(Table, Partition, "r1"));
        Assert.Null(await Store.GetAsync(Table, Partition, "r2"));
    }

    [Fact]
    public async Task A_batch_replacing_a_missing_entity_is_not_found_and_writes_nothing()
    {
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Store.SubmitBatchAsync(Table, Partition,
        [
            EntityOperation.Insert("r1", Json.Of("x")),
            EntityOperation.Replace("ghost", Json.Of("x"), "*"),
        ]));

        Assert.Null(await Store.GetAsync(Table, Partition, "r1"));
    }

    [Fact]
    public async Task A_query_over_2500_entities_returns_each_once_in_row_key_order_across_pages()
    {
        var rowKeys = Enumerable.Range(0, 2500).Select(i => "row-" + i.ToString("D5", CultureInfo.InvariantCulture)).ToList();
        foreach (var chunk in rowKeys.OrderByDescending(k => k, StringComparer.Ordinal).Chunk(100))
        {
            await Store.SubmitBatchAsync(Table, Partition, chunk.Select(k => EntityOperation.Insert(k, Json.Of(k))).ToList());
        }

        await Store.InsertAsync(Table, "other-partition", "row-00001", Json.Of("elsewhere"));

        var seen = new List<StoredEntity>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await Store.QueryAsync(Table, Partition, RowKeyRange.All, 1000, token);
            Assert.True(page.Items.Count <= 1000);
            seen.AddRange(page.Items);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 100);

        Assert.Equal(rowKeys, seen.Select(e => e.RowKey));
        Assert.All(seen, e => Assert.Equal(Json.Of(e.RowKey), e.Json));
        Assert.True(pages >= 3, $"2,500 entities in pages of 1,000 need at least 3 pages, got {pages}.");
    }

    [Fact]
    public async Task A_range_query_returns_only_row_keys_from_inclusive_to_exclusive()
    {
        foreach (var key in new[] { "a", "b1", "b2", "b3", "c" })
        {
            await Store.InsertAsync(Table, Partition, key, Json.Of(key));
        }

        var bounded = await ReadAllAsync(new RowKeyRange("b1", "b3"), pageSize: 1);
        var prefixed = await ReadAllAsync(RowKeyRange.WithPrefix("b"), pageSize: 2);
        var fromOnly = await ReadAllAsync(new RowKeyRange(From: "b3"), pageSize: 1000);
        var toOnly = await ReadAllAsync(new RowKeyRange(To: "b1"), pageSize: 1000);

        Assert.Equal(["b1", "b2"], bounded);
        Assert.Equal(["b1", "b2", "b3"], prefixed);
        Assert.Equal(["b3", "c"], fromOnly);
        Assert.Equal(["a"], toOnly);
    }

    [Fact]
    public async Task Reading_named_rows_returns_those_that_exist_with_their_etags_and_nothing_else()
    {
        foreach (var key in new[] { "conversation~a", "conversation~b", "profile", "zz" })
        {
            await Store.InsertAsync(Table, Partition, key, Json.Of(key));
        }

        await Store.InsertAsync(Table, "p2", "profile", Json.Of("other partition"));
        var profile = await Store.GetAsync(Table, Partition, "profile");

        var found = await Store.GetRowsAsync(Table, Partition, ["profile", "conversation~b", "missing", "profile"]);

        Assert.Equal(["conversation~b", "profile"], found.Select(e => e.RowKey).Order(StringComparer.Ordinal));
        Assert.Equal(profile!.ETag, found.Single(e => e.RowKey == "profile").ETag);
        Assert.Equal(Json.Of("conversation~b"), found.Single(e => e.RowKey == "conversation~b").Json);
    }

    [Theory]
    [InlineData("x' or RowKey ne '")]
    [InlineData("支付风控部 O'Brien")]
    public async Task Reading_named_rows_quotes_odata_looking_keys(string text)
    {
        await Store.InsertAsync(Table, Partition, text, Json.Of(text));
        await Store.InsertAsync(Table, Partition, "neighbour", Json.Of("neighbour"));

        var found = await Store.GetRowsAsync(Table, Partition, [text, "absent"]);

        Assert.Equal(Json.Of(text), Assert.Single(found).Json);
    }

    [Fact]
    public async Task Reading_more_named_rows_than_the_limit_is_refused()
    {
        var keys = Enumerable.Range(0, IEntityStore.MaxRowsPerRead + 1).Select(i => "r" + i).ToList();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetRowsAsync(Table, Partition, keys));
    }

    [Theory]
    [InlineData("O'Brien \"quoted\"")]
    [InlineData("支付风控部 王经理")]
    [InlineData("x' or PartitionKey ne '")]
    [InlineData("x\" or RowKey gt \"")]
    [InlineData("100% sure; -- DROP TABLE entities")]
    public async Task Keys_and_values_with_quotes_chinese_and_odata_looking_text_round_trip_exactly(string text)
    {
        var json = Json.Of(text);
        await Store.InsertAsync(Table, text, text, json);
        await Store.InsertAsync(Table, text, "z-neighbour", Json.Of("neighbour"));
        await Store.InsertAsync(Table, "unrelated", text, Json.Of("unrelated"));

        var found = await Store.GetAsync(Table, text, text);
        var page = await Store.QueryAsync(Table, text, RowKeyRange.WithPrefix(text), 10, null);

        Assert.Equal(json, found!.Json);
        Assert.Equal((text, text), (found.PartitionKey, found.RowKey));
        var only = Assert.Single(page.Items);
        Assert.Equal(json, only.Json);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("tab\there")]
    public async Task Keys_with_characters_azure_forbids_are_refused_by_every_operation(string key)
    {
        var json = Json.Of("x");

        await Assert.ThrowsAsync<InvalidStorageKeyException>(() => Store.InsertAsync(Table, Partition, key, json));
        await Assert.ThrowsAsync<InvalidStorageKeyException>(() => Store.InsertAsync(Table, key, "r1", json));
        await Assert.ThrowsAsync<InvalidStorageKeyException>(() => Store.UpsertAsync(Table, Partition, key, json));
        await Assert.ThrowsAsync<InvalidStorageKeyException>(() => Store.GetAsync(Table, key, "r1"));
        await Assert.ThrowsAsync<InvalidStorageKeyException>(() => Store.ReplaceAsync(Table, new StoredEntity(Partition, key, json, "*")));
        await Assert.ThrowsAsync<InvalidStorageKeyException>(() => Store.DeleteAsync(Table, Partition, key, null));
        await Assert.ThrowsAsync<InvalidStorageKeyException>(() => Store.QueryAsync(Table, key, RowKeyRange.All, 10, null));
        await Assert.ThrowsAsync<InvalidStorageKeyException>(() => Store.SubmitBatchAsync(Table, Partition, [EntityOperation.Insert("fine", json), EntityOperation.Insert(key, json)]));
        Assert.Null(await Store.GetAsync(Table, Partition, "fine"));
    }

    [Theory]
    [InlineData("https://contoso.com/teams/支付风控?tab=1#top")]
    [InlineData("a\\b/c 100%")]
    [InlineData("😀 emoji / 表情")]
    public async Task Text_encoded_with_StorageKey_is_a_valid_key_and_decodes_to_the_original(string text)
    {
        var key = StorageKey.Encode(text);
        await Store.InsertAsync(Table, key, key, Json.Of(text));

        var found = await Store.GetAsync(Table, key, key);

        Assert.Equal(text, StorageKey.Decode(found!.RowKey));
        Assert.Equal(text, StorageKey.Decode(found.PartitionKey));
        Assert.Equal(Json.Of(text), found.Json);
    }

    [Fact]
    public async Task A_half_megabyte_json_document_with_chinese_text_round_trips_exactly()
    {
        var json = Json.Large(500_000);

        var inserted = await Store.InsertAsync(Table, Partition, "big", json);
        var replaced = await Store.ReplaceAsync(Table, inserted with { Json = json + " " });

        var found = await Store.GetAsync(Table, Partition, "big");
        Assert.Equal(json + " ", found!.Json);
        Assert.Equal(replaced.ETag, found.ETag);
        var page = await Store.QueryAsync(Table, Partition, RowKeyRange.All, 10, null);
        Assert.Equal(json + " ", Assert.Single(page.Items).Json);
    }

    [Fact]
    public async Task A_document_over_the_size_limit_is_refused_before_anything_is_written()
    {
        var json = Json.Large(EntityStoreGuard.MaxJsonLength + 1);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Store.InsertAsync(Table, Partition, "too-big", json));

        Assert.Contains(EntityStoreGuard.MaxJsonLength.ToString(CultureInfo.InvariantCulture), refused.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(Table, Partition, "too-big"));
    }

    [Fact]
    public async Task Malformed_requests_are_refused_with_argument_errors()
    {
        var json = Json.Of("x");
        var tooMany = Enumerable.Range(0, 101).Select(i => EntityOperation.Insert("r" + i.ToString(CultureInfo.InvariantCulture), json)).ToList();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.QueryAsync(Table, Partition, RowKeyRange.All, 1001, null));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.QueryAsync(Table, Partition, RowKeyRange.All, 0, null));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SubmitBatchAsync(Table, Partition, tooMany));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitBatchAsync(Table, Partition, [EntityOperation.Insert("same", json), EntityOperation.Upsert("same", json)]));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetAsync("bad-table-name", Partition, "r1"));
        Assert.Empty((await Store.QueryAsync(Table, Partition, RowKeyRange.All, 10, null)).Items);
    }

    [Fact]
    public async Task A_reachable_store_reports_healthy()
    {
        var healthy = await Store.IsHealthyAsync();

        Assert.True(healthy);
    }

    [Fact]
    public async Task Table_names_are_case_insensitive_as_on_azure_tables()
    {
        var inserted = await Store.InsertAsync(Table.ToLowerInvariant(), Partition, "r1", Json.Of("lower"));

        var found = await Store.GetAsync(Table.ToUpperInvariant(), Partition, "r1");
        var conflict = await Assert.ThrowsAsync<EntityConflictException>(() => Store.InsertAsync(Table, Partition, "r1", Json.Of("again")));
        var listed = await Store.ListAllAsync(Table, Partition, RowKeyRange.All);

        Assert.Equal(inserted.ETag, found?.ETag);
        Assert.Equal("r1", conflict.RowKey);
        Assert.Equal(["r1"], listed.Select(e => e.RowKey));
    }

    [Fact]
    public async Task The_paging_helper_reads_every_page_of_a_range_in_row_key_order()
    {
        var rows = Enumerable.Range(0, 23).Select(i => i.ToString("D3", CultureInfo.InvariantCulture)).ToList();
        foreach (var batch in rows.Chunk(10))
        {
            await Store.SubmitBatchAsync(Table, Partition, [.. batch.Select(r => EntityOperation.Insert(r, Json.Of(r)))]);
        }

        var read = await Store.ListAllAsync(Table, Partition, new RowKeyRange("002", "021"), pageSize: 4);

        Assert.Equal(rows[2..21], read.Select(e => e.RowKey));
    }

    private async Task<List<string>> ReadAllAsync(RowKeyRange range, int pageSize) =>
        [.. (await Store.ListAllAsync(Table, Partition, range, pageSize)).Select(e => e.RowKey)];

    private static class Json
    {
        public static string Of(string text) => System.Text.Json.JsonSerializer.Serialize(new { text });

        /// <summary>A JSON document of exactly <paramref name="length"/> characters mixing ASCII and Chinese.</summary>
        public static string Large(int length)
        {
            const string head = "{\"text\":\"";
            const string tail = "\"}";
            var body = new StringBuilder(length);
            const string sample = "合作共赢 partnership ";
            while (body.Length < length - head.Length - tail.Length)
            {
                body.Append(sample);
            }

            body.Length = length - head.Length - tail.Length;
            return head + body + tail;
        }
    }
}
