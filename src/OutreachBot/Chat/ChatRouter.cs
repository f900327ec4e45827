using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OutreachBot.Chat.Flows;
using OutreachBot.Chat.Understanding;

namespace OutreachBot.Chat;

/// <summary>
/// Decides who handles an input: the active flow, a command handler, a card-action handler, or help.
/// Text, Action.Submit and Action.Execute all arrive here as <see cref="ChatInput"/>.
/// </summary>
public sealed class ChatRouter(
    IEnumerable<CommandRegistration> commandRegistrations,
    CommandCatalog catalog,
    CommandParser parser,
    IEnumerable<CardActionRegistration> actionRegistrations,
    IServiceProvider services,
    IEnumerable<IFreeTextHandler> freeTextHandlers,
    FlowEngine flows,
    IEnumerable<INaturalLanguage> naturalLanguage,
    ILogger<ChatRouter> logger)
{
    private readonly Dictionary<string, Type> commands = Index(commandRegistrations, r => r.Command.Name, r => r.HandlerType);
    private readonly Dictionary<string, Type> actions = Index(actionRegistrations, r => r.Verb, r => r.HandlerType);

    public async Task RouteAsync(ChatInput input, ChatSession session, CancellationToken cancellationToken)
    {
        input = Bounded(input, session);
        input = PickNumberedChoice(input, session);
        if (input is ChatInput.CardAction { Verb: FlowCards.AnswerVerb or FlowCards.LeaveVerb } pressed
            && FlowCards.IsSomeoneElses(pressed.Data.GetValueOrDefault(FlowCards.StepKey), session.User))
        {
            // A question asked of another member of a group chat or channel: it answers their flow, never the presser's.
            session.Reply(session.Text<ChatTexts>("Flow.NotYourQuestion"));
            return;
        }

        if (session.Conversation.Flow is not null)
        {
            var turn = await flows.ContinueAsync(input, session, cancellationToken);
            if (turn.Dispatch is null)
            {
                return;
            }

            await DispatchAsync(turn.Dispatch, session, cancellationToken);
            if (turn.ResumeAfter)
            {
                flows.Resume(session);
            }

            return;
        }

        await DispatchAsync(input, session, cancellationToken);
    }

    private async Task DispatchAsync(ChatInput input, ChatSession session, CancellationToken cancellationToken)
    {
        switch (input)
        {
            case ChatInput.Typed typed:
                switch (parser.Parse(typed.Text))
                {
                    case ParsedText.Command command:
                        await RunCommandAsync(new CommandRequest(command.Definition, command.Arguments, new Dictionary<string, string>(), InputSource.Text), session, cancellationToken);
                        break;
                    case ParsedText.Unknown unknown when await TryFreeTextAsync(unknown.Text, session, cancellationToken):
                        break;
                    case ParsedText.Unknown unknown when await TryNaturalRequestAsync(unknown.Text, session, cancellationToken):
                        break;
                    case ParsedText.Unknown unknown:
                        var arguments = unknown.Suggestion is null ? "" : (unknown.Text.Split(' ', 2) is [_, var rest] ? rest : "");
                        session.Reply(ChatCards.ShortHelp(session.Culture, unknown.Suggestion, arguments, catalog.Shortcuts(ShortcutOn.NotUnderstood)));
                        break;
                }

                break;

            case ChatInput.CardAction { Verb: FlowCards.AnswerVerb or FlowCards.LeaveVerb }:
                session.Reply(session.Text<ChatTexts>("Flow.StaleButton"));
                break;

            case ChatInput.CardAction action when catalog.ByName(action.Verb) is { } definition:
                var args = action.Data.GetValueOrDefault(Cards.CardActions.ArgumentsKey) ?? "";
                await RunCommandAsync(new CommandRequest(definition, args.Trim(), action.Data, action.Source), session, cancellationToken);
                break;

            case ChatInput.CardAction action when actions.TryGetValue(action.Verb, out var handlerType):
                var handler = (ICardActionHandler)services.GetRequiredService(handlerType);
                await handler.HandleAsync(new CardActionRequest(action.Verb, action.Data, action.Source), session, cancellationToken);
                break;

            case ChatInput.CardAction action:
                throw new MalformedCardActionException($"No handler for the verb '{action.Verb}'.");
        }
    }

    private async Task<bool> TryFreeTextAsync(string text, ChatSession session, CancellationToken cancellationToken)
    {
        foreach (var handler in freeTextHandlers)
        {
            if (await handler.TryHandleAsync(text, session, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A sentence in the user's own words: run the command it asks for, greet back, or ask one question.</summary>
    private async Task<bool> TryNaturalRequestAsync(string text, ChatSession session, CancellationToken cancellationToken)
    {
        if (naturalLanguage.FirstOrDefault() is not { } reader)
        {
            return false;
        }

        var read = reader.Read(text, session);
        logger.LogDebug("Natural request read as {Intent} ({Confidence})", read.Intent, read.Confidence);
        switch (NaturalRequests.Decide(read, catalog, session))
        {
            case NaturalAnswer.Run run:
                await RunCommandAsync(new CommandRequest(run.Command, run.Arguments, new Dictionary<string, string>(), InputSource.Text), session, cancellationToken);
                return true;
            case NaturalAnswer.Greet greet:
                session.Reply(ChatCards.Greeting(session.Culture, greet.Thanks, catalog.Shortcuts(ShortcutOn.WelcomeAndHelp)));
                return true;
            case NaturalAnswer.Ask ask:
                session.Reply(ChatCards.DidYouMean(session.Culture, ask.Options));
                return true;
            default:
                return false;
        }
    }

    private async Task RunCommandAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        // The catalog is built from the same registrations, so every parsed command has a handler.
        var handler = (ICommandHandler)services.GetRequiredService(commands[request.Command.Name]);
        logger.LogDebug("Command {Command} from {Source}", request.Command.Name, request.Source);
        await handler.HandleAsync(request, session, cancellationToken);
    }

    /// <summary>Long input cut before any work (see <see cref="InputLimits"/>), and the user told so.</summary>
    private static ChatInput Bounded(ChatInput input, ChatSession session)
    {
        switch (input)
        {
            case ChatInput.Typed typed when typed.Text.Length > InputLimits.MaxTypedCharacters:
                session.Reply(session.Text<ChatTexts>("Input.Cut", InputLimits.MaxTypedCharacters));
                return typed with { Text = InputLimits.Cut(typed.Text, InputLimits.MaxTypedCharacters) };
            case ChatInput.CardAction action when action.Data.Values.Any(v => v is not null && v.Length > InputLimits.MaxFieldCharacters):
                session.Reply(session.Text<ChatTexts>("Input.Cut", InputLimits.MaxFieldCharacters));
                return action with { Data = action.Data.ToDictionary(p => p.Key, p => p.Value is null ? p.Value! : InputLimits.Cut(p.Value, InputLimits.MaxFieldCharacters), StringComparer.Ordinal) };
            default:
                return input;
        }
    }

    private static ChatInput PickNumberedChoice(ChatInput input, ChatSession session)
    {
        var choices = session.Conversation.Choices;
        session.Conversation.Choices = [];
        if (input is ChatInput.Typed typed
            && int.TryParse(CommandParser.Normalize(typed.Text), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && choices.FirstOrDefault(c => c.Number == number) is { } choice)
        {
            return new ChatInput.CardAction(choice.Verb, choice.Data, InputSource.Text);
        }

        return input;
    }

    private static Dictionary<string, Type> Index<T>(IEnumerable<T> registrations, Func<T, string> key, Func<T, Type> type)
    {
        var index = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            if (!index.TryAdd(key(registration), type(registration)))
            {
                throw new InvalidOperationException($"Two handlers are registered for '{key(registration)}'.");
            }
        }

        return index;
    }
}
