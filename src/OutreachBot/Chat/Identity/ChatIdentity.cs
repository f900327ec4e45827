namespace OutreachBot.Chat.Identity;

/// <summary>Who the user of a turn is, as far as the bot can tell, and how sure it is.</summary>
/// <param name="ChannelVouches">The channel authenticated the request and names the user (Teams); false for Web Chat, the test channel, local mode.</param>
/// <param name="ChannelName">The channel as users call it ("Teams", "Web Chat", …), for telling them why their identity is unconfirmed.</param>
/// <param name="ChannelEmail">The user's e-mail according to the channel's roster; null when unknown.</param>
/// <param name="PersonId">The directory person the user is linked to, verified or typed.</param>
/// <param name="IsVerified">
/// The link is confirmed now: the channel vouches for the user, its e-mail is the person's e-mail in today's directory.
/// Views beyond the user's own (a lead's team pipeline, team-shared outreaches) need this.
/// </param>
public sealed record ChatIdentity(bool ChannelVouches, string ChannelName, string? ChannelEmail, string? PersonId, bool IsVerified)
{
    public static ChatIdentity Unvouched(string channelName, UserProfile profile) =>
        new(false, channelName, null, profile?.PersonId, false);
}
