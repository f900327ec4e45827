using OutreachBot.Chat.Flows;
using OutreachBot.Features.Reminders;

namespace OutreachBot.Tests.Chat;

[Collection(RenderedCardsCollection.Name)]
public sealed class DateTimePromptTests : IDisposable
{
    // "remind" stands in for any command that starts a flow; the reminders feature's own handler steps aside.
    private readonly BotTestHost host = new(services =>
    {
        foreach (var taken in services.Where(d => d.ImplementationInstance is CommandRegistration { Command.Name: "remind" }).ToList())
        {
            services.Remove(taken);
        }

        services.AddFlow<MeetingFlow>().AddCommand<StartMeetingCommand>(ReminderCommandSet.Remind);
    });

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("next Tuesday 3pm", "en-US", "Asia/Shanghai", "2026-12-01T07:00:00Z")]
    [InlineData("next Tuesday 3pm", "en-US", "America/New_York", "2026-12-01T20:00:00Z")]
    [InlineData("下周二下午三点", "zh-CN", "Asia/Shanghai", "2026-12-01T07:00:00Z")]
    [InlineData("下周二下午三点", "zh-CN", "America/New_York", "2026-12-01T20:00:00Z")]
    [InlineData("下周二下午三点", "en-US", "Asia/Shanghai", "2026-12-01T07:00:00Z")]
    public async Task A_date_prompt_resolves_natural_language_in_the_users_time_zone(string answer, string locale, string zone, string expectedUtc)
    {
        var chat = host.Chat(locale: locale);
        await chat.SayAsync($"timezone {zone}");
        await chat.SayAsync("remind");

        var replies = await chat.SayAsync(answer);

        Assert.Equal($"meeting at unix {DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds()}", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task A_time_in_the_past_is_refused_and_asked_again()
    {
        var chat = host.Chat(locale: "en-US");
        await chat.SayAsync("timezone Asia/Shanghai");
        await chat.SayAsync("remind");

        var replies = await chat.SayAsync("yesterday 3pm");

        Assert.Equal("Mon, Nov 23, 3:00 PM is already in the past. Please give a future time.", replies[0].Text);
        Assert.Equal("When?", replies[1].Text);
    }

    [Fact]
    public async Task Text_that_is_no_date_is_refused_with_an_example()
    {
        var chat = host.Chat(locale: "zh-CN");
        await chat.SayAsync("remind");

        var replies = await chat.SayAsync("随便");

        Assert.StartsWith("没能识别出日期和时间", replies[0].Text);
    }

    private sealed class MeetingFlow : ChatFlow
    {
        private static readonly AnswerKey<DateTimeOffset> When = new("when");

        public override string Name => "test-meeting";

        public override IReadOnlyList<FlowStep> Steps { get; } = [FlowStep.Ask(When, new DateTimePrompt(_ => "When?"))];

        public override string Title(ChatSession session) => "meeting";

        public override Task CompleteAsync(FlowAnswers answers, ChatSession session, CancellationToken cancellationToken)
        {
            // The test flow reports the instant it understood; Unix seconds, not an ISO timestamp no user may read.
            session.Reply($"meeting at unix {answers.Get(When).ToUnixTimeSeconds()}");
            return Task.CompletedTask;
        }
    }

    private sealed class StartMeetingCommand : ICommandHandler
    {
        public Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken) =>
            session.StartFlowAsync("test-meeting", cancellationToken);
    }
}
