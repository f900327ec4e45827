using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using OutreachBot.Hosting;

namespace OutreachBot.Chat.Identity;

/// <summary>Whether the channel of a turn vouches for who its user is.</summary>
public interface IChannelTrust
{
    bool VouchesForUser(ITurnContext turn);
}

/// <summary>
/// Teams, on a request the edge authenticated: the Bot Connector signed the token (audience = this bot's app id), so the
/// activity's AAD object id and tenant are Teams' word, and the roster can be asked for the user's e-mail. In local mode
/// (no app id) nothing is authenticated and nobody is vouched for, whatever the activity claims; nor are Web Chat, the
/// test channel or any channel without Entra identities.
/// </summary>
public sealed class AuthenticatedTeamsTrust(IOptions<BotIdentityOptions> identity) : IChannelTrust
{
    public bool VouchesForUser(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var appId = identity.Value.MicrosoftAppId;
        if (turn.Activity.ChannelId != Channels.Msteams || string.IsNullOrWhiteSpace(turn.Activity.From?.AadObjectId) || string.IsNullOrWhiteSpace(appId))
        {
            return false;
        }

        return turn.TurnState.Get<ClaimsIdentity>(BotAdapter.BotIdentityKey) is { } claims
            && claims.Claims.Any(c => c.Type == AuthenticationConstants.AudienceClaim && c.Value == appId);
    }
}
