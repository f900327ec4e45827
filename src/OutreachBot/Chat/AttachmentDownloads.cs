using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OutreachBot.Chat;

/// <summary>Section "Attachments": where, besides the channel's own hosts, files may be downloaded from.</summary>
public sealed record AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>
    /// More places files come from: a host name ("files.contoso.com") or a wildcard ("*.contoso.com"), both meaning
    /// https on port 443 at a public address; or an origin ("https://files.contoso.com:8443", "http://10.1.2.3:8080").
    /// Only an origin whose host is an IP address may be a private or loopback address: naming it is the admin's choice.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxRedirects { get; init; } = 3;
}

/// <summary>Why a download was not even attempted.</summary>
public enum AttachmentRefusal
{
    NotHttp,
    HostNotVouched,
    PrivateAddress,
    TooManyRedirects,
}

/// <summary>
/// Who vouches for a file's address: the activity's own service URL (the channel), Teams' file hosts (SharePoint and
/// OneDrive, where Teams keeps the files users share) or the configured allow-list. <see cref="PrivateAddress"/> is the
/// one private or loopback address this source may use (null: public addresses only).
/// </summary>
public sealed record AttachmentSource(string Why, IPAddress? PrivateAddress, bool AnyPrivateAddress = false)
{
    public bool Allows(IPAddress address) =>
        AddressRanges.IsPublic(address) || AnyPrivateAddress || (PrivateAddress is not null && PrivateAddress.Equals(Normalize(address)));

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}

/// <summary>Decides whether a URL in an attachment is one the bot may fetch. Pure: no DNS, no I/O.</summary>
public sealed class AttachmentSourcePolicy(IOptions<AttachmentOptions> options)
{
    /// <summary>Where Teams stores shared files (commercial, 21Vianet, GCC High/DoD, Germany, dogfood) and OneDrive's hosts.</summary>
    private static readonly string[] TeamsFileDomains =
        ["sharepoint.com", "sharepoint.cn", "sharepoint-df.com", "sharepoint.us", "sharepoint-mil.us", "sharepoint.de", "onedrive.com", "onedrive.live.com", "1drv.com", "1drv.ms", "livefilestore.com"];

    private readonly IReadOnlyList<AllowedEntry> allowList = [.. options.Value.AllowedHosts.Select(AllowedEntry.Parse).OfType<AllowedEntry>()];

    public AttachmentSource? Vouch(Uri url, Uri? serviceUrl, out AttachmentRefusal refusal)
    {
        refusal = AttachmentRefusal.NotHttp;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.UserInfo.Length > 0)
        {
            return null;
        }

        refusal = AttachmentRefusal.HostNotVouched;
        var host = url.IdnHost.TrimEnd('.').ToLowerInvariant();

        if (serviceUrl is { IsAbsoluteUri: true } channel && SameOrigin(url, channel))
        {
            // A channel connector on this machine (local development) already receives every reply at that address.
            return new AttachmentSource("service URL", null, AnyPrivateAddress: IsLoopbackHost(channel.IdnHost));
        }

        if (url.Scheme == Uri.UriSchemeHttps && url.Port == 443 && TeamsFileDomains.Any(domain => host == domain || host.EndsWith("." + domain, StringComparison.Ordinal)))
        {
            return new AttachmentSource("Teams file host", null);
        }

        foreach (var entry in allowList)
        {
            if (entry.Matches(url, host))
            {
                return new AttachmentSource("allow-list", entry.Address);
            }
        }

        return null;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && a.Port == b.Port && string.Equals(a.IdnHost.TrimEnd('.'), b.IdnHost.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    private static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private sealed record AllowedEntry(string? Scheme, string Host, bool Wildcard, int Port, IPAddress? Address)
    {
        public static AllowedEntry? Parse(string entry)
        {
            var text = entry.Trim();
            if (text.Contains("://", StringComparison.Ordinal))
            {
                if (!Uri.TryCreate(text, UriKind.Absolute, out var origin) || (origin.Scheme != Uri.UriSchemeHttps && origin.Scheme != Uri.UriSchemeHttp))
                {
                    return null;
                }

                var host = origin.IdnHost.TrimEnd('.').ToLowerInvariant();
                return new AllowedEntry(origin.Scheme, host, false, origin.Port, IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? ip : null);
            }

            var wildcard = text.StartsWith("*.", StringComparison.Ordinal);
            var name = (wildcard ? text[2..] : text).TrimEnd('.').ToLowerInvariant();
            return name.Length == 0 || name.Contains('/') || name.Contains(':') ? null : new AllowedEntry(null, name, wildcard, 443, null);
        }

        public bool Matches(Uri url, string host)
        {
            if (Scheme is null ? url.Scheme != Uri.UriSchemeHttps : url.Scheme != Scheme)
            {
                return false;
            }

            return url.Port == Port && (Wildcard ? host.EndsWith("." + Host, StringComparison.Ordinal) : host == Host);
        }
    }
}

/// <summary>Public Internet addresses versus loopback, private, link-local (cloud metadata), shared, multicast and reserved ones.</summary>
public static class AddressRanges
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            var unspecified = address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any);
            // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address: judge that one.
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            {
                return IsPublic(new IPAddress(b.AsSpan(12, 4)));
            }

            if (b[0] == 0x20 && b[1] == 0x02)
            {
                return IsPublic(new IPAddress(b.AsSpan(2, 4)));
            }

            return !(unspecified || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8));
        }

        return false;
    }
}

/// <summary>Resolves host names for attachment downloads; a seam so tests can make a name point anywhere without DNS.</summary>
public interface IAttachmentHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

public sealed class DnsAttachmentHostResolver : IAttachmentHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? Task.FromResult(new[] { literal }) : Dns.GetHostAddressesAsync(host, cancellationToken);
}

/// <summary>A download the policy refused, before any connection to the refused address was made.</summary>
public sealed class AttachmentRefusedException(AttachmentRefusal refusal, string host)
    : Exception($"Attachment download refused ({refusal}) for host {host}")
{
    public AttachmentRefusal Refusal { get; } = refusal;
}

/// <summary>What a download gave: the response (caller disposes it), or the reason no request was sent.</summary>
public sealed record AttachmentResponse(HttpResponseMessage? Response, AttachmentRefusal? Refusal);

/// <summary>
/// Downloads a file a user attached, only from a source the policy vouches for. Every hop (redirects are followed by
/// hand, each checked like the first) is resolved, and the connection goes to a resolved address the source allows,
/// so a vouched name that resolves to a loopback or private address (or is re-pointed there) is refused too. No proxy:
/// the check must see the real destination.
/// </summary>
public sealed class AttachmentDownloader(IHttpClientFactory http, AttachmentSourcePolicy policy, IOptions<AttachmentOptions> options)
{
    public const string HttpClientName = "attachments";

    internal static readonly HttpRequestOptionsKey<AttachmentSource> SourceKey = new("OutreachBot.AttachmentSource");

    /// <summary>GET <paramref name="url"/>; throws <see cref="HttpRequestException"/> or a timeout for network trouble.</summary>
    public async Task<AttachmentResponse> GetAsync(Uri url, Uri? serviceUrl, CancellationToken cancellationToken)
    {
        var client = http.CreateClient(HttpClientName);
        var current = url;
        for (var hop = 0; hop <= options.Value.MaxRedirects; hop++)
        {
            if (policy.Vouch(current, serviceUrl, out var refusal) is not { } source)
            {
                return new AttachmentResponse(null, refusal);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Options.Set(SourceKey, source);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException exception) when (exception.InnerException is AttachmentRefusedException refused)
            {
                return new AttachmentResponse(null, refused.Refusal);
            }

            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                response.Dispose();
                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }

            return new AttachmentResponse(response, null);
        }

        return new AttachmentResponse(null, AttachmentRefusal.TooManyRedirects);
    }

    /// <summary>The handler: no redirects, no proxy, no cookies, and a connect step that checks every address first.</summary>
    internal static SocketsHttpHandler CreateHandler(IAttachmentHostResolver resolver) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            if (context.InitialRequestMessage.Options.TryGetValue(SourceKey, out var source) is false)
            {
                throw new AttachmentRefusedException(AttachmentRefusal.HostNotVouched, host);
            }

            var addresses = await resolver.ResolveAsync(host, cancellationToken);
            var allowed = addresses.Where(source.Allows).ToList();
            if (allowed.Count == 0)
            {
                throw new AttachmentRefusedException(AttachmentRefusal.PrivateAddress, host);
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync([.. allowed], context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

public static class AttachmentDownloadsExtensions
{
    /// <summary>The attachment downloader and its policy; safe to call from every feature that reads attachments.</summary>
    public static IServiceCollection AddAttachmentDownloads(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(AttachmentDownloader)))
        {
            return services;
        }

        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromSeconds(12), "Attachments:Timeout must be more than 0 and at most 12 seconds (Teams waits 15).")
            .Validate(o => o.MaxRedirects is >= 0 and <= 10, "Attachments:MaxRedirects must be between 0 and 10.")
            .ValidateOnStart();
        services.TryAddSingleton<IAttachmentHostResolver, DnsAttachmentHostResolver>();
        services.AddSingleton<AttachmentSourcePolicy>();
        services.AddSingleton<AttachmentDownloader>();
        services.AddHttpClient(AttachmentDownloader.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<AttachmentOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => AttachmentDownloader.CreateHandler(sp.GetRequiredService<IAttachmentHostResolver>()));
        return services;
    }
}
