using OutreachBot.Chat.Cards;

namespace OutreachBot.Chat.Flows;

public static class FlowCards
{
    public const string AnswerVerb = "flow.answer";
    public const string LeaveVerb = "flow.leave";
    public const string AnswerKey = "answer";
    public const string StepKey = "step";

    /// <summary>A question with one button per choice; <paramref name="stepToken"/> ties the buttons to this step.</summary>
    public static AdaptiveCard Question(string question, IReadOnlyList<Choice> choices, string stepToken, string verb = AnswerVerb) =>
        new(
            [new TextBlock(question)],
            choices.Select(c => (CardAction)CardActions.Verb(c.Title, verb, new Dictionary<string, string>
            {
                [AnswerKey] = c.Value,
                [StepKey] = stepToken,
            })).ToList());
}
