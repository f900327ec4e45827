using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.StageTwo;
using OutreachBot.Domain.Storage.StageTwo;
using OutreachBot.Features.Files;
using OutreachBot.Storage.Downloads;

namespace OutreachBot.Tests.Features.StageTwo;

/// <summary>Outreaches created through the real OutreachService in the test host's store, and what stage 2 saved.</summary>
internal sealed class StageTwoWorld(BotTestHost host)
{
    public static readonly DepartmentRef Risk = new("risk", "风控中心", "Risk Management Center");

    public OutreachService Outreaches => host.Services.GetRequiredService<OutreachService>();

    public StageTwoRepository Repository => host.Services.GetRequiredService<StageTwoRepository>();

    /// <summary>The requester for a test chat user ("user-1" on the test channel) or a full user key ("slack:u").</summary>
    public static Requester Requester(string userId = "user-1") => Domain.Outreaches.Requester.User(userId.Contains(':', StringComparison.Ordinal) ? userId : $"test:{userId}");

    public async Task<string> OutreachAsync(string idea = "支付风控 SaaS", string userId = "user-1")
    {
        var created = await Outreaches.CreateAsync(Requester(userId), new NewOutreach(idea, "实时反欺诈模型", "Asia/Shanghai"));
        return created.GetValueOrThrow().Outreach.Id;
    }

    /// <summary>An outreach with the three points, an interested partner, its KPIs and concerns, and a booked meeting.</summary>
    public async Task<string> InterestedPartnerAsync(string userId = "user-1")
    {
        var requester = Requester(userId);
        var id = await OutreachAsync(userId: userId);
        (await Outreaches.UpdatePrepAsync(requester, id, new StageOnePrep("城商行缺少实时反欺诈能力，三家已表示愿意采购", "调用风控中心的实时反欺诈模型接口", "每年新增对外收入，并把能力拓展到外部客户"))).GetValueOrThrow();
        (await Outreaches.AddTargetAsync(requester, id, Risk, LeadRoute.KeywordSearch)).GetValueOrThrow();
        (await Outreaches.RecordContactAsync(requester, id, new NewContact(Risk.Id, "E00075", "风控中心负责人", LeadRoute.KeywordSearch, "你好"))).GetValueOrThrow();
        (await Outreaches.RecordOutcomeAsync(requester, id, Risk.Id, ContactOutcome.Interested)).GetValueOrThrow();
        (await Outreaches.RecordInsightAsync(requester, id, Risk.Id, "对外收入；客户数", "人力紧张；系统稳定性")).GetValueOrThrow();
        (await Outreaches.ScheduleMeetingAsync(requester, id, new NewMeeting(Risk.Id, BotTestHost.Now.AddDays(3).AddHours(1)))).GetValueOrThrow();
        return id;
    }

    public async Task LinkUserAsync(string personId, string email, string userId = "user-1") =>
        await host.Services.GetRequiredService<UserProfileStore>().UpdateAsync(new UserKey($"test:{userId}"), p => p with { PersonId = personId, Email = email, TimeZoneId = "Asia/Shanghai", TimeZoneChosen = true }, CancellationToken.None);

    public async Task<StageTwoMaterial> MaterialAsync(string outreachId, string userId = "user-1") =>
        (await Repository.GetAsync(Requester(userId), outreachId)).Value!;

    /// <summary>The file behind a download link the bot handed out, read back from the store.</summary>
    public async Task<string> DownloadTextAsync(string url)
    {
        var uri = new Uri(url);
        var file = await host.Services.GetRequiredService<DownloadStore>().FindAsync(uri.Segments[^2].TrimEnd('/'), Uri.UnescapeDataString(uri.Segments[^1]), CancellationToken.None);
        return Encoding.UTF8.GetString(file!.Content);
    }

    public async Task<byte[]> DownloadAsync(string url)
    {
        var uri = new Uri(url);
        var file = await host.Services.GetRequiredService<DownloadStore>().FindAsync(uri.Segments[^2].TrimEnd('/'), Uri.UnescapeDataString(uri.Segments[^1]), CancellationToken.None);
        return file!.Content;
    }
}

/// <summary>
/// A loopback server serving files, standing in for a channel's attachment storage. The bot fetches attachments only
/// from sources it trusts, so a test reserves the port first and names it in the bot's allow-list (<see cref="AllowList"/>).
/// </summary>
internal sealed class LocalFileServer : IAsyncDisposable
{
    private WebApplication app = null!;

    private LocalFileServer()
    {
    }

    public Uri Address { get; private set; } = null!;

    public int Requests { get; private set; }

    /// <summary>The setting that lets the bot download from http://127.0.0.1:<paramref name="port"/>.</summary>
    public static (string Key, string? Value) AllowList(int port) => ("Attachments:AllowedHosts:0", $"http://127.0.0.1:{port}");

    public static async Task<LocalFileServer> StartAsync(IReadOnlyDictionary<string, byte[]> files, int port)
    {
        var server = new LocalFileServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, port));
        server.app = builder.Build();
        server.app.MapGet("/attachments/{name}", (string name) =>
        {
            server.Requests++;
            return files.TryGetValue(name, out var content) ? Results.Bytes(content, "text/csv") : Results.NotFound();
        });
        await server.app.StartAsync();
        server.Address = new Uri($"http://127.0.0.1:{port}/");
        return server;
    }

    public Uri Url(string name) => new(Address, "attachments/" + name);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
