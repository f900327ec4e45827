using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Tests.Chat;

/// <summary>
/// Requests in people's own words (docs/understanding.md): flows keep sentence answers, read-only commands are answered
/// mid-flow, partner names are read fuzzily in both languages, nothing changes on a guess, and reminder times are set in
/// one turn. The clock is Tuesday 2026-11-24 14:20 in Asia/Shanghai.
/// </summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class NaturalRequestTranscriptTests
{
    private const string User = "test:user-1";

    [Theory]
    [InlineData("en-US", "new Fraud checks at checkout", "find them a new revenue line", "Which department do you have in mind?")]
    [InlineData("en-US", "new Fraud checks at checkout", "status events of every payment and a sandbox", "Which department do you have in mind?")]
    [InlineData("zh-CN", "新建 收银台风控", "新建一条收入线", "心里有目标部门吗")]
    [InlineData("zh-CN", "新建 收银台风控", "找他们要语音识别接口", "心里有目标部门吗")]
    public async Task A_step_answered_with_a_sentence_beginning_with_a_command_word_keeps_the_answer(string locale, string start, string answer, string nextQuestion)
    {
        using var bot = await OutreachChat.StartAsync();
        var chat = await ChatThatSaidAsync(bot, locale, start);

        var replies = await chat.SayAsync(answer);

        Assert.Contains(nextQuestion, replies.Seen());
        Assert.DoesNotContain(locale == "zh-CN" ? "要退出并执行" : "Leave it", replies.Seen());
    }

    [Fact]
    public async Task Status_typed_mid_flow_is_answered_and_the_flow_asks_its_question_again()
    {
        using var bot = await OutreachChat.StartAsync();
        await bot.OutreachAsync(User, "Checkout risk control", ["pay-core"]);
        var chat = await ChatThatSaidAsync(bot, "en-US", "new Fraud checks at checkout");

        var replies = await chat.SayAsync("status");
        var next = await chat.SayAsync("payment gateway");

        Assert.Contains("Checkout risk control", replies.Seen());
        Assert.Contains("Which capability do you need", replies.Seen());
        Assert.Contains("Which department do you have in mind?", next.Seen());
    }

    [Fact]
    public async Task No_to_leaving_keeps_what_was_typed_as_the_answer()
    {
        using var bot = await OutreachChat.StartAsync();
        var chat = await ChatThatSaidAsync(bot, "en-US", "new Fraud checks at checkout");

        var question = await chat.SayAsync("/new payment gateway access");
        var stayed = await chat.SayAsync("nope");

        Assert.Contains("Leave it and do the new command?", question.Seen());
        Assert.Contains("Which department do you have in mind?", stayed.Seen());
    }

    public static TheoryData<TypedCase> LoosePartnerNames => TypedCases.Read("Chat/loose-partner-names.tsv");

    public static TheoryData<TypedCase> ReminderRequests => TypedCases.Read("Chat/reminder-requests.tsv");

    [Theory]
    [MemberData(nameof(LoosePartnerNames))]
    public async Task A_partner_named_loosely_shows_that_partners_status(TypedCase row)
    {
        var locale = row.Required(1);
        using var bot = await OutreachChat.StartAsync();
        await bot.OutreachAsync(User, "Checkout risk control", ["data-platform"]);
        var chat = bot.Host.Chat(locale: locale);

        var replies = await chat.SayAsync(row.Text);

        Assert.Contains("Checkout risk control", replies.Seen());
        Assert.DoesNotContain(locale == "zh-CN" ? "你的合作对接里还没有" : "None of your outreaches", replies.Seen());
    }

    [Fact]
    public async Task An_outcome_loosely_named_is_recorded_for_that_partner()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(User, "Checkout risk control", ["data-platform"]);
        var chat = bot.Host.Chat();

        await chat.SayAsync("outcome data platfrom interested");

        Assert.Equal(TargetStage.Interested, (await bot.Service.GetAsync(Requester.User(User), outreach.Id)).Value!.FindTarget("data-platform")!.Stage);
    }

    [Fact]
    public async Task An_outcome_for_a_department_not_on_the_outreach_offers_to_add_it_in_one_click_then_the_contact()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(User, "Checkout risk control", ["pay-core"]);
        var chat = bot.Host.Chat();

        var offer = await chat.SayAsync("outcome Data Platform interested");
        var card = Assert.Single(offer.Cards());
        var added = await chat.PressAsync(card, "Add Data Platform and record");

        // The department is added; an outcome before any contact is the domain's to refuse, so the next card offers to
        // record the contact, after which the outcome is one button away.
        Assert.Contains("not on any of your outreaches yet", offer.Seen());
        Assert.NotEmpty(added.Cards());
        Assert.NotNull((await bot.Service.GetAsync(Requester.User(User), outreach.Id)).Value!.FindTarget("data-platform"));
    }

    [Fact]
    public async Task Nothing_changes_on_a_low_confidence_guess_the_bot_asks_first()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync(User, "Checkout risk control", ["pay-core"]);
        var chat = bot.Host.Chat();

        var replies = await chat.SayAsync("they said they have no capacity");

        Assert.Contains("I want to get this right", replies.Seen());
        Assert.Equal(TargetStage.Contacted, (await bot.Service.GetAsync(Requester.User(User), outreach.Id)).Value!.FindTarget("pay-core")!.Stage);
    }

    [Theory]
    [InlineData("en-US", "what should I do next?")]
    [InlineData("zh-CN", "下一步做什么")]
    public async Task What_to_do_next_answers_from_the_users_outreaches(string locale, string text)
    {
        using var bot = await OutreachChat.StartAsync();
        await bot.OutreachAsync(User, "Checkout risk control", ["pay-core"]);

        var replies = await bot.Host.Chat(locale: locale).SayAsync(text);

        Assert.Contains("Checkout risk control", replies.Seen());
    }

    [Theory]
    [InlineData("en-US", "hi", "What shall we do?")]
    [InlineData("zh-CN", "你好", "想先做什么？")]
    public async Task A_greeting_gets_a_short_friendly_answer_with_buttons(string locale, string text, string expected)
    {
        using var bot = await OutreachChat.StartAsync();

        var replies = await bot.Host.Chat(locale: locale).SayAsync(text);

        Assert.Contains(expected, replies.Seen());
        Assert.NotEmpty(Assert.Single(replies.Cards()).ButtonTitles());
    }

    [Theory]
    [MemberData(nameof(ReminderRequests))]
    public async Task An_absolute_reminder_time_is_set_in_one_turn_to_the_right_instant(TypedCase row)
    {
        using var bot = await OutreachChat.StartAsync();
        var chat = await ChatThatSaidAsync(bot, row.Required(1), row.Required(2));

        await chat.SayAsync(row.Text);

        var stored = Assert.Single(await bot.Host.Services.GetRequiredService<ReminderRepository>().ListForOwnerAsync(User));
        Assert.Equal(DateTimeOffset.Parse(row.Required(3), System.Globalization.CultureInfo.InvariantCulture), stored.Due);
    }

    private static async Task<ChatTester> ChatThatSaidAsync(OutreachChat bot, string locale, string text, [System.Runtime.CompilerServices.CallerMemberName] string source = "")
    {
        var chat = bot.Host.Chat(locale: locale, source: source);
        await chat.SayAsync(text);
        return chat;
    }
}
