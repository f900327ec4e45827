using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutreachBot.Storage.ConversationReferences;

namespace OutreachBot.Tests.Chat;

[Collection(RenderedCardsCollection.Name)]
public sealed class IdentityTranscriptTests : IDisposable
{
    private const string AadUser = "6c1f3d2e-0000-4000-8000-000000000001";
    private readonly BotTestHost host = new();

    /// <summary>The bot as built before the directory feature resolves e-mails (it registers its lookup like any feature).</summary>
    private static BotTestHost WithoutDirectoryLookup() => new(s => s.RemoveAll<IOrgDirectoryLookup>());

    public void Dispose() => host.Dispose();

    private Task<UserProfile> ProfileAsync(UserKey user) => host.Services.GetRequiredService<UserProfileStore>().GetAsync(user, CancellationToken.None);

    private static Activity Teams(string file) => TeamsPayloads.Load(file).ToObject<Activity>()!;

    [Fact]
    public void The_user_key_is_the_AAD_object_id_when_present_else_channel_and_user_id()
    {
        var teams = Teams("message-personal.json");
        var slack = new Activity { ChannelId = "slack", From = new ChannelAccount("U123") };

        Assert.Equal("aad:" + AadUser, UserKey.From(teams).Value);
        Assert.Equal("slack:U123", UserKey.From(slack).Value);
    }

    [Fact]
    public async Task The_Teams_clientInfo_time_zone_is_remembered_until_the_user_chooses_one()
    {
        var chat = host.Chat(channel: "msteams", userId: "29:1AbCdEf-userid", aadObjectId: AadUser);
        var message = Teams("message-personal.json");
        message.Text = "help";

        await chat.SendAsync(message);
        var fromTeams = await ProfileAsync(new UserKey("aad:" + AadUser));
        await chat.SayAsync("timezone Europe/Berlin");
        await chat.SendAsync(Teams("message-personal.json"));
        var chosen = await ProfileAsync(new UserKey("aad:" + AadUser));

        Assert.Equal("Asia/Shanghai", fromTeams.TimeZoneId);
        Assert.Equal("Europe/Berlin", chosen.TimeZoneId);
    }

    [Fact]
    public async Task Iam_stores_the_email_and_says_the_directory_is_not_available_yet()
    {
        using var host = WithoutDirectoryLookup();
        var chat = host.Chat(locale: "zh-CN");

        var replies = await chat.SayAsync("我是 LiLei@Example.com");

        Assert.Equal("已保存 lilei@example.com。组织通讯录暂未接入，接入后我会用这个邮箱找到你。", Assert.Single(replies).Text);
        Assert.Equal("lilei@example.com", (await host.Services.GetRequiredService<UserProfileStore>().GetAsync(new UserKey("test:user-1"), CancellationToken.None)).Email);
    }

    [Fact]
    public async Task Iam_links_the_directory_person_when_a_directory_is_registered()
    {
        using var withDirectory = new BotTestHost(s => s.Replace(ServiceDescriptor.Singleton<IOrgDirectoryLookup>(new OneEntryDirectory("lilei@example.com", new DirectoryPerson("P-7", "李雷")))));
        var chat = withDirectory.Chat(locale: "zh-CN");

        var replies = await chat.SayAsync("我是 lilei@example.com");

        Assert.Equal("好的，你是组织通讯录中的 李雷（lilei@example.com）。这个聊天（test）无法确认你的身份，所以只用于你自己的草稿；团队看板需要在 Teams 里查看。", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Iam_refuses_text_that_is_not_an_email()
    {
        var chat = host.Chat();

        var replies = await chat.SayAsync("iam lilei");

        Assert.Equal("\"lilei\" doesn't look like an e-mail address.", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Install_stores_the_conversation_reference_and_welcomes_the_user()
    {
        var chat = host.Chat(channel: "msteams", userId: "29:1AbCdEf-userid", aadObjectId: AadUser);
        var references = host.Services.GetRequiredService<ConversationReferenceStore>();

        await chat.SendAsIsAsync(Teams("installation-update-add.json"));
        var welcome = await chat.SendAsIsAsync(Teams("conversation-update-install.json"));
        var reference = await references.FindForUserAsync(new UserKey("aad:" + AadUser), CancellationToken.None);

        Assert.Contains("Hi, I'm OutreachBot", welcome.AllText());
        Assert.NotNull(reference);
        Assert.Equal("a:1XyZ-personal-conversation", reference.Conversation.Id);
        Assert.Equal("72f988bf-0000-4000-8000-0000000000aa", reference.Conversation.TenantId);
    }

    [Fact]
    public async Task A_personal_chat_is_preferred_over_a_channel_for_proactive_messages()
    {
        var chat = host.Chat(channel: "msteams", userId: "29:1AbCdEf-userid", aadObjectId: AadUser);
        var references = host.Services.GetRequiredService<ConversationReferenceStore>();
        var channelMessage = Teams("message-channel-mention.json");
        channelMessage.From.AadObjectId = AadUser;

        await chat.SendAsIsAsync(Teams("message-personal.json"));
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await chat.SendAsIsAsync(channelMessage);
        var all = await references.FindAllAsync(new UserKey("aad:" + AadUser), CancellationToken.None);
        var chosen = await references.FindForUserAsync(new UserKey("aad:" + AadUser), CancellationToken.None);

        Assert.Equal(2, all.Count);
        Assert.Equal("channel", all[0].ConversationType);
        Assert.Equal("a:1XyZ-personal-conversation", chosen!.Conversation.Id);
    }

    private sealed class OneEntryDirectory(string email, DirectoryPerson person) : IOrgDirectoryLookup
    {
        public Task<DirectoryPerson?> FindByEmailAsync(string candidate, CancellationToken cancellationToken) =>
            Task.FromResult(candidate == email ? person : null);

        public DirectoryPerson? FindById(string personId) => personId == person.PersonId ? person : null;
    }
}
