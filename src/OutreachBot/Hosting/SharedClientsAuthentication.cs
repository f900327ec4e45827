using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace OutreachBot.Hosting;

/// <summary>
/// The bot's <see cref="BotFrameworkAuthentication"/>, except that CloudAdapter gets one connector client per bot,
/// service URL and audience for the life of the process instead of a new one per turn (as BotFrameworkAdapter used to
/// keep them). Building a client costs more CPU than the rest of a simple turn: its serializer settings and the
/// compiled regular expressions of its REST base class, which the finalizer then has to clean up. The clients and
/// their credentials are safe to share between turns; the ones CloudAdapter disposes at the end of a turn are thin
/// handles that leave the shared client open. At most <see cref="MaxSharedConnectors"/> are kept: past that (service
/// URLs are chosen by whoever may call the bot, which without authentication is anyone on the machine), a turn gets
/// its own client, as CloudAdapter would build it, disposed at the end of the turn.
/// </summary>
public sealed class SharedClientsAuthentication(BotFrameworkAuthentication inner, int maxSharedConnectors = SharedClientsAuthentication.MaxSharedConnectors)
    : BotFrameworkAuthentication, IDisposable
{
    /// <summary>Channel regions and bot identities in real use are a handful; this leaves ample room.</summary>
    public const int MaxSharedConnectors = 64;

    private readonly ConcurrentDictionary<string, Lazy<Task<IConnectorClient>>> connectors = new(StringComparer.Ordinal);
    private int sharedConnectors;
    private readonly ConcurrentDictionary<string, Lazy<Task<UserTokenClient>>> userTokenClients = new(StringComparer.Ordinal);

    // CloudAdapter takes the turn's connector factory from the authentication result, not from CreateConnectorFactory.
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        Share(await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Share(await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false));

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    // CloudAdapter asks for a user-token client on every turn; this bot signs nobody in, so it is built on first use only.
    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new UserTokenHandle(token => UserTokenClientAsync(claimsIdentity, token)));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new SharedConnectorFactory(this, inner.CreateConnectorFactory(claimsIdentity), Identity(claimsIdentity));

    public void Dispose()
    {
        foreach (var created in connectors.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully))
        {
            created.Value.Result.Dispose();
        }

        foreach (var created in userTokenClients.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully))
        {
            created.Value.Result.Dispose();
        }

        connectors.Clear();
        userTokenClients.Clear();
    }

    private AuthenticateRequestResult Share(AuthenticateRequestResult result)
    {
        if (result?.ConnectorFactory is { } factory && factory is not SharedConnectorFactory && result.ClaimsIdentity is { } claims)
        {
            result.ConnectorFactory = new SharedConnectorFactory(this, factory, Identity(claims));
        }

        return result!;
    }

    // Who the bot is and for whom it speaks: the claims that choose the inner factory's app id and credentials.
    private static string Identity(ClaimsIdentity claims) =>
        string.Join('\u001f', new[] { "aud", "appid", "azp", "ver" }.Select(type => claims.FindFirst(type)?.Value ?? ""));

    /// <summary>The shared client for this bot, service URL and audience; false when no more may be shared (build one for the turn).</summary>
    private bool TryShareConnector(ConnectorFactory factory, string identity, string serviceUrl, string audience, CancellationToken cancellationToken, out Task<IConnectorClient> shared)
    {
        var key = string.Join('\u001f', identity, serviceUrl, audience ?? "");
        if (!connectors.TryGetValue(key, out var lazy))
        {
            if (Interlocked.Increment(ref sharedConnectors) > maxSharedConnectors)
            {
                Interlocked.Decrement(ref sharedConnectors);
                shared = Task.FromResult<IConnectorClient>(null!);
                return false;
            }

            var created = new Lazy<Task<IConnectorClient>>(() => factory.CreateAsync(serviceUrl, audience, CancellationToken.None));
            lazy = connectors.GetOrAdd(key, created);
            if (lazy != created)
            {
                Interlocked.Decrement(ref sharedConnectors);
            }
        }

        shared = SharedAsync(connectors, key, lazy, cancellationToken, () => Interlocked.Decrement(ref sharedConnectors));
        return true;
    }

    // Keyed by bot identity only (the claims' audience and app ids), which authentication has checked: a small set.
    private Task<UserTokenClient> UserTokenClientAsync(ClaimsIdentity claims, CancellationToken cancellationToken) =>
        SharedAsync(
            userTokenClients,
            Identity(claims),
            userTokenClients.GetOrAdd(Identity(claims), _ => new Lazy<Task<UserTokenClient>>(() => inner.CreateUserTokenClientAsync(claims, CancellationToken.None))),
            cancellationToken);

    private static async Task<T> SharedAsync<T>(ConcurrentDictionary<string, Lazy<Task<T>>> clients, string key, Lazy<Task<T>> lazy, CancellationToken cancellationToken, Action? removed = null)
    {
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A client that could not be built (e.g. credentials unavailable) is not kept: the next turn tries again.
            if (clients.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(key, lazy)))
            {
                removed?.Invoke();
            }

            throw;
        }
    }

    private sealed class SharedConnectorFactory(SharedClientsAuthentication owner, ConnectorFactory inner, string identity) : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            owner.TryShareConnector(inner, identity, serviceUrl, audience, cancellationToken, out var shared)
                ? new ConnectorHandle(await shared.ConfigureAwait(false))
                : await inner.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A turn's view of the shared client: everything but <see cref="Dispose"/>, which leaves the client open.</summary>
    private sealed class ConnectorHandle(IConnectorClient shared) : IConnectorClient
    {
        public Uri BaseUri
        {
            get => shared.BaseUri;
            set => shared.BaseUri = value;
        }

        public JsonSerializerSettings SerializationSettings => shared.SerializationSettings;

        public JsonSerializerSettings DeserializationSettings => shared.DeserializationSettings;

        public ServiceClientCredentials Credentials => shared.Credentials;

        public IAttachments Attachments => shared.Attachments;

        public IConversations Conversations => shared.Conversations;

        public void Dispose()
        {
        }
    }

    /// <summary>A turn's user-token client: the shared one, built when first used; <see cref="Dispose"/> leaves it open.</summary>
    private sealed class UserTokenHandle(Func<CancellationToken, Task<UserTokenClient>> shared) : UserTokenClient
    {
        public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
            await (await shared(cancellationToken).ConfigureAwait(false)).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken).ConfigureAwait(false);

        public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
            await (await shared(cancellationToken).ConfigureAwait(false)).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken).ConfigureAwait(false);

        public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
            await (await shared(cancellationToken).ConfigureAwait(false)).SignOutUserAsync(userId, connectionName, channelId, cancellationToken).ConfigureAwait(false);

        public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
            await (await shared(cancellationToken).ConfigureAwait(false)).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken).ConfigureAwait(false);

        public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
            await (await shared(cancellationToken).ConfigureAwait(false)).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken).ConfigureAwait(false);

        public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            await (await shared(cancellationToken).ConfigureAwait(false)).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken).ConfigureAwait(false);

        protected override void Dispose(bool disposing)
        {
            // The shared client stays open for the next turn; the authentication owns it.
        }
    }
}
