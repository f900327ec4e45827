using System.Text.Json;

namespace OutreachBot.Chat.Flows;

/// <summary>
/// A multi-turn conversation: a fixed list of typed steps and what to do with the answers.
/// Its position lives in conversation state, so it survives a restart. Register with <c>services.AddFlow&lt;T&gt;()</c>
/// and start it with <see cref="ChatSession.StartFlowAsync"/>.
/// </summary>
public abstract class ChatFlow
{
    public abstract string Name { get; }

    public abstract IReadOnlyList<FlowStep> Steps { get; }

    /// <summary>How the flow is called in "leave … ?" and "… cancelled".</summary>
    public abstract string Title(ChatSession session);

    public abstract Task CompleteAsync(FlowAnswers answers, ChatSession session, CancellationToken cancellationToken);
}

public sealed class FlowStep
{
    private FlowStep(string key, Action<ChatSession, string> ask, Func<string, ChatSession, (string? Json, string? Problem)> recognize, Func<FlowAnswers, bool>? when)
    {
        Key = key;
        AskAction = ask;
        RecognizeFunc = recognize;
        When = when;
    }

    public string Key { get; }

    /// <summary>The step is skipped when this returns false (e.g. a value already given with the command).</summary>
    public Func<FlowAnswers, bool>? When { get; }

    internal Action<ChatSession, string> AskAction { get; }

    internal Func<string, ChatSession, (string? Json, string? Problem)> RecognizeFunc { get; }

    public static FlowStep Ask<T>(AnswerKey<T> key, Prompt<T> prompt, Func<FlowAnswers, bool>? when = null) =>
        new(
            key.Name,
            prompt.Ask,
            (answer, session) => prompt.Recognize(answer, session) switch
            {
                PromptResult<T>.Accepted accepted => (JsonSerializer.Serialize(accepted.Value, JsonSerializerOptions.Web), null),
                PromptResult<T>.Rejected rejected => (null, rejected.Reason),
                _ => throw new InvalidOperationException("Unknown prompt result."),
            },
            when);
}

public sealed class FlowAnswers(IReadOnlyDictionary<string, string> answers)
{
    /// <summary>The answers of the active flow so far, e.g. to show them in a confirmation question.</summary>
    public static FlowAnswers Current(ChatSession session) =>
        new(session.Conversation.Flow?.Answers ?? new Dictionary<string, string>());

    public bool Has<T>(AnswerKey<T> key) => answers.ContainsKey(key.Name);

    public T Get<T>(AnswerKey<T> key) =>
        answers.TryGetValue(key.Name, out var json)
            ? JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web)!
            : throw new KeyNotFoundException($"The flow has no answer '{key.Name}'.");

    public T? GetOrDefault<T>(AnswerKey<T> key) => Has(key) ? Get(key) : default;

    /// <summary>An answer known before the flow starts, for <see cref="ChatSession.StartFlowAsync"/>.</summary>
    public static KeyValuePair<string, string> Given<T>(AnswerKey<T> key, T value) =>
        new(key.Name, JsonSerializer.Serialize(value, JsonSerializerOptions.Web));
}
