namespace OutreachBot.Chat;

/// <summary>
/// How much of one input the bot reads: typed text and each card field are cut to these lengths at the router, before
/// parsing, search or drafting, so a 20,000-character message costs what a long sentence costs and nothing a user wrote
/// can blow a card past Teams' size limit. The user is told when their input was cut.
/// </summary>
public static class InputLimits
{
    /// <summary>A message: far more than any command, answer or point of the three points needs.</summary>
    public const int MaxTypedCharacters = 2_000;

    /// <summary>One field of a card (e.g. the drafted message the user edited before sending).</summary>
    public const int MaxFieldCharacters = 4_000;

    /// <summary>The first <paramref name="max"/> characters, never splitting a surrogate pair.</summary>
    public static string Cut(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        return text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];
    }
}
