using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OutreachBot.Development.WebChat;

public enum ConversationAccess
{
    Granted,
    NotFound,
    Forbidden,
}

/// <summary>
/// The open Web Chat conversations, in memory: capped, forgotten after <see cref="WebChatOptions.IdleTimeout"/>.
/// Ids and tokens are random (144 and 256 bits), so a conversation cannot be guessed or read without its token.
/// </summary>
public sealed class DirectLineConversations(IOptions<WebChatOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);
    private readonly Lock admission = new();

    public int Count => conversations.Count;

    public DirectLineConversation Create(string userId, string? locale)
    {
        var now = clock.GetUtcNow();
        var id = Random(18);
        var conversation = new DirectLineConversation(id, id + "." + Random(32), userId, locale, now);
        lock (admission)
        {
            RemoveExpired(now);
            while (conversations.Count >= options.Value.MaxConversations)
            {
                var oldest = conversations.Values.MinBy(c => c.LastSeen);
                if (oldest is null)
                {
                    break;
                }

                conversations.TryRemove(oldest.Id, out _);
            }

            conversations[id] = conversation;
        }

        return conversation;
    }

    /// <summary>The conversation, if it is still open (the bot's side: no token, no touch).</summary>
    public DirectLineConversation? Find(string id)
    {
        if (!conversations.TryGetValue(id, out var conversation))
        {
            return null;
        }

        if (IsExpired(conversation, clock.GetUtcNow()))
        {
            conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(id, conversation));
            return null;
        }

        return conversation;
    }

    /// <summary>The page's side: the bearer token must be the conversation's own; each granted call keeps it open.</summary>
    public ConversationAccess Authorize(string? id, string? bearerToken, out DirectLineConversation? conversation)
    {
        conversation = null;
        id ??= IdOf(bearerToken);
        if (id is null || Find(id) is not { } found)
        {
            return ConversationAccess.NotFound;
        }

        if (bearerToken is null || !FixedTimeEquals(bearerToken, found.Token))
        {
            return ConversationAccess.Forbidden;
        }

        found.Touch(clock.GetUtcNow());
        conversation = found;
        return ConversationAccess.Granted;
    }

    private static string? IdOf(string? token) => token?.Split('.', 2) is [var id, _] ? id : null;

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string Random(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    private bool IsExpired(DirectLineConversation conversation, DateTimeOffset now) => now - conversation.LastSeen >= options.Value.IdleTimeout;

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var conversation in conversations.Values.Where(c => IsExpired(c, now)).ToList())
        {
            conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation));
        }
    }
}
