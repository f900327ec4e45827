using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OutreachBot.Chat.Identity;

/// <summary>A conversation member as the channel's roster describes them.</summary>
public sealed record RosterMember(string? Email, string? UserPrincipalName, string? AadObjectId, string? TenantId);

/// <summary>Asks the channel who the user of a turn is.</summary>
public interface IChannelRoster
{
    /// <summary>The member, or null when the channel could not say (error, timeout, unknown member).</summary>
    Task<RosterMember?> FindAsync(ITurnContext turn, CancellationToken cancellationToken);
}

/// <summary>
/// Teams' roster through the Bot Connector (<c>TeamsInfo.GetMemberAsync</c>: GET /v3/conversations/{id}/members/{user}
/// on the activity's service URL), cut at <see cref="IdentityOptions.RosterTimeout"/> so a slow connector costs the
/// turn little. Failures are logged and answered with null: the user is then simply not verified this turn.
/// </summary>
public sealed class TeamsRoster(IOptions<IdentityOptions> options, TimeProvider clock, ILogger<TeamsRoster> logger) : IChannelRoster
{
    public async Task<RosterMember?> FindAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.From?.Id is not { Length: > 0 } userId)
        {
            return null;
        }

        using var timeout = new CancellationTokenSource(options.Value.RosterTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var member = await TeamsInfo.GetMemberAsync(turn, userId, linked.Token);
            return member is null ? null : new RosterMember(member.Email, member.UserPrincipalName, member.AadObjectId, member.TenantId);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The Teams roster did not answer within {Timeout} for a member of {Conversation}", options.Value.RosterTimeout, turn.Activity.Conversation?.Id);
            return null;
        }
        catch (Exception exception) when (exception is ErrorResponseException or Microsoft.Rest.HttpOperationException or HttpRequestException
            or InvalidOperationException or Newtonsoft.Json.JsonException or Microsoft.Rest.SerializationException or ArgumentException)
        {
            logger.LogWarning("The Teams roster could not say who a member of {Conversation} is: {Reason}", turn.Activity.Conversation?.Id, exception.GetType().Name + ": " + exception.Message);
            return null;
        }
    }
}
