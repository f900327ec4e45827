using System.Text.Json.Serialization;

namespace OutreachBot.Features.StageTwo;

/// <summary>"Switch outreach": lists the user's outreaches, each with a "Work on this" button.</summary>
public sealed record SwitchOutreach : ICardAction
{
    public static string Verb => "stage2.switch";
}

/// <summary>"Work on this" outreach: remembered for the stage-2 commands.</summary>
public sealed record FocusOutreach([property: JsonPropertyName("outreach")] string OutreachId) : ICardAction
{
    public static string Verb => "stage2.focus";
}

/// <summary>
/// A partner's stage-2 button: remembers the outreach and partner, then runs <paramref name="Command"/> (market, bids or
/// brief; none: brief) with <paramref name="Args"/>.
/// </summary>
public sealed record ChoosePartner(
    [property: JsonPropertyName("outreach")] string OutreachId,
    [property: JsonPropertyName("department")] string DepartmentId,
    string? Command = null,
    string? Args = null) : ICardAction
{
    public static string Verb => "stage2.partner";
}
