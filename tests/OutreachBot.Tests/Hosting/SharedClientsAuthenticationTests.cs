using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using OutreachBot.Hosting;

namespace OutreachBot.Tests.Hosting;

public sealed class SharedClientsAuthenticationTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    [Fact]
    public async Task Turns_of_one_bot_on_one_service_url_share_one_connector_client_that_a_turn_cannot_dispose()
    {
        var inner = new CountingAuthentication();
        using var shared = new SharedClientsAuthentication(inner);

        var first = await ConnectorOfATurnAsync(shared, ServiceUrl);
        first.Dispose();
        var second = await ConnectorOfATurnAsync(shared, ServiceUrl);
        var elsewhere = await ConnectorOfATurnAsync(shared, "https://smba.trafficmanager.net/emea/");

        Assert.Equal(2, inner.ConnectorsBuilt);
        Assert.Same(first.Conversations, second.Conversations);
        Assert.NotSame(second.Conversations, elsewhere.Conversations);
        Assert.Equal(new Uri(ServiceUrl), second.BaseUri);
    }

    [Fact]
    public async Task Past_the_most_shared_clients_a_new_service_url_gets_a_client_of_its_own_that_the_turn_disposes()
    {
        var inner = new CountingAuthentication();
        using var shared = new SharedClientsAuthentication(inner, maxSharedConnectors: 2);
        await ConnectorOfATurnAsync(shared, "https://one.example/");
        await ConnectorOfATurnAsync(shared, "https://two.example/");

        var third = await ConnectorOfATurnAsync(shared, "https://three.example/");
        var thirdAgain = await ConnectorOfATurnAsync(shared, "https://three.example/");
        var firstAgain = await ConnectorOfATurnAsync(shared, "https://one.example/");
        var firstOnceMore = await ConnectorOfATurnAsync(shared, "https://one.example/");

        Assert.Equal(4, inner.ConnectorsBuilt);
        Assert.IsType<ConnectorClient>(third);
        Assert.NotSame(third.Conversations, thirdAgain.Conversations);
        Assert.Same(firstAgain.Conversations, firstOnceMore.Conversations);
    }

    [Fact]
    public async Task A_turn_that_signs_nobody_in_builds_no_user_token_client_and_the_first_use_builds_one_for_every_turn()
    {
        var inner = new CountingAuthentication();
        using var shared = new SharedClientsAuthentication(inner);
        var identity = (await shared.AuthenticateRequestAsync(new Activity(), "", CancellationToken.None)).ClaimsIdentity;

        using (await shared.CreateUserTokenClientAsync(identity, CancellationToken.None))
        {
        }

        var builtBeforeUse = inner.UserTokenClientsBuilt;
        using var turn = await shared.CreateUserTokenClientAsync(identity, CancellationToken.None);
        await turn.SignOutUserAsync("user", "connection", "msteams", CancellationToken.None);
        using var nextTurn = await shared.CreateUserTokenClientAsync(identity, CancellationToken.None);
        await nextTurn.SignOutUserAsync("user", "connection", "msteams", CancellationToken.None);

        Assert.Equal(0, builtBeforeUse);
        Assert.Equal(1, inner.UserTokenClientsBuilt);
        Assert.Equal(2, inner.SignOuts);
    }

    private static async Task<IConnectorClient> ConnectorOfATurnAsync(BotFrameworkAuthentication authentication, string serviceUrl)
    {
        var result = await authentication.AuthenticateRequestAsync(new Activity { ServiceUrl = serviceUrl }, "", CancellationToken.None);
        return await result.ConnectorFactory.CreateAsync(serviceUrl, result.Audience, CancellationToken.None);
    }

    /// <summary>Bot Framework authentication that counts the clients it builds, as ConfigurationBotFrameworkAuthentication would build them.</summary>
    private sealed class CountingAuthentication : BotFrameworkAuthentication
    {
        private int connectorsBuilt;
        private int userTokenClientsBuilt;
        private int signOuts;

        public int ConnectorsBuilt => connectorsBuilt;

        public int UserTokenClientsBuilt => userTokenClientsBuilt;

        public int SignOuts => signOuts;

        public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
            Task.FromResult(new AuthenticateRequestResult
            {
                ClaimsIdentity = new ClaimsIdentity([new Claim("aud", "bot-app-id"), new Claim("appid", "channel")], "Bearer"),
                Audience = "https://api.botframework.com",
                ConnectorFactory = new CountingConnectorFactory(this),
            });

        public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) => new CountingConnectorFactory(this);

        public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref userTokenClientsBuilt);
            return Task.FromResult<UserTokenClient>(new SignOutCounter(this));
        }

        public override BotFrameworkClient CreateBotFrameworkClient() => throw new NotSupportedException();

        private sealed class CountingConnectorFactory(CountingAuthentication owner) : ConnectorFactory
        {
            public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref owner.connectorsBuilt);
                return Task.FromResult<IConnectorClient>(new ConnectorClient(new Uri(serviceUrl), MicrosoftAppCredentials.Empty));
            }
        }

        private sealed class SignOutCounter(CountingAuthentication owner) : UserTokenClient
        {
            public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref owner.signOuts);
                return Task.CompletedTask;
            }

            public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
                throw new NotSupportedException();

            public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
                throw new NotSupportedException();

            public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
                throw new NotSupportedException();

            public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
                throw new NotSupportedException();

            public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
                throw new NotSupportedException();
        }
    }
}
