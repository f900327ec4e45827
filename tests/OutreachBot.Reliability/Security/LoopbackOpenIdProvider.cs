using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace OutreachBot.Reliability.Security;

/// <summary>
/// The Bot Connector's OpenID metadata and signing keys, served over HTTPS by Kestrel on a free 127.0.0.1 port with a
/// certificate and keys this test run creates, so token validation runs offline against keys the tests hold. Bot
/// Builder (through IdentityModel) only fetches metadata over HTTPS, so the bot process trusts the certificate through
/// <see cref="CertificateFile"/> (SSL_CERT_FILE).
/// </summary>
public sealed class LoopbackOpenIdProvider : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string TeamsChannel = "msteams";

    private readonly SigningKey emulatorKey = SigningKey.Create("emulator-key");
    private readonly WebApplication app;
    private readonly string directory;

    private LoopbackOpenIdProvider(WebApplication app, string directory)
    {
        this.app = app;
        this.directory = directory;
    }

    /// <summary>https://127.0.0.1:port/ once started.</summary>
    public Uri BaseAddress => new(app.Urls.Single());

    /// <summary>The channel's signing key, endorsed for Teams.</summary>
    public SigningKey TeamsKey { get; } = SigningKey.Create("teams-key");

    /// <summary>A second published key, endorsed only for Web Chat.</summary>
    public SigningKey WebChatKey { get; } = SigningKey.Create("webchat-key");

    /// <summary>PEM of the HTTPS certificate: the only root the bot process needs to trust.</summary>
    public string CertificateFile => Path.Combine(directory, "loopback-root.pem");

    public string ChannelMetadataUrl => new Uri(BaseAddress, "/v1/.well-known/openidconfiguration").ToString();

    public string EmulatorMetadataUrl => new Uri(BaseAddress, "/emulator/.well-known/openid-configuration").ToString();

    /// <summary>Settings that point Bot Builder's ConfigurationBotFrameworkAuthentication at this provider.</summary>
    public IReadOnlyDictionary<string, string> BotSettings(string appId) => new Dictionary<string, string>
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = appId,
        ["MicrosoftAppPassword"] = "not-a-real-secret",
        ["ToBotFromChannelOpenIdMetadataUrl"] = ChannelMetadataUrl,
        ["ToBotFromChannelTokenIssuer"] = ChannelIssuer,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = EmulatorMetadataUrl,
        ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
        ["ToChannelFromBotOAuthScope"] = ChannelIssuer,
        ["OAuthUrl"] = ChannelIssuer,
        ["SSL_CERT_FILE"] = CertificateFile,
    };

    public static async Task<LoopbackOpenIdProvider> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("outreachbot-openid-").FullName;
        using var certificate = CreateLoopbackCertificate();
        await File.WriteAllTextAsync(Path.Combine(directory, "loopback-root.pem"), certificate.ExportCertificatePem());
        var serverCertificate = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(serverCertificate)));
        var app = builder.Build();
        var provider = new LoopbackOpenIdProvider(app, directory);
        provider.Map();
        await app.StartAsync();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        TeamsKey.Dispose();
        WebChatKey.Dispose();
        emulatorKey.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>A token as the Bot Connector signs it for a Teams activity to this bot: the starting point of every case.</summary>
    public BotFrameworkToken TokenFor(string appId, string serviceUrl) => new()
    {
        Key = TeamsKey,
        Issuer = ChannelIssuer,
        Audience = appId,
        ServiceUrl = serviceUrl,
        NotBefore = DateTimeOffset.UtcNow.AddMinutes(-5),
        Expires = DateTimeOffset.UtcNow.AddMinutes(55),
    };

    private void Map()
    {
        app.MapGet("/v1/.well-known/openidconfiguration", Metadata(ChannelIssuer, "/v1/.well-known/keys"));
        app.MapGet("/v1/.well-known/keys", () => KeySet(TeamsKey.Jwk(TeamsChannel), WebChatKey.Jwk("webchat")));
        app.MapGet("/emulator/.well-known/openid-configuration", Metadata("https://login.microsoftonline.com/botframework.com/v2.0", "/emulator/keys"));
        app.MapGet("/emulator/keys", () => KeySet(emulatorKey.Jwk()));
    }

    private static Func<HttpRequest, IResult> Metadata(string issuer, string keysPath) => request => Json(new JsonObject
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = "https://invalid.botframework.com",
        ["jwks_uri"] = $"{request.Scheme}://{request.Host}{keysPath}",
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    });

    private static IResult KeySet(params JsonObject[] keys) => Json(new JsonObject { ["keys"] = new JsonArray(keys) });

    private static IResult Json(JsonObject document) => Results.Text(document.ToJsonString(), "application/json");

    private static X509Certificate2 CreateLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=OutreachBot test OpenID provider", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}

/// <summary>An RSA signing key with its key id, as published in a JWKS.</summary>
public sealed class SigningKey(string id, RSA rsa) : IDisposable
{
    public string Id { get; } = id;

    public RSA Rsa { get; } = rsa;

    public static SigningKey Create(string id) => new(id, RSA.Create(2048));

    public JsonObject Jwk(params string[] endorsements)
    {
        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Id,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements.Length > 0)
        {
            jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray());
        }

        return jwk;
    }

    public void Dispose() => Rsa.Dispose();
}
