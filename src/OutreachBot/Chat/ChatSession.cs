using System.Globalization;
using Microsoft.Bot.Builder;
using OutreachBot.Chat.Flows;
using OutreachBot.Storage.UserProfiles;

namespace OutreachBot.Chat;

/// <summary>
/// Everything a command handler or flow needs for one turn: who the user is, their language and time zone,
/// the conversation's state, and a buffered outbox that is rendered for the channel at the end of the turn.
/// </summary>
public sealed class ChatSession(
    ITurnContext turn,
    UserKey user,
    UserProfile profile,
    StoredProfile? storedProfile,
    ChatIdentity identity,
    ConversationData conversation,
    TimeProvider clock,
    UserProfileStore profiles,
    FlowEngine flows)
{
    private readonly List<OutgoingMessage> outbox = [];

    // The profile with the ETag this turn read or wrote it under, so a change is one write; null: read before writing.
    private StoredProfile? known = storedProfile;

    public ITurnContext Turn { get; } = turn;

    public UserKey User { get; } = user;

    public UserProfile Profile { get; private set; } = profile;

    /// <summary>Who the user is according to the channel (verified or not); decided once per turn by <see cref="ChannelIdentityResolver"/>.</summary>
    public ChatIdentity Identity { get; private set; } = identity;

    public ConversationData Conversation { get; } = conversation;

    public TimeProvider Clock { get; } = clock;

    /// <summary>The reader's language: the profile's override, else the activity's locale.</summary>
    public Language Language => Language.FromLocale(Profile.Language ?? Turn.Activity.Locale);

    /// <summary>The formatting culture of <see cref="Language"/>.</summary>
    public CultureInfo Culture => Language.Culture;

    public TimeZoneInfo TimeZone =>
        Profile.TimeZoneId is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), TimeZone);

    public IReadOnlyList<OutgoingMessage> Outbox => outbox;

    /// <summary>Product text in the reader's language and time zone (docs/copy.md).</summary>
    public Copy Copy => BotCopy.For(Language, TimeZone);

    public string Text<TTexts>(string key, params object?[] args)
        where TTexts : ITextSet => Texts<TTexts>.Get(Copy, key, args);

    /// <summary>A domain phrase in the reader's language.</summary>
    public string Say(Phrase phrase) => Copy.Render(phrase);

    public string FormatDateTime(DateTimeOffset instant) => CultureFormat.DateTime(instant, TimeZone, Culture);

    public void Reply(string text) => outbox.Add(new OutgoingMessage(text, null));

    public void Reply(AdaptiveCard card) => outbox.Add(new OutgoingMessage(null, card));

    public Task StartFlowAsync(string flowName, CancellationToken cancellationToken, params KeyValuePair<string, string>[] given) =>
        flows.StartAsync(flowName, this, cancellationToken, given);

    public async Task UpdateProfileAsync(Func<UserProfile, UserProfile> change, CancellationToken cancellationToken)
    {
        known = await profiles.UpdateAsync(User, known, change, cancellationToken);
        Profile = known.Profile;
    }

    /// <summary>After a change of the user's link (e.g. <c>iam</c>): the profile as stored and the identity it gives.</summary>
    public void Relinked(UserProfile updated, ChatIdentity identity)
    {
        Profile = updated;
        Identity = identity;
        known = null;
    }
}

public sealed record OutgoingMessage(string? Text, AdaptiveCard? Card);
