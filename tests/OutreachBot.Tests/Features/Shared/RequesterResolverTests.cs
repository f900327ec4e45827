using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newtonsoft.Json;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Tests.Features.Shared;

/// <summary>One requester for every feature: in a Teams team, status and the stage-2 kit see the same outreaches.</summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class RequesterResolverTests : IDisposable
{
    /// <summary>The team of TestData/teams-activities/message-channel-mention.json.</summary>
    private const string TeamId = "19:team456@thread.tacv2";
    private const string Idea = "Team-shared checkout risk";

    /// <summary>Team scopes count only when the channel vouches for the request (authenticated Teams), as it would in production.</summary>
    private readonly BotTestHost host = new(services => services.Replace(ServiceDescriptor.Singleton<IChannelTrust, TeamsBot.TeamsVouchedFor>()));

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task In_a_Teams_channel_status_market_and_brief_all_see_the_outreach_shared_with_that_team()
    {
        await TeamSharedOutreachAsync();
        var chat = host.Chat(channel: "msteams", userId: "29:1GhIjK-userid");

        var (status, market, brief) = await StatusMarketAndBriefAsync(chat, "message-channel-mention.json");

        Assert.Contains(Idea, status);
        Assert.Contains(Idea, market);
        Assert.Contains(Idea, brief);
    }

    [Fact]
    public async Task In_a_personal_chat_outside_the_team_none_of_them_sees_it()
    {
        await TeamSharedOutreachAsync();
        var chat = host.Chat(channel: "msteams", userId: "29:1AbCdEf-userid");

        var (status, market, brief) = await StatusMarketAndBriefAsync(chat, "message-personal.json");

        Assert.DoesNotContain(Idea, status);
        Assert.Contains("There is no outreach to prepare stage-2 material for yet", market);
        Assert.Contains("There is no outreach to prepare stage-2 material for yet", brief);
    }

    private async Task TeamSharedOutreachAsync() =>
        (await host.Services.GetRequiredService<OutreachService>().CreateAsync(
            Requester.User("test:alice"), new NewOutreach(Idea, "payment gateway", "Asia/Shanghai", Sharing: new OutreachSharing(TeamId)))).GetValueOrThrow();

    private static async Task<(string Status, string Market, string Brief)> StatusMarketAndBriefAsync(ChatTester chat, string file) =>
        ((await chat.SendAsIsAsync(Teams(file, "status"))).AllText(),
         (await chat.SendAsIsAsync(Teams(file, "market"))).AllText(),
         (await chat.SendAsIsAsync(Teams(file, "brief"))).AllText());

    private static Activity Teams(string file, string command)
    {
        var payload = TeamsPayloads.Load(file).WithText((file.Contains("channel", StringComparison.Ordinal) ? "<at>OutreachBot</at> " : "") + command);
        payload["locale"] = "en-US";
        return payload.ToObject<Activity>(JsonSerializer.Create(new JsonSerializerSettings()))!;
    }
}
