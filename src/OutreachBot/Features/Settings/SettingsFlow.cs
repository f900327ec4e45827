using OutreachBot.Chat.Flows;

namespace OutreachBot.Features.Settings;

/// <summary>Language → time zone → confirm, then saves both to the user's profile.</summary>
public sealed class SettingsFlow : ChatFlow
{
    public const string FlowName = "settings";

    public static readonly AnswerKey<string> Language = new("language");
    public static readonly AnswerKey<string> TimeZone = new("timezone");
    public static readonly AnswerKey<bool> Confirmed = new("confirmed");

    public override string Name => FlowName;

    public override IReadOnlyList<FlowStep> Steps { get; } =
    [
        FlowStep.Ask(Language, new ChoicePrompt(
            s => s.Text<SettingsTexts>("Flow.AskLanguage"),
            _ => [new Choice("中文", Domain.Text.Language.Chinese.Tag), new Choice("English", Domain.Text.Language.English.Tag)])),
        FlowStep.Ask(TimeZone, new TextPrompt(
            s => s.Text<SettingsTexts>("Flow.AskTimeZone", s.TimeZone.Id),
            (text, s) => TimeZoneNames.Resolve(text) is null ? s.Text<SettingsTexts>("TimeZone.Unknown", text) : null)),
        FlowStep.Ask(Confirmed, new ConfirmPrompt(s =>
        {
            var answers = FlowAnswers.Current(s);
            return s.Text<SettingsTexts>(
                "Flow.Confirm",
                Domain.Text.Language.FromLocale(answers.Get(Language)) == Domain.Text.Language.Chinese ? "中文" : "English",
                TimeZoneNames.Resolve(answers.Get(TimeZone)));
        })),
    ];

    public override string Title(ChatSession session) => session.Text<SettingsTexts>("Flow.Title");

    public override async Task CompleteAsync(FlowAnswers answers, ChatSession session, CancellationToken cancellationToken)
    {
        if (!answers.Get(Confirmed))
        {
            session.Reply(session.Text<SettingsTexts>("Flow.NotSaved"));
            return;
        }

        var zone = TimeZoneNames.Resolve(answers.Get(TimeZone))!;
        await session.UpdateProfileAsync(p => p with { Language = answers.Get(Language), TimeZoneId = zone, TimeZoneChosen = true }, cancellationToken);
        session.Reply(session.Text<SettingsTexts>("Flow.Saved", zone, session.FormatDateTime(session.Clock.GetUtcNow())));
    }
}
