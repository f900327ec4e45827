using OutreachBot.Features.Directory;

namespace OutreachBot.Tests.Features.Directory;

/// <summary>The demo company (星海集团, demo/company), loaded by a test host at start-up as the deployed bot loads it.</summary>
public static class DemoCompany
{
    /// <summary>Payments Platform (支付中台), headed by E00008.</summary>
    public const string Payments = "pay-core";

    /// <summary>An engineer in Risk Modeling (风控模型组).</summary>
    public const string RiskModelerEmail = "yuanjia.ren@xinghai.example.com";

    public const string RiskModelerId = "E00180";

    public static string Folder { get; } = DirectoryLoader.ResolveFolder("demo/company", AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("demo/company is not next to the test binaries or in a parent folder.");

    public static Task<BotTestHost> StartAsync(Action<IServiceCollection>? configure = null) =>
        Task.FromResult(new BotTestHost(BotTestOptions.Quiet with { Directory = TestDirectory.DemoCompany, Services = configure }));
}
