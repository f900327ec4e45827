using Microsoft.Bot.Schema;
using OutreachBot.Storage.ConversationReferences;

namespace OutreachBot.Tests.Storage.ConversationReferences;

public sealed class ConversationReferenceStoreTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingEntityStore store = new(new InMemoryEntityStore());
    private readonly ConversationReferenceStore references;

    public ConversationReferenceStoreTests() => references = new ConversationReferenceStore(store, clock);

    [Fact]
    public async Task A_second_message_with_an_unchanged_reference_is_not_written_again()
    {
        await references.SaveAsync(Message("1"), CancellationToken.None);
        await references.SaveAsync(Message("2"), CancellationToken.None);

        Assert.Equal(1, Upserts());
    }

    [Fact]
    public async Task A_changed_service_url_is_written_at_once()
    {
        await references.SaveAsync(Message("1"), CancellationToken.None);
        var moved = Message("2");
        moved.ServiceUrl = "https://smba.trafficmanager.net/emea/";
        await references.SaveAsync(moved, CancellationToken.None);

        var stored = await references.FindForUserAsync(new UserKey("aad:user-1"), CancellationToken.None);
        Assert.Equal(2, Upserts());
        Assert.Equal("https://smba.trafficmanager.net/emea/", stored!.ServiceUrl);
    }

    [Fact]
    public async Task A_changed_tenant_is_written_at_once()
    {
        await references.SaveAsync(Message("1"), CancellationToken.None);
        var other = Message("2");
        other.Conversation.TenantId = "tenant-2";
        await references.SaveAsync(other, CancellationToken.None);

        var stored = await references.FindForUserAsync(new UserKey("aad:user-1"), CancellationToken.None);
        Assert.Equal("tenant-2", stored!.Conversation.TenantId);
    }

    [Fact]
    public async Task An_installation_update_is_always_written()
    {
        await references.SaveAsync(Message("1"), CancellationToken.None);
        var install = Message("2");
        install.Type = ActivityTypes.InstallationUpdate;
        await references.SaveAsync(install, CancellationToken.None);

        Assert.Equal(2, Upserts());
    }

    [Fact]
    public async Task An_unchanged_reference_is_refreshed_after_the_refresh_interval_so_last_seen_stays_current()
    {
        await references.SaveAsync(Message("1"), CancellationToken.None);
        clock.Advance(ConversationReferenceStore.RefreshInterval);
        await references.SaveAsync(Message("2"), CancellationToken.None);

        var all = await references.FindAllAsync(new UserKey("aad:user-1"), CancellationToken.None);
        Assert.Equal(2, Upserts());
        Assert.Equal(clock.GetUtcNow(), Assert.Single(all).LastSeen);
    }

    [Fact]
    public async Task A_new_instance_writes_the_reference_even_if_it_is_already_stored()
    {
        await references.SaveAsync(Message("1"), CancellationToken.None);
        await new ConversationReferenceStore(store, clock).SaveAsync(Message("2"), CancellationToken.None);

        Assert.Equal(2, Upserts());
    }

    private long Upserts() => store.Snapshot().GetValueOrDefault("upsert:" + ConversationReferenceStore.Table.ToLowerInvariant());

    private static Activity Message(string id) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/amer/",
        From = new ChannelAccount("29:user-1", "Li Lei", aadObjectId: "user-1"),
        Recipient = new ChannelAccount("28:bot", "OutreachBot"),
        Conversation = new ConversationAccount(id: "a:personal-1", conversationType: "personal", tenantId: "tenant-1"),
        Text = "help",
    };
}
