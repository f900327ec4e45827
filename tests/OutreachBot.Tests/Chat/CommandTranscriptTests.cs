using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Chat.Commands;
using OutreachBot.Chat.Localization;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Chat;

[Collection(RenderedCardsCollection.Name)]
public sealed class CommandTranscriptTests : IDisposable
{
    private readonly BotTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Help_in_English_lists_every_command_with_buttons()
    {
        var chat = host.Chat(locale: "en-US");

        var replies = await chat.SayAsync("help");

        var card = Assert.Single(replies.Cards());
        var text = replies.AllText();
        Assert.Contains("What I can do", text);
        Assert.Contains("referrals <department>", text);
        Assert.Contains("timezone <IANA>", text);
        Assert.Contains("Settings", card.ButtonTitles());
        Assert.Contains("中文", card.ButtonTitles());
    }

    [Fact]
    public async Task Help_in_Chinese_answers_in_Chinese()
    {
        var chat = host.Chat(locale: "zh-CN");

        var replies = await chat.SayAsync("帮助");

        var card = Assert.Single(replies.Cards());
        var text = replies.AllText();
        Assert.Contains("我能帮你做什么", text);
        Assert.Contains("引荐 <部门>", text);
        Assert.DoesNotContain("What I can do", text);
        Assert.Contains("设置", card.ButtonTitles());
        Assert.Contains("English", card.ButtonTitles());
    }

    [Theory]
    [InlineData("/help")]
    [InlineData("HELP")]
    [InlineData("ＨＥＬＰ")]
    [InlineData("／帮助")]
    [InlineData("  帮助  ")]
    [InlineData("?")]
    public async Task Help_is_recognised_with_slash_case_and_full_width_variants(string typed)
    {
        var chat = host.Chat();

        var replies = await chat.SayAsync(typed);

        Assert.Contains("What I can do", replies.AllText());
    }

    [Fact]
    public async Task Unknown_text_gets_a_short_help_with_buttons_never_silence()
    {
        var chat = host.Chat();

        var replies = await chat.SayAsync("what's the weather like");

        var card = Assert.Single(replies.Cards());
        Assert.Contains("I didn't understand that", replies.AllText());
        Assert.Equal(["Help", "My status"], card.ButtonTitles());
    }

    [Fact]
    public async Task A_typo_close_to_a_command_suggests_it_with_a_button_that_keeps_the_arguments()
    {
        var chat = host.Chat();

        var replies = await chat.SayAsync("stauts payments");

        var card = Assert.Single(replies.Cards());
        Assert.Contains("Did you mean \"status\"?", replies.AllText());
        Assert.Equal("status payments", card.ButtonTitles()[0]);
    }

    [Fact]
    public async Task A_command_that_no_feature_registers_is_not_a_command()
    {
        using var bare = WithoutPipeline();
        var chat = bare.Chat(locale: "zh-CN");

        var replies = await chat.SayAsync("看板");

        Assert.Contains("没看懂这句话", replies.AllText());
    }

    [Fact]
    public async Task Help_lists_exactly_the_registered_commands_in_help_order()
    {
        using var bare = WithoutPipeline();
        var chat = bare.Chat();

        var replies = await chat.SayAsync("help");

        var lines = replies.AllText().Split('\n').Where(t => t.StartsWith("• ", StringComparison.Ordinal)).ToList();
        var expected = bare.Services.GetRequiredService<CommandCatalog>().All.Select(c => "• " + c.HelpText(BotLanguage.English));
        Assert.Equal(expected, lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("• pipeline", StringComparison.Ordinal));
        Assert.Equal("• new <product idea> — start an outreach", lines[0]);
        Assert.Equal("• help — this list", lines[^1]);
    }

    [Fact]
    public async Task Language_command_switches_the_language_for_the_next_messages()
    {
        var chat = host.Chat(locale: "en-US");

        var switched = await chat.SayAsync("language zh");
        var help = await chat.SayAsync("help");

        Assert.Equal("好的，以后我用中文和你交流。", Assert.Single(switched).Text);
        Assert.Contains("我能帮你做什么", help.AllText());
    }

    [Fact]
    public async Task Timezone_command_accepts_an_IANA_name_and_shows_local_time()
    {
        var chat = host.Chat(locale: "zh-CN");

        var replies = await chat.SayAsync("时区 Asia/Shanghai");

        Assert.Equal("时区已设为 Asia/Shanghai，现在是 2026年11月24日 星期二 14:20 (Asia/Shanghai)。", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Timezone_command_refuses_an_unknown_zone()
    {
        var chat = host.Chat();

        var replies = await chat.SayAsync("timezone Mars/Olympus");

        Assert.Contains("\"Mars/Olympus\" is not a time zone I know", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Cancel_outside_a_flow_says_there_is_nothing_to_cancel()
    {
        var chat = host.Chat(locale: "zh-CN");

        var replies = await chat.SayAsync("取消");

        Assert.Equal("当前没有需要取消的操作。", Assert.Single(replies).Text);
    }

    /// <summary>The bot as if the pipeline feature were not built yet.</summary>
    private static BotTestHost WithoutPipeline() => new(services =>
    {
        foreach (var pipeline in services.Where(d => d.ImplementationInstance is CommandRegistration { Command.Name: "pipeline" }).ToList())
        {
            services.Remove(pipeline);
        }
    });
}
