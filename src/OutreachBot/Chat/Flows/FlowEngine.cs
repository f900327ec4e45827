using Microsoft.Extensions.Logging;

namespace OutreachBot.Chat.Flows;

/// <summary>What the router does after the flow engine has seen an input.</summary>
/// <param name="Dispatch">An input to dispatch as a command (null: the flow consumed the input).</param>
/// <param name="ResumeAfter">The command is answered in place: re-ask the flow's open question after it.</param>
public sealed record FlowTurn(ChatInput? Dispatch, bool ResumeAfter = false)
{
    public static FlowTurn Consumed { get; } = new(Dispatch: null);
}

/// <summary>
/// Runs <see cref="ChatFlow"/>s: asks the current step, validates the answer (re-asking with the reason), advances,
/// and handles cancel / help / "leave the current step?" at any step. Answers are never lost: inside a step, a sentence
/// is the answer even when it begins with a command word ("find them a new revenue line", "新建一条收入线"); only a
/// command word alone or an explicit <c>/command</c> is a command. Read-only commands
/// (<see cref="CommandDefinition.AnswersInPlace"/>) are answered in place and the open question asked again; others ask whether to leave, and "no" keeps what was typed as the answer.
/// </summary>
public sealed class FlowEngine(IEnumerable<ChatFlow> registered, CommandParser parser, ILogger<FlowEngine> logger)
{
    private readonly Dictionary<string, ChatFlow> flows = registered.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public bool IsRegistered(string name) => flows.ContainsKey(name);

    /// <param name="given">Answers known before the flow starts (e.g. the text after the command); their steps are skipped by their <c>When</c>.</param>
    public async Task StartAsync(string flowName, ChatSession session, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string>>? given = null)
    {
        var flow = flows.GetValueOrDefault(flowName) ?? throw new InvalidOperationException($"No flow named '{flowName}' is registered.");
        var position = new FlowPosition { FlowName = flowName, Step = -1, Answers = new(given ?? []) };
        session.Conversation.Flow = position;
        await AdvanceAsync(flow, position, session, cancellationToken);
    }

    /// <summary>
    /// Feeds the input to the active flow. Returns an input to dispatch as a command when the user chose to leave
    /// the flow for it, or asked for a read-only command (then <see cref="FlowTurn.ResumeAfter"/>: the router calls
    /// <see cref="Resume"/> after it); otherwise nothing to dispatch (the flow consumed the input).
    /// </summary>
    public async Task<FlowTurn> ContinueAsync(ChatInput input, ChatSession session, CancellationToken cancellationToken)
    {
        var position = session.Conversation.Flow!;
        if (!flows.TryGetValue(position.FlowName, out var flow) || position.Step < 0 || position.Step >= flow.Steps.Count)
        {
            logger.LogWarning("Dropping the unknown or finished flow {Flow} at step {Step}", position.FlowName, position.Step);
            session.Conversation.Flow = null;
            return new FlowTurn(input);
        }

        if (position.Interruption is { } pending)
        {
            return new FlowTurn(await AnswerLeaveQuestionAsync(input, flow, position, pending, session, cancellationToken));
        }

        switch (input)
        {
            case ChatInput.CardAction { Verb: FlowCards.AnswerVerb } action:
                if (!action.Data.TryGetValue(FlowCards.StepKey, out var token) || token != StepToken(position, session))
                {
                    session.Reply(session.Text<ChatTexts>("Flow.StaleButton"));
                    Ask(flow, position, session);
                    return FlowTurn.Consumed;
                }

                await AnswerAsync(flow, position, action.Data.GetValueOrDefault(FlowCards.AnswerKey) ?? "", session, cancellationToken);
                return FlowTurn.Consumed;

            case ChatInput.CardAction { Verb: FlowCards.LeaveVerb }:
                session.Reply(session.Text<ChatTexts>("Flow.StaleButton"));
                Ask(flow, position, session);
                return FlowTurn.Consumed;

            case ChatInput.CardAction action when action.Verb == CoreCommandSet.Cancel.Name:
                Cancel(flow, session);
                return FlowTurn.Consumed;

            case ChatInput.CardAction action when action.Verb == CoreCommandSet.Help.Name:
                Help(flow, position, session);
                return FlowTurn.Consumed;

            case ChatInput.CardAction action:
                AskToLeave(position, new PendingInput { Verb = action.Verb, Data = new(action.Data) }, flow, session);
                return FlowTurn.Consumed;

            case ChatInput.Typed typed:
                var parsed = parser.Parse(typed.Text, strict: true);
                var explicitCommand = parsed is ParsedText.Command { Arguments.Length: 0 } || IsSlashed(typed.Text);
                switch (parsed)
                {
                    case ParsedText.Command when !explicitCommand:
                        // "find them a new revenue line", "status of the rollout is unclear": a sentence, so the answer.
                        await AnswerAsync(flow, position, typed.Text, session, cancellationToken);
                        return FlowTurn.Consumed;
                    case ParsedText.Command { Definition: var definition } when definition == CoreCommandSet.Cancel:
                        Cancel(flow, session);
                        return FlowTurn.Consumed;
                    case ParsedText.Command { Definition: var definition } when definition == CoreCommandSet.Help:
                        Help(flow, position, session);
                        return FlowTurn.Consumed;
                    case ParsedText.Command { Definition.AnswersInPlace: true }:
                        return new FlowTurn(input, ResumeAfter: true);
                    case ParsedText.Command:
                        AskToLeave(position, new PendingInput { Text = typed.Text }, flow, session);
                        return FlowTurn.Consumed;
                    default:
                        await AnswerAsync(flow, position, typed.Text, session, cancellationToken);
                        return FlowTurn.Consumed;
                }

            default:
                throw new InvalidOperationException($"Unknown input {input.GetType().Name}.");
        }
    }

    /// <summary>Asks the open question of the active flow again (after a command answered in place).</summary>
    public void Resume(ChatSession session)
    {
        if (session.Conversation.Flow is { Interruption: null } position
            && flows.TryGetValue(position.FlowName, out var flow)
            && position.Step >= 0 && position.Step < flow.Steps.Count)
        {
            Ask(flow, position, session);
        }
    }

    private static bool IsSlashed(string text)
    {
        var trimmed = text.Normalize(System.Text.NormalizationForm.FormKC).TrimStart();
        return trimmed.StartsWith('/');
    }

    private async Task<ChatInput?> AnswerLeaveQuestionAsync(
        ChatInput input, ChatFlow flow, FlowPosition position, PendingInput pending, ChatSession session, CancellationToken cancellationToken)
    {
        var answer = input switch
        {
            ChatInput.CardAction { Verb: FlowCards.LeaveVerb } action => ConfirmPrompt.Interpret(action.Data.GetValueOrDefault(FlowCards.AnswerKey) ?? ""),
            ChatInput.Typed typed => ConfirmPrompt.Interpret(typed.Text),
            _ => null,
        };
        if (answer is null && input is ChatInput.Typed text && parser.IsCommand(text.Text, CoreCommandSet.Cancel))
        {
            Cancel(flow, session);
            return null;
        }

        switch (answer)
        {
            case true:
                session.Conversation.Flow = null;
                session.Reply(session.Text<ChatTexts>("Flow.Left", flow.Title(session)));
                return pending.Text is { } typedText
                    ? new ChatInput.Typed(typedText)
                    : new ChatInput.CardAction(pending.Verb!, pending.Data, InputSource.CardSubmit);
            case false when pending.Text is { } stayedWith:
                // "No, stay": what was typed is the answer to the open question, not lost.
                position.Interruption = null;
                await AnswerAsync(flow, position, stayedWith.Normalize(System.Text.NormalizationForm.FormKC).Trim().TrimStart('/').Trim(), session, cancellationToken);
                return null;
            case false:
                position.Interruption = null;
                Ask(flow, position, session);
                return null;
            default:
                AskLeaveQuestion(flow, position, session);
                return null;
        }
    }

    private static void AskToLeave(FlowPosition position, PendingInput pending, ChatFlow flow, ChatSession session)
    {
        position.Interruption = pending;
        AskLeaveQuestion(flow, position, session);
    }

    private static void AskLeaveQuestion(ChatFlow flow, FlowPosition position, ChatSession session) =>
        session.Reply(FlowCards.Question(
            session.Text<ChatTexts>("Flow.LeaveQuestion", flow.Title(session)),
            ConfirmPrompt.YesNo(session),
            StepToken(position, session),
            FlowCards.LeaveVerb));

    private static void Cancel(ChatFlow flow, ChatSession session)
    {
        session.Conversation.Flow = null;
        session.Reply(session.Text<ChatTexts>("Flow.Cancelled", flow.Title(session)));
    }

    private static void Help(ChatFlow flow, FlowPosition position, ChatSession session)
    {
        session.Reply(session.Text<ChatTexts>("Flow.Help", flow.Title(session), position.Step + 1, flow.Steps.Count));
        Ask(flow, position, session);
    }

    private async Task AnswerAsync(ChatFlow flow, FlowPosition position, string answer, ChatSession session, CancellationToken cancellationToken)
    {
        var step = flow.Steps[position.Step];
        var (json, problem) = step.RecognizeFunc(answer, session);
        if (json is null)
        {
            session.Reply(problem!);
            Ask(flow, position, session);
            return;
        }

        position.Answers[step.Key] = json;
        await AdvanceAsync(flow, position, session, cancellationToken);
    }

    private async Task AdvanceAsync(ChatFlow flow, FlowPosition position, ChatSession session, CancellationToken cancellationToken)
    {
        var answers = new FlowAnswers(position.Answers);
        do
        {
            position.Step++;
        }
        while (position.Step < flow.Steps.Count && flow.Steps[position.Step].When is { } when && !when(answers));

        if (position.Step < flow.Steps.Count)
        {
            Ask(flow, position, session);
            return;
        }

        session.Conversation.Flow = null;
        logger.LogInformation("Flow {Flow} completed for {User}", flow.Name, session.User);
        await flow.CompleteAsync(answers, session, cancellationToken);
    }

    private static void Ask(ChatFlow flow, FlowPosition position, ChatSession session) =>
        flow.Steps[position.Step].AskAction(session, StepToken(position, session));

    private static string StepToken(FlowPosition position, ChatSession session) => FlowCards.StepToken(position.FlowName, position.Step, session.User);
}
