using Azure.Core;
using OutreachBot.Features.Directory.Graph;

namespace OutreachBot.Tests.Features.Directory.Graph;

/// <summary>The Graph source against recorded Graph JSON served by Kestrel on 127.0.0.1 — real HTTP, no SDK mock.</summary>
public sealed class GraphDirectorySourceTests : IAsyncLifetime
{
    private const string Token = "recorded-test-token";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 6, 20, 0, TimeSpan.Zero));
    private RecordedGraph graph = null!;

    public async Task InitializeAsync() => graph = await RecordedGraph.StartAsync(Token);

    public async Task DisposeAsync() => await graph.DisposeAsync();

    private GraphDirectorySource Source(string token = Token)
    {
        var options = new GraphDirectoryOptions { BaseUrl = graph.BaseUrl, PageSize = 4 };
        var http = new HttpClient(new GraphTokenHandler(new FixedToken(token, clock), options.Scope, clock) { InnerHandler = new SocketsHttpHandler() });
        return new GraphDirectorySource(http, options, clock);
    }

    [Fact]
    public async Task Every_page_is_read_with_the_bearer_token_and_the_fields_the_finder_needs()
    {
        var result = await Source().LoadAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(2, graph.Requests.Count);
        Assert.All(graph.Requests, r => Assert.StartsWith("Bearer " + Token + " ?$select=id,displayName,mail,userPrincipalName,department,jobTitle,employeeHireDate", r));
        Assert.Contains("$expand=manager($select=id)", graph.Requests.First());
    }

    [Fact]
    public async Task Users_become_people_and_department_names_become_departments_under_one_root()
    {
        var directory = (await Source().LoadAsync()).Directory!;

        var risk = directory.Departments.Single(d => d.NameZh == "风控中心");
        Assert.Equal(3, directory.Departments.Count);
        Assert.Matches("^d-[0-9a-f]{10}$", risk.Id);
        Assert.Equal("company", risk.ParentId);
        Assert.Equal("1f0c2a5e-0001-4c3b-9a51-000000000001", directory.GetDepartment("company").HeadId);
        Assert.Equal("1f0c2a5e-0002-4c3b-9a51-000000000002", directory.GetDepartment("payments-platform").HeadId);
        Assert.Equal("1f0c2a5e-0004-4c3b-9a51-000000000004", directory.Departments.Single(d => d.NameZh == "风控中心").HeadId);
        Assert.Equal("Payments Platform", directory.GetDepartment("payments-platform").Name(Domain.Text.Language.Chinese));
    }

    [Fact]
    public async Task Disabled_accounts_are_left_out_and_managers_outside_the_tenant_are_dropped()
    {
        var directory = (await Source().LoadAsync()).Directory!;

        Assert.Equal(6, directory.People.Count);
        Assert.Null(directory.FindPerson("1f0c2a5e-0006-4c3b-9a51-000000000006"));
        Assert.Null(directory.GetPerson("1f0c2a5e-0007-4c3b-9a51-000000000007").ManagerId);
    }

    [Fact]
    public async Task Hire_date_falls_back_to_the_account_creation_date_and_mail_to_the_user_principal_name()
    {
        var chen = (await Source().LoadAsync()).Directory!.GetPerson("1f0c2a5e-0005-4c3b-9a51-000000000005");

        Assert.Equal(new DateOnly(2021, 1, 15), chen.HireDate);
        Assert.Equal("chen.jing@contoso.example", chen.Email);
        Assert.Equal(("", "Chen Jing"), (chen.NameZh, chen.NameEn));
    }

    [Fact]
    public async Task A_throttled_page_is_retried_after_the_Retry_After_delay()
    {
        graph.Throttles.Enqueue(0);

        var result = await Source().LoadAsync();

        Assert.True(result.Succeeded);
        Assert.Equal(3, graph.Requests.Count);
    }

    [Fact]
    public async Task A_rejected_token_is_an_error_not_an_empty_directory()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => Source("wrong").LoadAsync());
    }

    private sealed class FixedToken(string token, TimeProvider clock) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(token, clock.GetUtcNow().AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
