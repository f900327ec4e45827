namespace OutreachBot.Chat.Cards;

/// <summary>
/// The one place that builds card actions. Every button is an Action.Execute with an Action.Submit fallback
/// carrying the same data, so Teams (invoke) and other hosts (message with value) reach the same handler.
/// </summary>
public static class CardActions
{
    public const string VerbKey = "verb";
    public const string ArgumentsKey = "args";

    /// <summary>Runs a chat command, exactly as if the user had typed <c>command args</c>.</summary>
    public static ExecuteAction Command(string title, string command, string? arguments = null) =>
        Verb(title, command, arguments is null ? null : new Dictionary<string, string> { [ArgumentsKey] = arguments });

    /// <summary>A feature-specific action, handled by the <c>ICardActionHandler</c> registered for <paramref name="verb"/>.</summary>
    public static ExecuteAction Verb(string title, string verb, IReadOnlyDictionary<string, string>? data = null)
    {
        var payload = new Dictionary<string, string>(data ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [VerbKey] = verb,
        };
        return new ExecuteAction(title, verb, payload, new SubmitAction(title, payload));
    }

    /// <summary>A typed card action, handled by the handler registered for its verb (<c>AddCardAction&lt;TAction, THandler&gt;()</c>).</summary>
    public static ExecuteAction Verb<TAction>(string title, TAction action)
        where TAction : ICardAction =>
        Verb(title, TAction.Verb, CardActionCodec.Write(action));

    public static OpenUrlAction OpenUrl(string title, Uri url) => new(title, url);

    public static ShowCardAction ShowCard(string title, AdaptiveCard card) => new(title, card);
}
