using System.Text;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Hosting;

/// <summary>The outcome of authenticating one request: the result to run the turn with, or why it was refused.</summary>
public sealed record RequestAuthentication(AuthenticateRequestResult? Result, string Refusal)
{
    public bool IsAuthenticated => Result is not null;

    public static RequestAuthentication Refused(string reason) => new(null, reason);
}

/// <summary>
/// Authenticates an activity's bearer token with Bot Builder's validation, and turns every way a token can fail into a
/// refusal: Bot Builder throws parser, key and lifetime exceptions of many types for hostile tokens, and every one of
/// them means 401, never a server error.
/// </summary>
public sealed class BotRequestAuthenticator(BotFrameworkAuthentication authentication, IOptions<BotIdentityOptions> identity)
{
    private const string Scheme = "Bearer ";

    /// <summary>Longer headers are no Bot Framework token (they are a few kilobytes at most).</summary>
    private const int MaxTokenLength = 16 * 1024;

    public async Task<RequestAuthentication> AuthenticateAsync(Activity activity, string? authorization, CancellationToken cancellationToken)
    {
        if (identity.Value.IsLocalMode)
        {
            // No token can be for a bot without an app id; validating one would only fetch Microsoft's keys for a stranger.
            authorization = null;
        }
        else if (CheckShape(authorization) is { } malformed)
        {
            return RequestAuthentication.Refused(malformed);
        }

        try
        {
            var result = await authentication.AuthenticateRequestAsync(activity, authorization, cancellationToken);
            return result?.ClaimsIdentity is { IsAuthenticated: true }
                ? new RequestAuthentication(result, "")
                : RequestAuthentication.Refused("no authenticated identity");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            return RequestAuthentication.Refused(Describe(exception));
        }
    }

    /// <summary>"Bearer" and a three-part JWT whose header names an algorithm Bot Framework signs with; null when it is one.</summary>
    private static string? CheckShape(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return "no Authorization header";
        }

        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || authorization.Length > MaxTokenLength)
        {
            return "not a bearer token";
        }

        var parts = authorization[Scheme.Length..].Split('.');
        if (parts.Length != 3 || parts.Any(string.IsNullOrEmpty))
        {
            return "not a JWT";
        }

        try
        {
            var header = JObject.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[0])));
            return header["alg"] is JValue { Type: JTokenType.String } alg && AuthenticationConstants.AllowedSigningAlgorithms.Contains(alg.Value<string>()!)
                ? null
                : "signing algorithm not allowed";
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or JsonException or DecoderFallbackException)
        {
            return "malformed JWT header";
        }
    }

    /// <summary>A fixed description per failure kind: exception messages can carry claim values the caller chose.</summary>
    private static string Describe(Exception exception) => exception switch
    {
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenNoExpirationException => "token without expiry",
        SecurityTokenSignatureKeyNotFoundException => "signing key not trusted",
        SecurityTokenInvalidSignatureException => "invalid signature",
        SecurityTokenInvalidIssuerException => "issuer not trusted",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenMalformedException or ArgumentException or FormatException or JsonException => "malformed token",
        SecurityTokenException => "token rejected",
        UnauthorizedAccessException { Message: "The token has expired" } => "token expired",
        UnauthorizedAccessException { Message: var message } when message.StartsWith("Could not validate endorsement", StringComparison.Ordinal)
            || message.StartsWith("Could not validate additional endorsement", StringComparison.Ordinal) => "signing key not endorsed for this channel",
        UnauthorizedAccessException { Message: var message } when message.Contains("serviceurl", StringComparison.OrdinalIgnoreCase) => "service URL does not match the token",
        UnauthorizedAccessException { Message: var message } when message.Contains("AppId", StringComparison.Ordinal)
            || message.Contains("aud claim", StringComparison.Ordinal) => "token is for another bot",
        UnauthorizedAccessException => "issuer or claims not trusted",
        InvalidOperationException { Message: var message } when message.StartsWith("IDX20803", StringComparison.Ordinal) => "signing keys unavailable",
        _ => "token validation failed (" + exception.GetType().Name + ")",
    };
}
