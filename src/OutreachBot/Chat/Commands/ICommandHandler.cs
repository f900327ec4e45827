namespace OutreachBot.Chat.Commands;

/// <summary>
/// Handles one command, however it arrives: typed text, an Action.Submit, or an Action.Execute invoke whose verb is the
/// command's name. Register with <c>services.AddCommand&lt;T&gt;(definition)</c>, the definition declared by the same
/// feature (<see cref="CommandDefinition{TTexts}"/>).
/// </summary>
public interface ICommandHandler
{
    Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken);
}

/// <summary>
/// Handles a card button whose verb is not a command name (e.g. "recordOutcome"); most derive from
/// <c>CardActionHandler&lt;TAction&gt;</c> and receive the button's typed data.
/// Register with <c>services.AddCardAction&lt;TAction, THandler&gt;()</c>.
/// </summary>
public interface ICardActionHandler
{
    Task HandleAsync(CardActionRequest request, ChatSession session, CancellationToken cancellationToken);
}

/// <summary>
/// Looks at typed text that is not a command before the bot answers with help, e.g. a whole sentence such as
/// "下周二下午三点提醒我联系李雷". Returns false to let the next handler (or help) have it.
/// Register with <c>services.AddFreeTextHandler&lt;T&gt;()</c>.
/// </summary>
public interface IFreeTextHandler
{
    Task<bool> TryHandleAsync(string text, ChatSession session, CancellationToken cancellationToken);
}

public enum InputSource
{
    Text,
    CardSubmit,
    CardExecute,
}

/// <param name="Arguments">The text after the command word, or the card's "args" value.</param>
/// <param name="Data">The card's data (empty for typed text).</param>
public sealed record CommandRequest(CommandDefinition Command, string Arguments, IReadOnlyDictionary<string, string> Data, InputSource Source);

public sealed record CardActionRequest(string Verb, IReadOnlyDictionary<string, string> Data, InputSource Source)
{
    /// <summary>A required data field; a missing one is a malformed action (answered with a 400-class invoke response).</summary>
    public string Required(string key) =>
        Data.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new MalformedCardActionException($"'{Verb}' needs '{key}'.");
}

/// <summary>A card action's payload is not what its handler expects: the user pressed a stale or forged button.</summary>
public sealed class MalformedCardActionException(string message) : Exception(message);

/// <summary>Which handler type serves a command; one per <c>AddCommand</c> call.</summary>
public sealed record CommandRegistration(CommandDefinition Command, Type HandlerType);

/// <summary>Which handler type serves a card-action verb; one per <c>AddCardAction</c> call.</summary>
public sealed record CardActionRegistration(string Verb, Type HandlerType);
