using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Tests.Chat;

/// <summary>
/// Group chats and team channels are shared: each member has their own flow, pending question and numbered choices, and
/// a button acts for whoever presses it. Teams' shapes over HTTP (@mentions, a 19:… conversation id shared by all).
/// </summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class SharedConversationTests
{
    private const string Lead = "han.yu@xinghai.example.com";
    private const string Report = "rui.li@xinghai.example.com";

    public static TheoryData<TeamsPlace> SharedPlaces => new() { TeamsPlace.GroupChat, TeamsPlace.Channel };

    [Theory]
    [MemberData(nameof(SharedPlaces))]
    public async Task One_members_answer_never_advances_another_members_flow(TeamsPlace place)
    {
        await using var bot = await TeamsBot.StartAsync();
        var (owner, other) = TwoMembers(bot, place);
        var asked = await owner.SayAsync("new Fraud checks built into the merchant checkout");

        var interjection = await other.SayAsync("payment gateway");
        var answered = await owner.SayAsync("payment gateway");

        Assert.Contains("Which capability do you need", asked.Seen());
        Assert.DoesNotContain("Which department do you have in mind?", interjection.Seen());
        Assert.Contains("Which department do you have in mind?", answered.Seen());
        Assert.Empty(await bot.Service().StatusAsync(Requester.User(Key(other.Member))));
    }

    [Theory]
    [MemberData(nameof(SharedPlaces))]
    public async Task Two_members_run_their_own_flows_side_by_side_in_one_conversation(TeamsPlace place)
    {
        await using var bot = await TeamsBot.StartAsync();
        var (first, second) = TwoMembers(bot, place, secondLocale: "zh-CN");
        await first.SayAsync("new Fraud checks built into the merchant checkout");
        await second.SayAsync("新建 商户结算风控");

        var firstNext = await first.SayAsync("payment gateway");
        var secondNext = await second.SayAsync("支付网关");

        Assert.Contains("Which department do you have in mind?", firstNext.Seen());
        Assert.Contains("心里有目标部门吗？", secondNext.Seen());
    }

    [Theory]
    [MemberData(nameof(SharedPlaces))]
    public async Task A_question_card_pressed_by_another_member_answers_nobodys_flow(TeamsPlace place)
    {
        await using var bot = await TeamsBot.StartAsync();
        var (owner, other) = TwoMembers(bot, place);
        await owner.SayAsync("new Fraud checks built into the merchant checkout");
        // A command that changes something asks whether to leave ("pipeline", read-only, is answered in place).
        var leave = Assert.Single((await owner.SayAsync("settings")).Cards());

        var pressedByOther = await other.PressAsync(leave, "Yes");
        var pressedByOwner = await owner.PressAsync(leave, "No");

        Assert.Contains("That question was asked of another member of this chat", pressedByOther.Seen());
        Assert.DoesNotContain("Left", pressedByOther.Seen());
        // "No, stay": what the owner typed answers the open question (capability), and the flow goes on.
        Assert.Contains("Which department do you have in mind?", pressedByOwner.Seen());
    }

    [Theory]
    [MemberData(nameof(SharedPlaces))]
    public async Task An_outcome_button_pressed_by_another_member_acts_for_the_presser_and_changes_nothing_of_the_owners(TeamsPlace place)
    {
        await using var bot = await TeamsBot.StartAsync();
        var (owner, other) = TwoMembers(bot, place);
        await owner.SayAsync("help");
        var outreach = await ContactedOutreachAsync(bot, owner.Member, "pay-core");
        var partner = Assert.Single((await owner.SayAsync("status Payments Platform")).Cards());

        var pressed = await other.PressAsync(partner, "Interested");

        Assert.DoesNotContain("is interested", pressed.Seen());
        var stored = (await bot.Service().GetAsync(Requester.User(Key(owner.Member)), outreach.Id)).GetValueOrThrow();
        Assert.Equal(TargetStage.Contacted, stored.FindTarget("pay-core")!.Stage);
    }

    private static (TeamsChat Lead, TeamsChat Report) TwoMembers(TeamsBot bot, TeamsPlace place, string secondLocale = "en-US") =>
        (bot.Chat(bot.Member(Lead, "Han Yu", 1), place), bot.Chat(bot.Member(Report, "Rui Li", 2), place, secondLocale));

    private static async Task<Outreach> ContactedOutreachAsync(TeamsBot bot, TeamsMember owner, string departmentId)
    {
        var requester = Requester.User(Key(owner));
        var service = bot.Service();
        var outreach = (await service.CreateAsync(requester, new NewOutreach("Checkout risk control", "payment gateway", "Asia/Shanghai"))).GetValueOrThrow().Outreach;
        (await service.UpdatePrepAsync(requester, outreach.Id, OutreachChat.Prep)).GetValueOrThrow();
        var department = bot.Host.Services.GetRequiredService<LiveDirectory>().Current.Directory.FindDepartment(departmentId)!;
        (await service.AddTargetAsync(requester, outreach.Id, new DepartmentRef(department.Id, department.NameZh, department.NameEn), LeadRoute.OrgChart)).GetValueOrThrow();
        (await service.RecordContactAsync(requester, outreach.Id, new NewContact(department.Id, null, "Han Yu", LeadRoute.OrgChart, "Hello"))).GetValueOrThrow();
        return outreach;
    }

    private static string Key(TeamsMember member) => new UserKey("aad:" + member.AadObjectId).Value;
}
