using Microsoft.Bot.Schema;
using OutreachBot.Domain.Storage;

namespace OutreachBot.Chat.Identity;

/// <summary>
/// Who a chat user is, across conversations: the Entra (AAD) object id when the channel gives one (Teams),
/// else channel + channel user id. <see cref="StorageKey"/>-safe via <see cref="PartitionKey"/>.
/// </summary>
public readonly record struct UserKey(string Value)
{
    public static UserKey From(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var aad = activity.From?.AadObjectId;
        return string.IsNullOrWhiteSpace(aad)
            ? new UserKey($"{activity.ChannelId}:{activity.From?.Id ?? "anonymous"}")
            : new UserKey($"aad:{aad}");
    }

    public string PartitionKey => StorageKey.Encode(Value);

    public override string ToString() => Value;
}
