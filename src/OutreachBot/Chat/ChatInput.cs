namespace OutreachBot.Chat;

/// <summary>What the user did this turn, independent of how the channel delivered it.</summary>
public abstract record ChatInput
{
    private ChatInput()
    {
    }

    public sealed record Typed(string Text) : ChatInput;

    public sealed record CardAction(string Verb, IReadOnlyDictionary<string, string> Data, InputSource Source) : ChatInput;
}
