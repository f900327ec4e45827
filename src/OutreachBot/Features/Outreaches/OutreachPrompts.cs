using System.Globalization;
using System.Text;
using OutreachBot.Chat.Flows;

namespace OutreachBot.Features.Outreaches;

/// <summary>A text answer the user may skip for now ("skip", "跳过", the button); a skipped answer is the empty string.</summary>
public sealed class OptionalTextPrompt(Func<ChatSession, string> question, Func<string, ChatSession, string?>? validate = null, int maxLength = 1000)
    : Prompt<string>(question)
{
    private static readonly string[] SkipWords = ["skip", "later", "none", "n/a", "-", "跳过", "稍后", "以后再说", "暂无", "无", "没有", "不知道", "先不填"];

    public override void Ask(ChatSession session, string stepToken) =>
        session.Reply(FlowCards.Question(Question(session), [new Choice(session.Text<OutreachTexts>("Button.Skip"), "skip")], stepToken));

    public override PromptResult<string> Recognize(string answer, ChatSession session)
    {
        var text = answer.Trim();
        if (IsSkip(text))
        {
            return Accept(string.Empty);
        }

        if (text.Length > maxLength)
        {
            return Reject(session.Text<ChatTexts>("Prompt.Text.TooLong", maxLength));
        }

        return validate?.Invoke(text, session) is { } problem ? Reject(problem) : Accept(text);
    }

    public static bool IsSkip(string text) =>
        SkipWords.Contains(text.Normalize(NormalizationForm.FormKC).Trim().TrimEnd('.', '。').ToLowerInvariant())
        || OutreachBot.Domain.Understanding.AnswerWords.Is(text, OutreachBot.Domain.Understanding.ShortAnswer.Skip);
}

/// <summary>
/// The outreach deadline: "next Friday" / "下周五", or the configured default (<c>Outreach:DefaultDeadlineDays</c>) by
/// button or word; answered as ISO 8601 or "" for the default.
/// </summary>
public sealed class DeadlinePrompt(Func<ChatSession, string> question, int defaultDays) : Prompt<string>(question)
{
    private readonly string[] defaultWords =
    [
        "default", "ok", "fine", "默认", "好", "好的", "可以",
        $"{defaultDays}", $"{defaultDays} days", $"in {defaultDays} days", $"{defaultDays}天", $"{defaultDays} 天", $"{defaultDays}天后",
        .. defaultDays == 7 ? new[] { "one week", "a week", "一周", "一周内" } : [],
    ];

    private readonly DateTimePrompt dates = new(question, requireFuture: true, defaultTime: new TimeOnly(18, 0));

    public override void Ask(ChatSession session, string stepToken) =>
        session.Reply(FlowCards.Question(Question(session), [new Choice(session.Text<OutreachTexts>("Button.DefaultDeadline", defaultDays), "default")], stepToken));

    public override PromptResult<string> Recognize(string answer, ChatSession session)
    {
        if (defaultWords.Contains(answer.Normalize(NormalizationForm.FormKC).Trim().TrimEnd('.', '。').ToLowerInvariant()))
        {
            return Accept(string.Empty);
        }

        return dates.Recognize(answer, session) switch
        {
            PromptResult<DateTimeOffset>.Accepted accepted => Accept(accepted.Value.ToString("O", CultureInfo.InvariantCulture)),
            PromptResult<DateTimeOffset>.Rejected rejected => Reject(rejected.Reason),
            _ => throw new InvalidOperationException("Unknown prompt result."),
        };
    }

    public static DateTimeOffset? Read(string answer) =>
        answer.Length == 0 ? null : DateTimeOffset.Parse(answer, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}

/// <summary>A required text answer with suggested answers as buttons (e.g. the two leaders' names); any typed text is accepted.</summary>
public sealed class SuggestingTextPrompt(Func<ChatSession, string> question, Func<ChatSession, IReadOnlyList<string>> suggestions, int maxLength)
    : Prompt<string>(question)
{
    public override void Ask(ChatSession session, string stepToken)
    {
        var suggested = suggestions(session);
        if (suggested.Count == 0)
        {
            session.Reply(Question(session));
            return;
        }

        session.Reply(FlowCards.Question(Question(session), [.. suggested.Select(s => new Choice(s, s))], stepToken));
    }

    public override PromptResult<string> Recognize(string answer, ChatSession session)
    {
        var text = answer.Trim();
        if (text.Length == 0)
        {
            return Reject(session.Text<ChatTexts>("Prompt.Text.Empty"));
        }

        return text.Length > maxLength ? Reject(session.Text<ChatTexts>("Prompt.Text.TooLong", maxLength)) : Accept(text);
    }
}
