namespace OutreachBot.Chat;

/// <summary>
/// One user's state in one conversation, kept beside the user's profile by UserStateStore (keyed by user, channel and
/// conversation; plain settable properties, serialized as JSON). In a group
/// chat or channel each member has their own flow, pending question and numbered choices. Survives restarts.
/// </summary>
public sealed class ConversationData
{
    public FlowPosition? Flow { get; set; }

    /// <summary>Buttons shown as numbered text on a channel without cards; valid for the next message only.</summary>
    public List<NumberedChoice> Choices { get; set; } = [];
}

public sealed class FlowPosition
{
    public string FlowName { get; set; } = "";

    public int Step { get; set; }

    /// <summary>Answers so far, each as JSON of the prompt's value type.</summary>
    public Dictionary<string, string> Answers { get; set; } = [];

    /// <summary>A command that arrived mid-flow, waiting for "leave the current step?" to be answered.</summary>
    public PendingInput? Interruption { get; set; }
}

public sealed class PendingInput
{
    public string? Text { get; set; }

    public string? Verb { get; set; }

    public Dictionary<string, string> Data { get; set; } = [];
}

public sealed class NumberedChoice
{
    public int Number { get; set; }

    public string Verb { get; set; } = "";

    public Dictionary<string, string> Data { get; set; } = [];
}
