using Microsoft.Extensions.Options;
using OutreachBot.Development.WebChat;

namespace OutreachBot.Tests.Channels;

public sealed class DirectLineConversationsTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 6, 20, 0, TimeSpan.Zero));

    private DirectLineConversations Conversations(int max = 10) =>
        new(Options.Create(new WebChatOptions { MaxConversations = max, IdleTimeout = TimeSpan.FromMinutes(30), MaxActivitiesPerConversation = 10 }), clock);

    private static JObject Message(string text) => new() { ["type"] = "message", ["text"] = text };

    [Fact]
    public void A_conversation_left_idle_past_the_timeout_is_gone()
    {
        var conversations = Conversations();
        var conversation = conversations.Create("dl_a", "en-US");

        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(ConversationAccess.NotFound, conversations.Authorize(conversation.Id, conversation.Token, out _));
        Assert.Null(conversations.Find(conversation.Id));
    }

    [Fact]
    public void Polling_keeps_a_conversation_open()
    {
        var conversations = Conversations();
        var conversation = conversations.Create("dl_a", "en-US");

        for (var i = 0; i < 4; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(ConversationAccess.Granted, conversations.Authorize(conversation.Id, conversation.Token, out _));
        }

        Assert.NotNull(conversations.Find(conversation.Id));
    }

    [Fact]
    public void At_the_cap_a_new_conversation_replaces_the_least_recently_active_one()
    {
        var conversations = Conversations(max: 3);
        var first = conversations.Create("dl_1", null);
        clock.Advance(TimeSpan.FromSeconds(1));
        var second = conversations.Create("dl_2", null);
        clock.Advance(TimeSpan.FromSeconds(1));
        var third = conversations.Create("dl_3", null);
        clock.Advance(TimeSpan.FromSeconds(1));
        conversations.Authorize(first.Id, first.Token, out _);

        var fourth = conversations.Create("dl_4", null);

        Assert.Equal(3, conversations.Count);
        Assert.Null(conversations.Find(second.Id));
        Assert.NotNull(conversations.Find(first.Id));
        Assert.NotNull(conversations.Find(third.Id));
        Assert.NotNull(conversations.Find(fourth.Id));
    }

    [Fact]
    public void Ids_and_tokens_are_long_random_and_a_token_opens_only_its_own_conversation()
    {
        var conversations = Conversations(max: 1000);

        var created = Enumerable.Range(0, 500).Select(i => conversations.Create($"dl_{i}", null)).ToList();

        Assert.Equal(500, created.Select(c => c.Id).Distinct().Count());
        Assert.All(created, c => Assert.True(c.Id.Length >= 24 && c.Token.Length >= c.Id.Length + 40, c.Token));
        Assert.Equal(ConversationAccess.Forbidden, conversations.Authorize(created[0].Id, created[1].Token, out _));
        Assert.Equal(ConversationAccess.Forbidden, conversations.Authorize(created[0].Id, created[0].Id + ".guess", out _));
        Assert.Equal(ConversationAccess.Granted, conversations.Authorize(null, created[2].Token, out var byToken));
        Assert.Same(created[2], byToken);
    }

    [Fact]
    public void A_watermark_returns_only_what_is_new_and_old_activities_beyond_the_limit_are_dropped()
    {
        var conversation = Conversations().Create("dl_a", null);
        for (var i = 1; i <= 15; i++)
        {
            conversation.Append(Message($"m{i}"), clock.GetUtcNow(), keep: 10);
        }

        var (all, watermark) = conversation.After(0, 100);
        var (afterTwelve, _) = conversation.After(12, 100);
        var (nothing, same) = conversation.After(watermark, 100);

        Assert.Equal(Enumerable.Range(6, 10).Select(i => $"m{i}"), all.Select(a => (string)a["text"]!));
        Assert.Equal(15, watermark);
        Assert.Equal(["m13", "m14", "m15"], afterTwelve.Select(a => (string)a["text"]!));
        Assert.Empty(nothing);
        Assert.Equal(15, same);
        Assert.EndsWith("|0000015", (string?)all[^1]["id"]);
    }
}
