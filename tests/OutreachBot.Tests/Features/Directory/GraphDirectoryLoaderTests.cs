using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OutreachBot.Domain.Directory;
using OutreachBot.Features.Directory;
using OutreachBot.Features.Directory.Graph;
using OutreachBot.Tests.Features.Directory.Graph;

namespace OutreachBot.Tests.Features.Directory;

/// <summary>OrgDirectory:Source = Graph: start-up loads the directory from Graph (recorded JSON on 127.0.0.1) instead of the CSV folder.</summary>
public sealed class GraphDirectoryLoaderTests : IAsyncLifetime
{
    private RecordedGraph graph = null!;

    public async Task InitializeAsync() => graph = await RecordedGraph.StartAsync();

    public async Task DisposeAsync() => await graph.DisposeAsync();

    [Fact]
    public async Task With_Graph_as_the_source_start_up_loads_the_people_of_the_tenant_and_iam_finds_them()
    {
        using var host = new BotTestHost(services =>
        {
            services.Replace(ServiceDescriptor.Singleton(Options.Create(new OrgDirectoryOptions { Source = DirectorySourceKind.Graph, Path = "demo/company" })));
            services.Replace(ServiceDescriptor.Singleton(sp => new GraphDirectorySource(
                new HttpClient(), new GraphDirectoryOptions { BaseUrl = graph.BaseUrl }, sp.GetRequiredService<TimeProvider>())));
        });
        var loader = host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DirectoryLoader>().Single();

        await loader.LoadAsync(CancellationToken.None);
        var replies = await host.Chat().SayAsync("iam han.meimei@contoso.example");

        var directory = host.Services.GetRequiredService<LiveDirectory>().Current.Directory;
        Assert.Equal((3, 6), (directory.Departments.Count, directory.People.Count));
        Assert.Equal("Got it — you are 韩梅梅 (han.meimei@contoso.example) in the org directory. This chat (test) can't confirm who you are, so I use it only for your own drafts; your team's pipeline needs Teams.", Assert.Single(replies).Text);
    }
}
