using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OutreachBot.Storage.UserProfiles;

namespace OutreachBot.Chat.Identity;

/// <summary>
/// Decides a turn's <see cref="ChatIdentity"/> from the channel, never from what the user typed. In Teams (authenticated)
/// the roster's e-mail is cached in the profile for <see cref="IdentityOptions.RosterRefresh"/> and matched to the
/// directory person, who is linked automatically; a link the channel contradicts (typed before, or the directory's
/// e-mail changed) is dropped or replaced. Card actions (invokes, 5 s) use the cached answer and never wait for the roster.
/// </summary>
public sealed class ChannelIdentityResolver(
    IChannelTrust trust,
    IChannelRoster roster,
    IEnumerable<IOrgDirectoryLookup> directories,
    UserProfileStore profiles,
    IOptions<IdentityOptions> options,
    TimeProvider clock,
    ILogger<ChannelIdentityResolver> logger)
{
    public async Task<(UserProfile Profile, ChatIdentity Identity)> ResolveAsync(ITurnContext turn, UserKey user, UserProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(profile);
        var channel = ChannelName(turn.Activity.ChannelId);
        if (!trust.VouchesForUser(turn))
        {
            return (profile, ChatIdentity.Unvouched(channel, profile));
        }

        var directory = directories.FirstOrDefault();
        if (RosterIsStale(profile) && turn.Activity.Type != ActivityTypes.Invoke
            && await roster.FindAsync(turn, cancellationToken) is { } member && IsTheSender(member, turn.Activity)
            && await AddressAsync(member, directory, cancellationToken) is { } address)
        {
            profile = await profiles.UpdateAsync(user, p => p with { ChannelEmail = address, ChannelCheckedAt = clock.GetUtcNow() }, cancellationToken);
        }

        if (profile.ChannelEmail is { } email && directory is not null)
        {
            profile = await LinkAsync(user, profile, email, directory, cancellationToken);
        }

        var verified = profile is { PersonVerified: true, PersonId: { } personId, ChannelEmail: { } channelEmail }
            && directory?.FindById(personId) is { } person
            && string.Equals(person.Email, channelEmail, StringComparison.OrdinalIgnoreCase);
        return (profile, new ChatIdentity(true, channel, profile.ChannelEmail, profile.PersonId, verified));
    }

    /// <summary>"Teams", "Web Chat", … for messages that say why an identity is not confirmed.</summary>
    public static string ChannelName(string? channelId) => channelId switch
    {
        Channels.Msteams => "Teams",
        Channels.Webchat or Channels.Directline => "Web Chat",
        Channels.Emulator => "Bot Framework Emulator",
        Channels.Slack => "Slack",
        null or "" => "this chat",
        _ => channelId,
    };

    private async Task<UserProfile> LinkAsync(UserKey user, UserProfile profile, string email, IOrgDirectoryLookup directory, CancellationToken cancellationToken)
    {
        var person = await directory.FindByEmailAsync(email, cancellationToken);
        if (person is not null && (profile.PersonId != person.PersonId || !profile.PersonVerified))
        {
            var claim = await profiles.ClaimPersonAsync(user, person.PersonId, verified: true, email, cancellationToken);
            if (!claim.Linked)
            {
                logger.LogWarning("{User} is {Person} according to Teams, but another verified user holds that person", user, person.PersonId);
            }

            return claim.Profile;
        }

        if (person is null && profile.PersonId is { } linked
            && (profile.PersonVerified || directory.FindById(linked) is { Email.Length: > 0 } typed && !string.Equals(typed.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            // Teams says the user is someone else than the person they are linked to (typed, or the directory changed).
            logger.LogInformation("Unlinking {User} from {Person}: the channel's e-mail does not match", user, linked);
            return await profiles.UnlinkPersonAsync(user, cancellationToken);
        }

        return profile;
    }

    private bool RosterIsStale(UserProfile profile) =>
        profile.ChannelEmail is null || profile.ChannelCheckedAt is not { } checkedAt || clock.GetUtcNow() - checkedAt >= options.Value.RosterRefresh;

    /// <summary>The roster's member must be the activity's sender (same AAD object id and tenant, where both are known).</summary>
    private static bool IsTheSender(RosterMember member, IActivity activity) =>
        (string.IsNullOrEmpty(member.AadObjectId) || string.Equals(member.AadObjectId, activity.From?.AadObjectId, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(member.TenantId) || string.IsNullOrEmpty(activity.Conversation?.TenantId)
            || string.Equals(member.TenantId, activity.Conversation.TenantId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The member's e-mail, or their UPN when only that one is in the directory; lower case.</summary>
    private static async Task<string?> AddressAsync(RosterMember member, IOrgDirectoryLookup? directory, CancellationToken cancellationToken)
    {
        var candidates = new[] { member.Email, member.UserPrincipalName }
            .Where(a => !string.IsNullOrWhiteSpace(a) && a.Contains('@', StringComparison.Ordinal))
            .Select(a => a!.Trim().ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (directory is not null)
        {
            foreach (var candidate in candidates)
            {
                if (await directory.FindByEmailAsync(candidate, cancellationToken) is not null)
                {
                    return candidate;
                }
            }
        }

        return candidates.FirstOrDefault();
    }
}
