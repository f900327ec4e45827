using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using OutreachBot.Tests.Features.StageTwo;

namespace OutreachBot.Tests.Chat;

/// <summary>
/// Attachments are fetched only from where files really come from (issue 13, finding 6): the channel's own service URL,
/// Teams' file hosts and the allow-list; never another loopback or private address, whatever the attachment says. The
/// activities are Teams' (message-personal.json) and go through /api/messages on a real socket; a listener counts the
/// TCP connections the bot makes, so "refused" means no connection at all, not a failed one.
/// </summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class AttachmentDownloadTests : IAsyncLifetime
{
    private const string TeamsUser = "aad:6c1f3d2e-0000-4000-8000-000000000001";
    private const string Bids =
        "competitor,project,customer,amount,currency,award_date,region\n" +
        "恒信科技,支付风控平台,宁波某城商行,1200000,CNY,2026-03-01,华东\n";

    private readonly List<BotTestHost> hosts = [];
    private CountingHttpListener listener = null!;

    public async Task InitializeAsync() => listener = await CountingHttpListener.StartAsync(Encoding.UTF8.GetBytes(Bids));

    public async Task DisposeAsync()
    {
        await listener.DisposeAsync();
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }

    private async Task<BotTestHost> BotAsync(Action<IServiceCollection>? services = null, params (string Key, string? Value)[] settings)
    {
        var host = new BotTestHost(BotTestOptions.Quiet.With(settings) with { Kestrel = true, Services = services });
        hosts.Add(host);
        await new StageTwoWorld(host).OutreachAsync(userId: TeamsUser);
        return host;
    }

    private static JObject TeamsMessage(string text, JObject attachment)
    {
        var activity = TeamsPayloads.Load("message-personal.json").ExpectingReplies().WithText(text);
        activity["locale"] = "en-US";
        activity["attachments"] = new JArray(attachment, new JObject { ["contentType"] = "text/html", ["content"] = "<div><div>bids</div></div>" });
        return activity;
    }

    private static JObject ContentUrl(string url) => new() { ["contentType"] = "text/csv", ["contentUrl"] = url, ["name"] = "bids.csv" };

    private static JObject TeamsFile(string downloadUrl) => new()
    {
        ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
        ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/lilei_contoso_com/Documents/Microsoft Teams Chat Files/bids.csv",
        ["name"] = "bids.csv",
        ["content"] = new JObject { ["downloadUrl"] = downloadUrl, ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C8C", ["fileType"] = "csv" },
    };

    private static async Task<string> SendAsync(BotTestHost host, JObject activity)
    {
        using var client = host.CreateClient();
        var response = await client.PostAsync(host.MessagesEndpoint, new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join("\n", JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!.SelectTokens("$..text").Select(t => (string?)t));
    }

    [Theory]
    [InlineData("contentUrl", "http://127.0.0.1:{0}/bids.csv")]
    [InlineData("downloadUrl", "http://127.0.0.1:{0}/bids.csv")]
    [InlineData("downloadUrl", "http://localhost:{0}/bids.csv")]
    [InlineData("downloadUrl", "http://[::ffff:127.0.0.1]:{0}/bids.csv")]
    [InlineData("downloadUrl", "https://127.0.0.1:{0}/bids.csv")]
    public async Task An_attachment_pointing_at_a_loopback_port_nobody_vouches_for_is_refused_without_a_connection(string field, string template)
    {
        var host = await BotAsync();
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, listener.Port);
        var attachment = field == "contentUrl" ? ContentUrl(url) : TeamsFile(url);

        var text = await SendAsync(host, TeamsMessage("bids", attachment));

        Assert.Equal("I can only read files shared with me in this chat (from Teams, OneDrive or SharePoint). Please attach the file to your message again.", text);
        Assert.Equal(0, listener.Connections);
        Assert.Null((await new StageTwoWorld(host).MaterialAsync(await LatestOutreachAsync(host), TeamsUser)).Bids);
    }

    [Fact]
    public async Task The_same_loopback_origin_named_in_the_allow_list_is_fetched_and_imported()
    {
        var host = await BotAsync(settings: ("Attachments:AllowedHosts:0", $"http://127.0.0.1:{listener.Port}"));

        var text = await SendAsync(host, TeamsMessage("", TeamsFile($"http://127.0.0.1:{listener.Port}/bids.csv")));

        Assert.Contains("Imported 1 winning bids from bids.csv. Text encoding: UTF-8 without BOM.", text);
        Assert.Equal(1, listener.Connections);
    }

    [Fact]
    public async Task A_vouched_host_name_that_resolves_to_a_loopback_address_is_refused_before_connecting()
    {
        var resolver = new FixedResolver(IPAddress.Loopback);
        var host = await BotAsync(services => services.AddSingleton<IAttachmentHostResolver>(resolver), ("Attachments:AllowedHosts:0", $"http://files.partner.example:{listener.Port}"));

        var text = await SendAsync(host, TeamsMessage("bids", TeamsFile($"http://files.partner.example:{listener.Port}/bids.csv")));

        Assert.Contains("I can only read files shared with me in this chat", text);
        Assert.Equal(["files.partner.example"], resolver.Asked);
        Assert.Equal(0, listener.Connections);
    }

    [Fact]
    public async Task A_redirect_from_an_allowed_source_to_an_address_nobody_vouches_for_is_not_followed()
    {
        await using var redirector = await CountingHttpListener.StartAsync([], redirectTo: $"http://127.0.0.1:{listener.Port}/bids.csv");
        var host = await BotAsync(settings: ("Attachments:AllowedHosts:0", $"http://127.0.0.1:{redirector.Port}"));

        var text = await SendAsync(host, TeamsMessage("bids", TeamsFile($"http://127.0.0.1:{redirector.Port}/bids.csv")));

        Assert.Contains("I can only read files shared with me in this chat", text);
        Assert.Equal((1, 0), (redirector.Connections, listener.Connections));
    }

    [Fact]
    public async Task A_failed_download_says_so_without_status_codes_or_exception_names()
    {
        await using var missing = await CountingHttpListener.StartAsync([], status: 404);
        var closedPort = RepositoryPaths.FreeLoopbackPort();
        var host = await BotAsync(settings: [("Attachments:AllowedHosts:0", $"http://127.0.0.1:{missing.Port}"), ("Attachments:AllowedHosts:1", $"http://127.0.0.1:{closedPort}")]);

        var notFound = await SendAsync(host, TeamsMessage("bids", TeamsFile($"http://127.0.0.1:{missing.Port}/bids.csv")));
        var refused = await SendAsync(host, TeamsMessage("bids", TeamsFile($"http://127.0.0.1:{closedPort}/bids.csv")));

        Assert.Equal("I couldn't download the attachment. Please send it again in a minute.", notFound);
        Assert.Equal(notFound, refused);
        Assert.DoesNotContain("404", notFound);
        Assert.DoesNotContain("Exception", refused);
    }

    private static async Task<string> LatestOutreachAsync(BotTestHost host) =>
        (await host.Services.GetRequiredService<Domain.Outreaches.OutreachService>().StatusAsync(StageTwoWorld.Requester(TeamsUser), CancellationToken.None)).Single().OutreachId;

    private sealed class FixedResolver(IPAddress address) : IAttachmentHostResolver
    {
        public List<string> Asked { get; } = [];

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            lock (Asked)
            {
                Asked.Add(host);
            }

            return Task.FromResult(new[] { address });
        }
    }
}

public sealed class AttachmentSourcePolicyTests
{
    private static readonly Uri TeamsServiceUrl = new("https://smba.trafficmanager.net/apac/");

    private static AttachmentSourcePolicy Policy(params string[] allowed) => new(Options.Create(new AttachmentOptions { AllowedHosts = allowed }));

    [Theory]
    [InlineData("https://contoso-my.sharepoint.com/personal/li/_layouts/15/download.aspx?UniqueId=1", "Teams file host")]
    [InlineData("https://contoso.sharepoint.cn/sites/x/a.csv", "Teams file host")]
    [InlineData("https://microsoft.sharepoint-df.com/a.csv", "Teams file host")]
    [InlineData("https://onedrive.live.com/download?cid=1", "Teams file host")]
    [InlineData("https://smba.trafficmanager.net/apac/v3/attachments/1/views/original", "service URL")]
    [InlineData("https://files.contoso.com/bids.csv", "allow-list")]
    [InlineData("https://eu.files.partner.example/bids.csv", "allow-list")]
    public void Files_from_the_channel_Teams_file_hosts_and_the_allow_list_are_vouched_for(string url, string why)
    {
        var source = Policy("files.contoso.com", "*.files.partner.example").Vouch(new Uri(url), TeamsServiceUrl, out _);

        Assert.Equal(why, source?.Why);
        Assert.False(source!.Allows(IPAddress.Loopback));
    }

    [Theory]
    [InlineData("http://contoso.sharepoint.com/a.csv", AttachmentRefusal.HostNotVouched)]
    [InlineData("https://contoso.sharepoint.com:8443/a.csv", AttachmentRefusal.HostNotVouched)]
    [InlineData("https://sharepoint.com.evil.example/a.csv", AttachmentRefusal.HostNotVouched)]
    [InlineData("https://evilsharepoint.com/a.csv", AttachmentRefusal.HostNotVouched)]
    [InlineData("https://smba.trafficmanager.net:444/apac/x", AttachmentRefusal.HostNotVouched)]
    [InlineData("http://169.254.169.254/latest/meta-data/", AttachmentRefusal.HostNotVouched)]
    [InlineData("file:///etc/passwd", AttachmentRefusal.NotHttp)]
    [InlineData("https://user:secret@contoso.sharepoint.com/a.csv", AttachmentRefusal.NotHttp)]
    [InlineData("https://files.partner.example/bids.csv", AttachmentRefusal.HostNotVouched)]
    public void Anything_else_is_refused_with_the_reason(string url, AttachmentRefusal expected)
    {
        var source = Policy("*.files.partner.example").Vouch(new Uri(url), TeamsServiceUrl, out var refusal);

        Assert.Null(source);
        Assert.Equal(expected, refusal);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("2002:a00:1::", false)]
    [InlineData("20.190.128.1", true)]
    [InlineData("2603:1046::1", true)]
    public void Only_public_addresses_count_as_public(string address, bool expected)
    {
        Assert.Equal(expected, AddressRanges.IsPublic(IPAddress.Parse(address)));
    }

    [Fact]
    public void An_allow_listed_IP_origin_permits_exactly_that_private_address()
    {
        var source = Policy("http://10.1.2.3:8080").Vouch(new Uri("http://10.1.2.3:8080/bids.csv"), TeamsServiceUrl, out _);

        Assert.True(source!.Allows(IPAddress.Parse("10.1.2.3")));
        Assert.False(source.Allows(IPAddress.Parse("10.1.2.4")));
        Assert.False(source.Allows(IPAddress.Loopback));
    }
}

/// <summary>
/// A loopback HTTP responder that counts accepted TCP connections: one fixed answer (200 with the body, a redirect, or
/// a status) per connection. Counting at accept proves that a refused download never reached the socket.
/// </summary>
internal sealed class CountingHttpListener : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly byte[] response;
    private Task loop = Task.CompletedTask;
    private int connections;

    private CountingHttpListener(byte[] response) => this.response = response;

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref connections);

    public static Task<CountingHttpListener> StartAsync(byte[] body, string? redirectTo = null, int status = 200)
    {
        var head = redirectTo is not null
            ? $"HTTP/1.1 302 Found\r\nLocation: {redirectTo}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            : $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Error")}\r\nContent-Type: text/csv\r\nContent-Length: {(status == 200 ? body.Length : 0)}\r\nConnection: close\r\n\r\n";
        var server = new CountingHttpListener([.. Encoding.ASCII.GetBytes(head), .. status == 200 && redirectTo is null ? body : []]);
        server.listener.Start();
        server.loop = server.AcceptAsync();
        return Task.FromResult(server);
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Interlocked.Increment(ref connections);
            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[8192];
                var received = new StringBuilder();
                while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                await stream.WriteAsync(response, stop.Token);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
            {
                // A client that hung up; nothing to answer.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }
}
