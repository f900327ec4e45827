namespace OutreachBot.Features.Shared;

/// <summary>
/// The data of a command button about an outreach and, when given, one of its partners: "reopen" on the pipeline and
/// status cards, a reminder's "open outreach" (status, with the partner as its <paramref name="Args"/>). Declared once so
/// the feature that writes it and the one that reads it agree on the names.
/// </summary>
public sealed record OutreachButton(string? OutreachId = null, string? DepartmentId = null, string? Args = null)
{
    public Dictionary<string, string> Data() => CardActionCodec.Write(this);
}
