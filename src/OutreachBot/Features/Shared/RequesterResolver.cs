using Microsoft.Bot.Builder.Teams;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Shared;

/// <summary>
/// Who is asking, decided in one place for every feature: the user (their channel identity, never what they typed)
/// and, in a Teams team, the team and the channel they are in, which outreaches may be shared with. So "status",
/// "market" and "brief" agree on what a user may see. Team and channel ids count only when the channel vouches for the
/// request (authenticated Teams): elsewhere anyone could name any team, and users see only their own data.
/// </summary>
public static class RequesterResolver
{
    public static Requester Resolve(ChatSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var scopes = new List<string>(2);
        if (!session.Identity.ChannelVouches)
        {
            return new Requester(session.User.Value, scopes);
        }

        if (session.Turn.Activity.TeamsGetTeamInfo()?.Id is { Length: > 0 } team)
        {
            scopes.Add(team);
        }

        if (session.Turn.Activity.TeamsGetChannelId() is { Length: > 0 } channel && !scopes.Contains(channel, StringComparer.Ordinal))
        {
            scopes.Add(channel);
        }

        return new Requester(session.User.Value, scopes);
    }
}
