using System.Security.Cryptography;
using System.Text;

namespace OutreachBot.Chat.Flows;

public static class FlowCards
{
    public const string AnswerVerb = "flow.answer";
    public const string LeaveVerb = "flow.leave";
    public const string AnswerKey = "answer";
    public const string StepKey = "step";

    /// <summary>
    /// Ties a question's buttons to the step and to the member it was asked of ("flow:step:owner"): in a group chat or
    /// channel everyone sees the card, but it answers only its owner's flow.
    /// </summary>
    public static string StepToken(string flowName, int step, UserKey owner) => $"{flowName}:{step}:{OwnerTag(owner)}";

    /// <summary>Whether a step token was made for another user than <paramref name="presser"/>.</summary>
    public static bool IsSomeoneElses(string? stepToken, UserKey presser) =>
        stepToken is not null && stepToken.LastIndexOf(':') is var at and > 0 && stepToken[(at + 1)..] != OwnerTag(presser);

    /// <summary>A short, stable tag of the user (not their id, which a card would otherwise show to everyone).</summary>
    private static string OwnerTag(UserKey user) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.Value)))[..12];

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
