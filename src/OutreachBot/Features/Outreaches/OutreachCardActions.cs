using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Outreaches;

/// <summary>
/// Adds a department to an outreach (the given one, else the user's open one), sent by the finder's result cards and by
/// a refusal's alternatives. <paramref name="Route"/> is how the lead was found (a <see cref="Routes"/> name);
/// <paramref name="Query"/> the search that found it.
/// </summary>
public sealed record TargetDepartment(string DepartmentId, string? Route = null, string? OutreachId = null, string? Query = null) : ICardAction
{
    public static string Verb => "targetDepartment";
}

/// <summary>
/// "I sent it": the contact with a partner. <paramref name="Person"/> and <paramref name="Message"/> are the card's
/// inputs (as sent); <paramref name="DefaultPerson"/> is who the card proposed.
/// </summary>
public sealed record RecordContact(
    string OutreachId, string DepartmentId, string? Route = null, string? Person = null, string? DefaultPerson = null, string? Message = null) : ICardAction
{
    public static string Verb => "recordContact";
}

/// <summary>
/// An outcome button: <paramref name="Outcome"/> is an <see cref="OutcomeWords"/> code; a refusal may carry a
/// <paramref name="Reason"/> (the card's picker), a drop a <paramref name="Note"/>.
/// </summary>
public sealed record RecordOutcome(string OutreachId, string DepartmentId, string Outcome, string? Reason = null, string? Note = null) : ICardAction
{
    public static string Verb => "recordOutcome";
}

/// <summary>An outcome named for a department on no outreach yet: adds it to the user's open outreach, then records the outcome.</summary>
public sealed record AddTargetWithOutcome(string DepartmentId, string Outcome, string? Reason = null) : ICardAction
{
    public static string Verb => "addTargetWithOutcome";
}

/// <summary>"Book the meeting" with a partner that is interested or wants to expand.</summary>
public sealed record BookMeeting(string OutreachId, string DepartmentId) : ICardAction
{
    public static string Verb => "bookMeeting";
}

/// <summary>"Edit the three points" of an outreach.</summary>
public sealed record EditPrep(string OutreachId) : ICardAction
{
    public static string Verb => "editPrep";
}

/// <summary>The same lead's other message: <paramref name="Variant"/> is <c>first</c> (to the head) or <c>pointer</c> (to a veteran first).</summary>
public sealed record ShowPitch(string OutreachId, string DepartmentId, string Variant) : ICardAction
{
    public static string Verb => "showPitch";

    private const string FirstContact = "first";
    private const string AskForPointer = "pointer";

    public static ShowPitch Of(string outreachId, string departmentId, PitchVariant variant) =>
        new(outreachId, departmentId, variant == PitchVariant.AskForPointer ? AskForPointer : FirstContact);

    public PitchVariant ChosenVariant() => Variant switch
    {
        FirstContact => PitchVariant.FirstContact,
        AskForPointer => PitchVariant.AskForPointer,
        _ => throw new MalformedCardActionException($"'{Verb}' needs a variant ({FirstContact} or {AskForPointer}), not '{Variant}'."),
    };
}

/// <summary>On channels without cards: asks for the message as the user will send it, and records it as sent.</summary>
public sealed record EditPitch(string OutreachId, string DepartmentId, string? Route = null, string? DefaultPerson = null) : ICardAction
{
    public static string Verb => "editPitch";
}

/// <summary>Asks what we need from this department, for its pitch.</summary>
public sealed record ChangePitchSupport(string OutreachId, string DepartmentId) : ICardAction
{
    public static string Verb => "changePitchSupport";
}
