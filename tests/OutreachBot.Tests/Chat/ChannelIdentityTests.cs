using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Tests.Chat;

/// <summary>
/// Who a user is comes from Teams (the authenticated activity and the roster over HTTP), never from what they type.
/// The review's attack: a user types <c>iam</c> with the CEO's e-mail and asks for <c>pipeline team</c>.
/// </summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class ChannelIdentityTests
{
    private const string Ceo = "jing.zhong@xinghai.example.com";
    private const string Lead = "han.yu@xinghai.example.com";
    private const string IndirectReport = "rui.li@xinghai.example.com";
    private const string OtherReport = "ting.xu@xinghai.example.com";

    [Theory]
    [InlineData(TeamsPlace.Personal)]
    [InlineData(TeamsPlace.GroupChat)]
    [InlineData(TeamsPlace.Channel)]
    public async Task In_Teams_the_roster_email_links_the_directory_person_without_typing(TeamsPlace place)
    {
        await using var bot = await TeamsBot.StartAsync();
        var lead = bot.Chat(bot.Member(Lead, "Han Yu", 1), place);

        var first = await lead.SayAsync("iam");
        var again = await lead.SayAsync("iam");

        Assert.Contains($"Teams confirms you are", first.AllText());
        Assert.Contains($"({Lead}) in the org directory", first.AllText());
        Assert.Equal(first.AllText(), again.AllText());
        var request = Assert.Single(bot.Connector.RosterRequests);
        Assert.Equal("29:member-1", request.MemberId);
        Assert.Equal(place == TeamsPlace.Channel ? "19:team456@thread.tacv2" : place == TeamsPlace.GroupChat ? TeamsChat.GroupChatId : "a:personal-29:member-1", request.ConversationId);
        var profile = await ProfileAsync(bot, lead.Member);
        Assert.Equal((Lead, Lead, true), (profile.ChannelEmail, profile.Email, profile.PersonVerified));
    }

    [Fact]
    public async Task A_Teams_user_who_types_the_CEOs_email_is_told_who_Teams_says_they_are_and_nothing_changes()
    {
        await using var bot = await TeamsBot.StartAsync();
        var report = bot.Chat(bot.Member(IndirectReport, "Rui Li", 2), TeamsPlace.Personal);

        var claimed = await report.SayAsync("iam " + Ceo);
        var team = await report.SayAsync("pipeline team");

        Assert.Equal($"Teams says you are {IndirectReport}, so I can't link you to {Ceo}. Nothing changed.", Assert.Single(claimed).Text);
        Assert.Contains("Nobody reports to Rui Li in the org directory", team.AllText());
        Assert.Equal("E00013", (await ProfileAsync(bot, report.Member)).PersonId);
    }

    [Fact]
    public async Task A_stranger_outside_the_directory_gets_no_team_view_by_typing_the_CEOs_email_in_English_or_Chinese()
    {
        await using var bot = await TeamsBot.StartAsync();
        await ReportWithOutreachAsync(bot, "Secret merger plan");
        var stranger = bot.Chat(bot.Member("visitor@elsewhere.example", "Visitor", 3), TeamsPlace.Personal);
        var chinese = bot.Chat(bot.Member("guest@elsewhere.example", "访客", 4), TeamsPlace.Personal, "zh-CN");

        var claimed = await stranger.SayAsync("iam " + Ceo);
        var team = await stranger.SayAsync("pipeline team");
        var zhClaimed = await chinese.SayAsync("我是 " + Ceo);
        var zhTeam = await chinese.SayAsync("看板 团队");

        Assert.Equal($"Teams says you are visitor@elsewhere.example, so I can't link you to {Ceo}. Nothing changed.", Assert.Single(claimed).Text);
        Assert.Contains("Teams says you are visitor@elsewhere.example, but I can't match that e-mail to one person in the org directory", team.AllText());
        Assert.Equal($"Teams 显示你的邮箱是 guest@elsewhere.example，所以不能把你关联到 {Ceo}。没有做任何修改。", Assert.Single(zhClaimed).Text);
        Assert.Contains("Teams 显示你的邮箱是 guest@elsewhere.example，但在组织通讯录里对不上一个人", zhTeam.AllText());
        Assert.DoesNotContain("Secret merger plan", team.AllText() + zhTeam.AllText());
        Assert.Null((await ProfileAsync(bot, stranger.Member)).PersonId);
    }

    [Fact]
    public async Task Where_the_channel_cannot_confirm_anyone_a_typed_link_serves_only_the_users_own_data_and_says_so()
    {
        using var bot = await OutreachChat.StartAsync();
        await bot.OutreachAsync("test:report", "Checkout risk control", ["risk"]);
        await bot.Host.Chat(userId: "report").SayAsync("iam " + IndirectReport);
        var impostor = bot.Host.Chat(userId: "impostor");
        var chinese = bot.Host.Chat(locale: "zh-CN", userId: "impostor-zh");

        var linked = await impostor.SayAsync("iam " + Lead);
        var team = await impostor.SayAsync("pipeline team");
        var shown = await impostor.SayAsync("iam");
        var zhTeam = await chinese.SayAsync("看板 团队");

        Assert.Contains("Got it — you are 余涵 / Han Yu (han.yu@xinghai.example.com) in the org directory. This chat (test) can't confirm who you are", Assert.Single(linked).Text);
        Assert.Contains("Team views need Teams to confirm who you are. This chat (test) can't, so here you see only your own outreaches.", team.Seen());
        Assert.DoesNotContain("Checkout risk control", team.Seen());
        Assert.EndsWith("This chat (test) can't confirm who you are, so team views are off here.", Assert.Single(shown).Text);
        Assert.Contains("团队看板需要 Teams 确认你的身份。这个聊天（test）做不到", zhTeam.Seen());
    }

    [Fact]
    public async Task Nobody_can_type_their_way_into_a_person_another_user_already_holds()
    {
        using var bot = await OutreachChat.StartAsync();
        await bot.Host.Chat(userId: "first").SayAsync("iam " + OtherReport);

        var second = await bot.Host.Chat(userId: "second").SayAsync("iam " + OtherReport);
        var chinese = await bot.Host.Chat(locale: "zh-CN", userId: "third").SayAsync("我是 " + OtherReport);

        Assert.Equal($"{OtherReport} is already linked to another user, so I can't link you to it. If it's yours, talk to me in Teams: Teams confirms who you are.", Assert.Single(second).Text);
        Assert.Equal($"{OtherReport} 已经关联到另一位用户，不能再关联给你。如果这是你的邮箱，请在 Teams 里和我对话，Teams 会确认你的身份。", Assert.Single(chinese).Text);
        var profiles = bot.Host.Services.GetRequiredService<UserProfileStore>();
        Assert.Null((await profiles.GetAsync(new UserKey("test:second"), CancellationToken.None)).PersonId);
        Assert.NotNull((await profiles.GetAsync(new UserKey("test:first"), CancellationToken.None)).PersonId);
    }

    [Fact]
    public async Task When_Teams_confirms_the_real_person_a_link_someone_else_typed_is_taken_from_them()
    {
        await using var bot = await TeamsBot.StartAsync();
        var profiles = bot.Host.Services.GetRequiredService<UserProfileStore>();
        var impostor = new UserKey("webchat:impostor");
        var personId = (await profiles.ClaimPersonAsync(impostor, "E00008", verified: false, Lead, CancellationToken.None)).Profile.PersonId;
        var lead = bot.Chat(bot.Member(Lead, "Han Yu", 1), TeamsPlace.Personal);

        var confirmed = await lead.SayAsync("iam");

        Assert.Equal("E00008", personId);
        Assert.Contains("Teams confirms you are", confirmed.AllText());
        Assert.Null((await profiles.GetAsync(impostor, CancellationToken.None)).PersonId);
        Assert.Equal(("E00008", true), ((await ProfileAsync(bot, lead.Member)).PersonId, (await ProfileAsync(bot, lead.Member)).PersonVerified));
    }

    [Fact]
    public async Task A_link_typed_before_this_change_gives_no_team_view_until_Teams_confirms_it_and_is_replaced_when_Teams_disagrees()
    {
        await using var bot = await TeamsBot.StartAsync();
        var profiles = bot.Host.Services.GetRequiredService<UserProfileStore>();
        var unknownToRoster = new TeamsMember("29:not-in-roster", "Somebody", "00000000-0000-4000-8000-000000000099", "x@example.com");
        var wrong = bot.Member(IndirectReport, "Rui Li", 2);
        await profiles.UpdateAsync(Key(unknownToRoster), p => p with { Email = Lead, PersonId = "E00008" }, CancellationToken.None);
        await profiles.UpdateAsync(Key(wrong), p => p with { Email = Lead, PersonId = "E00008" }, CancellationToken.None);

        var unverified = await bot.Chat(unknownToRoster, TeamsPlace.Personal).SayAsync("pipeline team");
        var corrected = await bot.Chat(wrong, TeamsPlace.Personal).SayAsync("pipeline team");

        Assert.Contains("Teams didn't tell me who you are just now, so I can't show your team's pipeline yet.", unverified.Seen());
        Assert.Contains("Nobody reports to Rui Li in the org directory", corrected.Seen());
        Assert.Equal(("E00013", true), ((await ProfileAsync(bot, wrong)).PersonId, (await ProfileAsync(bot, wrong)).PersonVerified));
    }

    [Fact]
    public async Task A_lead_in_Teams_sees_the_outreaches_of_reports_Teams_confirmed_but_not_of_a_report_someone_typed()
    {
        await using var bot = await TeamsBot.StartAsync();
        await ReportWithOutreachAsync(bot, "Checkout risk control");
        await bot.Host.Chat(userId: "typed").SayAsync("iam " + OtherReport);
        await bot.Service().CreateAsync(Requester.User("test:typed"), new NewOutreach("Injected into the lead's view", null, "Asia/Shanghai"));
        var lead = bot.Chat(bot.Member(Lead, "Han Yu", 1), TeamsPlace.Personal, "zh-CN");

        var seen = (await lead.SayAsync("看板 团队")).Seen();

        TeamPipelineAssert.Shows(seen, "zh-CN", people: 66, users: 1, shown: ["Checkout risk control"], hidden: ["Injected into the lead's view"]);
    }

    [Fact]
    public async Task A_roster_slower_than_its_timeout_leaves_the_user_unconfirmed_and_the_turn_answered()
    {
        await using var bot = await TeamsBot.StartAsync(options: BotTestOptions.Quiet with { Directory = TestDirectory.DemoCompany, Clock = TimeProvider.System });
        bot.Connector.RosterDelay = TimeSpan.FromSeconds(4);
        var lead = bot.Chat(bot.Member(Lead, "Han Yu", 1), TeamsPlace.Personal);

        var team = await lead.SayAsync("pipeline team");

        Assert.Contains("Teams didn't tell me who you are just now", team.Seen());
        Assert.Null((await ProfileAsync(bot, lead.Member)).ChannelEmail);
    }

    [Fact]
    public async Task Teams_shaped_activities_are_not_vouched_for_when_the_bot_runs_without_authentication()
    {
        await using var bot = await TeamsBot.StartAsync(vouched: false);
        var lead = bot.Chat(bot.Member(Lead, "Han Yu", 1), TeamsPlace.Personal);

        var team = await lead.SayAsync("pipeline team");

        Assert.Contains("Team views need Teams to confirm who you are. This chat (Teams) can't", team.Seen());
        Assert.Empty(bot.Connector.RosterRequests);
    }

    /// <summary>Rui Li, an indirect report of the lead, has talked to the bot once and started an outreach.</summary>
    private static async Task ReportWithOutreachAsync(TeamsBot bot, string idea)
    {
        var report = bot.Chat(bot.Member(IndirectReport, "Rui Li", 2), TeamsPlace.Personal);
        await report.SayAsync("help");
        await bot.Service().CreateAsync(Requester.User(Key(report.Member).Value), new NewOutreach(idea, null, "Asia/Shanghai"));
    }

    private static UserKey Key(TeamsMember member) => new("aad:" + member.AadObjectId);

    private static Task<UserProfile> ProfileAsync(TeamsBot bot, TeamsMember member) =>
        bot.Host.Services.GetRequiredService<UserProfileStore>().GetAsync(Key(member), CancellationToken.None);
}

internal static class TeamsBotExtensions
{
    public static OutreachService Service(this TeamsBot bot) => bot.Host.Services.GetRequiredService<OutreachService>();
}
