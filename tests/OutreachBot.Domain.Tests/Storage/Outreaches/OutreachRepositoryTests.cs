using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.Storage;
using OutreachBot.Domain.Tests.Outreaches;

namespace OutreachBot.Domain.Tests.Storage.Outreaches;

public sealed class OutreachRepositoryTests
{
    private readonly InMemoryEntityStore store = new();
    private readonly OutreachRepository repository;

    public OutreachRepositoryTests() => repository = new OutreachRepository(store);

    [Fact]
    public async Task Saved_outreach_reads_back_with_every_part()
    {
        var outreach = new OutreachBuilder().WithId("outreach-0001")
            .WithPrep(new StageOnePrep("背景：客户愿意采购", "接口能力", "新增收入"))
            .SharedWith(new OutreachSharing("team-1", null, ["bob"]))
            .Targeting(OutreachBuilder.Payments, TargetStage.Interested).Build();
        outreach.RecordInsight("alice", OutreachBuilder.Start.AddHours(1), "D042", "交易量", "稳定性", null);

        await repository.CreateAsync(outreach);
        var loaded = await repository.GetAsync("outreach-0001");

        Assert.NotNull(loaded);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(outreach.ToSnapshot()),
            System.Text.Json.JsonSerializer.Serialize(loaded.ToSnapshot()));
        Assert.Equal(1, loaded.Version);
    }

    [Theory]
    [InlineData("outreach-9999")]
    [InlineData("../../etc")]
    [InlineData("a#b?c")]
    [InlineData("")]
    public async Task Unknown_or_malformed_ids_read_as_nothing(string id)
    {
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-0001").Build());

        Assert.Null(await repository.GetAsync(id));
        Assert.IsType<OutreachNotFound>((await repository.UpdateAsync<int>(id, _ => 1)).Error);
    }

    [Fact]
    public async Task Owned_outreaches_list_newest_first()
    {
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-old").CreatedAt(OutreachBuilder.Start).Build());
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-new").CreatedAt(OutreachBuilder.Start.AddDays(1)).Build());
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-bob").OwnedBy("bob").Build());

        var owned = await repository.ListOwnedAsync("alice");

        Assert.Equal(["outreach-new", "outreach-old"], owned.Select(o => o.Id));
    }

    [Fact]
    public async Task Department_index_follows_every_stage_change()
    {
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-0001").Targeting(OutreachBuilder.Payments, TargetStage.Contacted).Build());

        await repository.UpdateAsync("outreach-0001", o => Changed(o.RecordOutcome("alice", OutreachBuilder.Start.AddHours(2), "D042", ContactOutcome.Refused, RefusalReason.FocusedOnCore, "今年只做本业")));

        var entry = Assert.Single(await repository.ListByDepartmentAsync("d042"));
        Assert.Equal((TargetStage.Refused, RefusalReason.FocusedOnCore, "今年只做本业", "alice"), (entry.Stage, entry.RefusalReason, entry.OutcomeNote, entry.OwnerKey));
    }

    [Fact]
    public async Task Sharing_index_adds_and_removes_colleagues_and_teams()
    {
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-0001").SharedWith(new OutreachSharing("team-1", null, ["bob"])).Build());
        var carolInTeam = new Requester("carol", ["team-1"]);
        Assert.Single(await repository.ListSharedWithAsync(Requester.User("bob")));
        Assert.Single(await repository.ListSharedWithAsync(carolInTeam));

        await repository.UpdateAsync("outreach-0001", o => Changed(o.ShareWith("alice", OutreachBuilder.Start.AddHours(1), new OutreachSharing(null, null, ["dave"]))));

        Assert.Empty(await repository.ListSharedWithAsync(Requester.User("bob")));
        Assert.Empty(await repository.ListSharedWithAsync(carolInTeam));
        Assert.Single(await repository.ListSharedWithAsync(Requester.User("dave")));
    }

    [Fact]
    public async Task A_person_lists_what_they_own_and_what_is_shared_with_them_in_one_query()
    {
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-bob").OwnedBy("bob").Build());
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-0001").SharedWith(new OutreachSharing(null, null, ["bob"])).Build());
        var counting = new CountingEntityStore(store);
        var counted = new OutreachRepository(counting);
        await counted.ListVisibleAsync(Requester.User("bob"));
        counting.Reset();

        var visible = await counted.ListVisibleAsync(Requester.User("bob"));

        Assert.Equal(["outreach-bob", "outreach-0001"], visible.Select(s => s.Outreach.Id));
        Assert.Equal(1, counting.Snapshot().GetValueOrDefault("query"));
    }

    [Fact]
    public async Task An_outreach_shared_with_a_person_before_shares_moved_to_their_partition_is_still_listed_and_moves_there_once()
    {
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-0001").SharedWith(new OutreachSharing(null, null, ["bob"])).Build());
        await MoveShareBackToItsOldPartitionAsync("bob", "outreach-0001");

        var first = await repository.ListSharedWithAsync(Requester.User("bob"));
        var second = await repository.ListSharedWithAsync(Requester.User("bob"));

        Assert.Equal(["outreach-0001"], first.Select(o => o.Id));
        Assert.Equal(["outreach-0001"], second.Select(o => o.Id));
        Assert.Empty((await store.QueryAsync(OutreachRepository.Table, OldSharedPartition("bob"), RowKeyRange.All, 10, null)).Items);
    }

    [Fact]
    public async Task Unsharing_removes_an_entry_a_person_still_holds_in_the_old_partition()
    {
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-0001").SharedWith(new OutreachSharing(null, null, ["bob"])).Build());
        await MoveShareBackToItsOldPartitionAsync("bob", "outreach-0001");

        await repository.UpdateAsync("outreach-0001", o => Changed(o.ShareWith("alice", OutreachBuilder.Start.AddHours(1), new OutreachSharing(null, null, ["dave"]))));

        Assert.Empty(await repository.ListSharedWithAsync(Requester.User("bob")));
        Assert.Single(await repository.ListSharedWithAsync(Requester.User("dave")));
    }

    /// <summary>Where a person's "shared with me" entries were kept before they sat in the person's own partition.</summary>
    private static string OldSharedPartition(string userKey) => "shared:" + StorageKey.Encode("u:" + userKey);

    private async Task MoveShareBackToItsOldPartitionAsync(string userKey, string outreachId)
    {
        var personPartition = "owner:" + StorageKey.Encode(userKey);
        var entry = (await store.GetAsync(OutreachRepository.Table, personPartition, "s-" + outreachId))!;
        await store.InsertAsync(OutreachRepository.Table, OldSharedPartition(userKey), outreachId, entry.Json);
        await store.DeleteAsync(OutreachRepository.Table, personPartition, entry.RowKey, etag: null);
    }

    [Fact]
    public async Task Concurrent_outcome_recordings_on_one_outreach_all_land_on_the_timeline()
    {
        var builder = new OutreachBuilder().WithId("outreach-0001");
        var departments = Enumerable.Range(1, OutreachLimits.MaxTargets).Select(i => new DepartmentRef($"D{i:D3}", $"部门{i}", $"Dept {i}")).ToList();
        departments.ForEach(d => builder.Targeting(d, TargetStage.Contacted));
        await repository.CreateAsync(builder.Build());
        var outcomes = Enum.GetValues<ContactOutcome>();

        var results = await Task.WhenAll(departments.Select((d, i) => Task.Run(() => repository.UpdateAsync(
            "outreach-0001", o => Changed(o.RecordOutcome($"user{i}", OutreachBuilder.Start.AddHours(1), d.Id, outcomes[i % 3], null, null))))));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        var saved = (await repository.GetAsync("outreach-0001"))!;
        var timeline = await repository.ReadTimelineAsync(saved);
        Assert.Equal(departments.Select(d => d.Id).Order(), timeline.Where(e => e.Kind == TimelineEventKind.OutcomeRecorded).Select(e => e.DepartmentId!).Order());
        Assert.All(departments.Select((d, i) => (d, i)), x => Assert.Equal(StageMachine.ToStage(outcomes[x.i % 3]), saved.FindTarget(x.d.Id)!.Stage));
        Assert.Equal(timeline.Count, timeline.Select(e => e.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task Fifty_parallel_contacts_are_all_kept_even_while_the_timeline_is_archived()
    {
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-0001").Targeting(OutreachBuilder.Payments, TargetStage.Contacted).Build());

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => repository.UpdateAsync(
            "outreach-0001", o => Changed(o.RecordContact("alice", OutreachBuilder.Start.AddMinutes(i), OutreachBuilder.Contact("D042", OutreachBuilder.Start.AddMinutes(i), $"同事{i}")))))));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        var saved = (await repository.GetAsync("outreach-0001"))!;
        Assert.Equal(51, saved.Contacts.Count);
        var timeline = await repository.ReadTimelineAsync(saved);
        Assert.Equal(Enumerable.Range(1, timeline.Count).Select(i => (long)i), timeline.Select(e => e.Sequence));
        Assert.Equal(50, timeline.Count(e => e.Kind == TimelineEventKind.Contacted && e.Details.StartsWith("同事", StringComparison.Ordinal)));
        Assert.True(saved.ArchivedPages > 0);
    }

    [Fact]
    public async Task A_long_timeline_is_split_into_pages_that_each_fit_the_entity_budget()
    {
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-0001").Targeting(OutreachBuilder.Payments, TargetStage.Interested).Build());
        var longNote = new string('记', OutreachLimits.MaxNoteLength);

        for (var i = 0; i < 300; i++)
        {
            var at = OutreachBuilder.Start.AddMinutes(i);
            var result = await repository.UpdateAsync("outreach-0001", o => Changed(o.RecordInsight("alice", at, "D042", null, null, longNote)));
            Assert.True(result.IsSuccess);
        }

        var saved = (await repository.GetAsync("outreach-0001"))!;
        var timeline = await repository.ReadTimelineAsync(saved);
        Assert.True(timeline.Count > 300);
        var page = await store.QueryAsync(OutreachRepository.Table, "owner:alice", RowKeyRange.All, 1000, null);
        Assert.True(page.Items.Count > 2);
        Assert.All(page.Items, e => Assert.True(e.Json.Length <= repository.Options.MaxEntityChars, $"{e.RowKey} has {e.Json.Length} characters"));
    }

    [Fact]
    public async Task A_change_that_would_not_fit_in_storage_is_refused_and_nothing_changes()
    {
        var small = new OutreachRepository(store, new OutreachRepositoryOptions { MaxEntityChars = 2500 });
        await small.CreateAsync(new OutreachBuilder().WithId("outreach-0001").Build());
        var huge = new string('长', OutreachLimits.MaxPrepPointLength);

        var result = await small.UpdateAsync("outreach-0001", o => Changed(o.UpdatePrep("alice", OutreachBuilder.Start, new StageOnePrep(huge, huge, huge))));

        Assert.IsType<OutreachLimitReached>(result.Error);
        Assert.Equal(StageOnePrep.Empty, (await small.GetAsync("outreach-0001"))!.Prep);
    }

    [Fact]
    public async Task A_failed_change_writes_nothing()
    {
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-0001").Targeting(OutreachBuilder.Payments).Build());

        var result = await repository.UpdateAsync("outreach-0001", o => Changed(o.MarkAgreed("alice", OutreachBuilder.Start, "D042", "风控接口接入", "双方领导")));

        Assert.IsType<IllegalStageTransition>(result.Error);
        Assert.Equal(1, (await repository.GetAsync("outreach-0001"))!.Version);
    }

    private static OutreachResult<bool> Changed(OutreachError? error) => error is null ? true : OutreachResult<bool>.Failure(error);
}
