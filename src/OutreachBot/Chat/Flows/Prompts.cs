using System.Globalization;
using System.Text;
using Microsoft.Recognizers.Text;

namespace OutreachBot.Chat.Flows;

/// <summary>The typed name of one answer in a flow.</summary>
public sealed record AnswerKey<T>(string Name);

public abstract record PromptResult<T>
{
    private PromptResult()
    {
    }

    public sealed record Accepted(T Value) : PromptResult<T>;

    /// <summary><see cref="Reason"/> is shown to the user before the question is asked again.</summary>
    public sealed record Rejected(string Reason) : PromptResult<T>;
}

/// <summary>A question a flow step asks and the validation of its answer.</summary>
public abstract class Prompt<T>(Func<ChatSession, string> question)
{
    public string Question(ChatSession session) => question(session);

    /// <summary>Puts the question in the outbox: plain text by default, a card with buttons for choices.</summary>
    public virtual void Ask(ChatSession session, string stepToken) => session.Reply(Question(session));

    public abstract PromptResult<T> Recognize(string answer, ChatSession session);

    protected static PromptResult<T> Accept(T value) => new PromptResult<T>.Accepted(value);

    protected static PromptResult<T> Reject(string reason) => new PromptResult<T>.Rejected(reason);
}

public sealed class TextPrompt(Func<ChatSession, string> question, Func<string, ChatSession, string?>? validate = null, int maxLength = 500)
    : Prompt<string>(question)
{
    public override PromptResult<string> Recognize(string answer, ChatSession session)
    {
        var text = answer.Trim();
        if (text.Length == 0)
        {
            return Reject(session.Text<ChatTexts>("Prompt.Text.Empty"));
        }

        if (text.Length > maxLength)
        {
            return Reject(session.Text<ChatTexts>("Prompt.Text.TooLong", maxLength));
        }

        return validate?.Invoke(text, session) is { } problem ? Reject(problem) : Accept(text);
    }
}

public sealed class NumberPrompt(Func<ChatSession, string> question, decimal min = decimal.MinValue, decimal max = decimal.MaxValue)
    : Prompt<decimal>(question)
{
    public override PromptResult<decimal> Recognize(string answer, ChatSession session)
    {
        var text = answer.Normalize(NormalizationForm.FormKC).Trim();
        decimal? value = decimal.TryParse(text, NumberStyles.Number, session.Culture, out var direct) ? direct : null;
        if (value is null)
        {
            var recognized = NumberModels.Recognize(text, session.Language == Language.Chinese ? Culture.Chinese : Culture.English);
            if (recognized.Count == 1
                && recognized[0].Resolution.TryGetValue("value", out var raw)
                && decimal.TryParse(raw?.ToString(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed))
            {
                value = parsed;
            }
        }

        if (value is null)
        {
            return Reject(session.Text<ChatTexts>("Prompt.Number.Invalid"));
        }

        return value < min || value > max
            ? Reject(session.Text<ChatTexts>("Prompt.Number.OutOfRange", min, max))
            : Accept(value.Value);
    }
}

/// <summary>Choices as buttons; the answer may be the button, the number, the value or the title.</summary>
public sealed class ChoicePrompt(Func<ChatSession, string> question, Func<ChatSession, IReadOnlyList<Choice>> choices)
    : Prompt<string>(question)
{
    public override void Ask(ChatSession session, string stepToken) =>
        session.Reply(FlowCards.Question(Question(session), choices(session), stepToken));

    public override PromptResult<string> Recognize(string answer, ChatSession session)
    {
        var options = choices(session);
        var text = answer.Normalize(NormalizationForm.FormKC).Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= options.Count)
        {
            return Accept(options[number - 1].Value);
        }

        var match = options.FirstOrDefault(c =>
            string.Equals(c.Value, text, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Title, text, StringComparison.OrdinalIgnoreCase));
        return match is null
            ? Reject(session.Text<ChatTexts>("Prompt.Choice.Invalid", session.Copy.List(options.Select(o => o.Title).ToList())))
            : Accept(match.Value);
    }
}

public sealed class ConfirmPrompt(Func<ChatSession, string> question) : Prompt<bool>(question)
{
    private static readonly string[] Yes = ["yes", "y", "ok", "sure", "yeah", "是", "是的", "好", "好的", "确认", "对", "嗯", "行", "可以"];
    private static readonly string[] No = ["no", "n", "nope", "否", "不", "不是", "不要", "算了", "不用", "没有"];

    public override void Ask(ChatSession session, string stepToken) =>
        session.Reply(FlowCards.Question(Question(session), YesNo(session), stepToken));

    public override PromptResult<bool> Recognize(string answer, ChatSession session) =>
        Interpret(answer) is { } value ? Accept(value) : Reject(session.Text<ChatTexts>("Prompt.Confirm.Invalid"));

    public static bool? Interpret(string answer)
    {
        var text = answer.Normalize(NormalizationForm.FormKC).Trim().TrimEnd('.', '!', '。', '!').ToLowerInvariant();
        return Yes.Contains(text) ? true : No.Contains(text) ? false : OutreachBot.Domain.Understanding.AnswerWords.YesOrNo(answer);
    }

    public static IReadOnlyList<Choice> YesNo(ChatSession session) =>
        [new(session.Text<ChatTexts>("Prompt.Confirm.Yes"), "yes"), new(session.Text<ChatTexts>("Prompt.Confirm.No"), "no")];
}

/// <summary>
/// A date and time in natural language (zh-cn or en-us, e.g. "next Tuesday 3pm", "下周二下午三点"), read in the
/// user's time zone relative to <see cref="ChatSession.LocalNow"/>, answered as an instant.
/// A date alone means <paramref name="defaultTime"/> that day.
/// </summary>
public sealed class DateTimePrompt(Func<ChatSession, string> question, bool requireFuture = true, TimeOnly? defaultTime = null)
    : Prompt<DateTimeOffset>(question)
{
    private readonly TimeOnly dayDefault = defaultTime ?? new TimeOnly(9, 0);

    public override PromptResult<DateTimeOffset> Recognize(string answer, ChatSession session)
    {
        var now = session.LocalNow;
        var candidates = Candidates(answer, session.Language == Language.Chinese ? Culture.Chinese : Culture.English, now.DateTime, session.TimeZone).ToList();
        if (candidates.Count == 0 && session.Language != Language.Chinese)
        {
            candidates = Candidates(answer, Culture.Chinese, now.DateTime, session.TimeZone).ToList();
        }
        else if (candidates.Count == 0)
        {
            candidates = Candidates(answer, Culture.English, now.DateTime, session.TimeZone).ToList();
        }

        if (candidates.Count == 0)
        {
            return Reject(session.Text<ChatTexts>("Prompt.DateTime.Invalid"));
        }

        var future = candidates.Where(c => c > session.Clock.GetUtcNow()).OrderBy(c => c).ToList();
        if (future.Count > 0)
        {
            return Accept(future[0]);
        }

        return requireFuture ? Reject(session.Text<ChatTexts>("Prompt.DateTime.Past", session.Copy.Value(candidates.Max()))) : Accept(candidates.Max());
    }

    private IEnumerable<DateTimeOffset> Candidates(string text, string culture, DateTime localNow, TimeZoneInfo zone)
    {
        var results = DateTimeModels.Recognize(text.Normalize(NormalizationForm.FormKC), culture, localNow);
        foreach (var result in results)
        {
            if (!result.Resolution.TryGetValue("values", out var raw) || raw is not IEnumerable<Dictionary<string, string>> values)
            {
                continue;
            }

            foreach (var value in values)
            {
                if (!value.TryGetValue("type", out var type) || !value.TryGetValue("value", out var text2))
                {
                    continue;
                }

                DateTime? local = type switch
                {
                    "datetime" => ParseLocal(text2, "yyyy-MM-dd HH:mm:ss"),
                    "date" => ParseLocal(text2, "yyyy-MM-dd") is { } day ? day.Date + dayDefault.ToTimeSpan() : null,
                    "time" => ParseLocal(text2, "HH:mm:ss") is { } time ? localNow.Date + time.TimeOfDay : null,
                    _ => null,
                };
                if (local is { } found)
                {
                    yield return ToInstant(found, zone);
                    if (type == "time")
                    {
                        yield return ToInstant(found.AddDays(1), zone);
                    }
                }
            }
        }
    }

    private static DateTime? ParseLocal(string text, string format) =>
        DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
