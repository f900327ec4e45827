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
/// handles that leave the shared client open.
/// </summary>
public sealed class SharedClientsAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IConnectorClient>>> connectors = new(StringComparer.Ordinal);

    public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new SharedConnectorFactory(this, inner.CreateConnectorFactory(claimsIdentity), Identity(claimsIdentity));

    public void Dispose()
    {
        foreach (var created in connectors.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully))
        {
            created.Value.Result.Dispose();
        }

        connectors.Clear();
    }

    // Who the bot is and for whom it speaks: the claims that choose the inner factory's app id and credentials.
    private static string Identity(ClaimsIdentity claims) =>
        string.Join('\u001f', new[] { "aud", "appid", "azp", "ver" }.Select(type => claims.FindFirst(type)?.Value ?? ""));

    private async Task<IConnectorClient> ConnectorAsync(ConnectorFactory factory, string identity, string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var key = string.Join('\u001f', identity, serviceUrl, audience ?? "");
        var lazy = connectors.GetOrAdd(key, _ => new Lazy<Task<IConnectorClient>>(() => factory.CreateAsync(serviceUrl, audience, CancellationToken.None)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A client that could not be built (e.g. credentials unavailable) is not kept: the next turn tries again.
            connectors.TryRemove(new KeyValuePair<string, Lazy<Task<IConnectorClient>>>(key, lazy));
            throw;
        }
    }

    private sealed class SharedConnectorFactory(SharedClientsAuthentication owner, ConnectorFactory inner, string identity) : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            new ConnectorHandle(await owner.ConnectorAsync(inner, identity, serviceUrl, audience, cancellationToken).ConfigureAwait(false));
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
}
