using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Domain.Directory;
using OutreachBot.Features.Directory;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Features.Directory;

/// <summary>The demo company (星海集团, demo/company) imported into a test host's in-memory store and live directory.</summary>
public static class DemoCompany
{
    /// <summary>Payments Platform (支付中台), headed by E00008.</summary>
    public const string Payments = "pay-core";

    /// <summary>An engineer in Risk Modeling (风控模型组).</summary>
    public const string RiskModelerEmail = "yuanjia.ren@xinghai.example.com";

    public const string RiskModelerId = "E00180";

    public static string Folder { get; } = DirectoryLoader.ResolveFolder("demo/company", AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("demo/company is not next to the test binaries or in a parent folder.");

    public static async Task<BotTestHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var host = new BotTestHost(configure);
        await ImportAsync(host);
        return host;
    }

    public static async Task<LiveDirectory> ImportAsync(BotTestHost host)
    {
        var directory = host.Services.GetRequiredService<LiveDirectory>();
        var result = await directory.ImportFolderAsync(Folder);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return directory;
    }
}
