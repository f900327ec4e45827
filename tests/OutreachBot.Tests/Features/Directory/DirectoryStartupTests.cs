using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Domain.Directory;

namespace OutreachBot.Tests.Features.Directory;

public sealed class DirectoryStartupTests
{
    [Fact]
    public void The_org_directory_is_loaded_before_the_bot_serves_its_first_request()
    {
        using var app = new BotTestHost(BotTestOptions.AsDeployed with { Store = TestStore.InMemory() });

        using var client = app.CreateClient();

        var directory = app.Services.GetRequiredService<LiveDirectory>().Current.Directory;
        Assert.True(directory.Departments.Count > 100, $"only {directory.Departments.Count} departments right after start");
    }
}
