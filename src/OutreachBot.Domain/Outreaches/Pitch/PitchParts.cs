namespace OutreachBot.Domain.Outreaches;

/// <summary>
/// A drafted message in one language, as parts the chat layer puts into its templates: who is greeted and how, who
/// we are, how the lead was found, and the three points read as notes (each with the shape that decides its frame).
/// </summary>
/// <param name="GreetingName">The Chinese full name or the English given name; null when nobody is known by name.</param>
/// <param name="Introducer">The colleague who introduced us, when the lead came by referral.</param>
/// <param name="Capability">A short name of what we need, for the question to a veteran and the no-capacity follow-up.</param>
public sealed record PitchParts(
    PitchVariant Variant,
    Language Language,
    string? GreetingName,
    FormOfAddress Form,
    string SenderName,
    string? SenderDepartment,
    PitchOpening Opening,
    string DepartmentName,
    string? Introducer,
    string? MatchedBusiness,
    string Idea,
    PitchNote? Background,
    PitchNote? Support,
    PitchNote? Benefit,
    string? Capability,
    string? Slot);

/// <summary>The draft (null while the three points are not ready) and the hints to improve them.</summary>
public sealed record PitchDraft(PitchParts? Parts, IReadOnlyList<PrepHint> Hints)
{
    public bool IsReady => Parts is not null;
}
