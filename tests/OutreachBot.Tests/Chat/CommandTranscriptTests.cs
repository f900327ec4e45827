using OutreachBot.Chat.Localization;
using OutreachBot.Domain.Text;

namespace OutreachBot.Tests.Chat;

[Collection(RenderedCardsCollection.Name)]
public sealed class CommandTranscriptTests : IDisposable
{
    private readonly BotTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en-US", "help", "What I can do", new[] { "referrals <department>", "timezone <IANA>" }, new[] { "Settings", "中文" }, "我能帮你做什么")]
    [InlineData("zh-CN", "帮助", "我能帮你做什么", new[] { "引荐 <部门>", "时区 <IANA>" }, new[] { "设置", "English" }, "What I can do")]
    public async Task Help_lists_every_command_with_buttons_in_the_users_language(string locale, string typed, string title, string[] commands, string[] buttons, string otherLanguagesTitle)
    {
        var chat = host.Chat(locale: locale);

        var replies = await chat.SayAsync(typed);

        var card = Assert.Single(replies.Cards());
        var text = replies.AllText();
        Assert.Contains(title, text);
        Assert.All(commands, command => Assert.Contains(command, text));
        Assert.DoesNotContain(otherLanguagesTitle, text);
        Assert.All(buttons, button => Assert.Contains(button, card.ButtonTitles()));
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
        var expected = bare.Services.GetRequiredService<CommandCatalog>().All.Select(c => "• " + c.HelpText(Language.English.Culture));
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

    [Theory]
    [InlineData("timezone accepts an IANA name and shows the local time", "zh-CN", "时区 Asia/Shanghai", "时区已设为 Asia/Shanghai，现在是 2026年11月24日（周二）14:20 (Asia/Shanghai)。")]
    [InlineData("timezone refuses an unknown zone", "en-US", "timezone Mars/Olympus", "\"Mars/Olympus\" is not a time zone I know. Use an IANA name such as Asia/Shanghai or America/New_York.")]
    [InlineData("cancel outside a flow says there is nothing to cancel", "zh-CN", "取消", "当前没有需要取消的操作。")]
    public async Task A_one_line_command_gets_exactly_its_one_line_answer(string situation, string locale, string typed, string answer)
    {
        var chat = host.Chat(locale: locale);

        var replies = await chat.SayAsync(typed);

        Assert.True(replies.Count == 1, $"{situation}: {replies.Count} replies");
        Assert.Equal(answer, replies[0].Text);
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
