namespace OutreachBot.Domain.Outreaches;

/// <summary>
/// Why an outreach operation did not happen, as a stable <see cref="Code"/> and a <see cref="Message"/> the host renders
/// in the reader's language (keys <c>Outreach.Error.*</c> in OutreachTexts). Nothing is changed when one is returned.
/// </summary>
public abstract record OutreachError(string Code, Phrase Message);

/// <summary>
/// The outreach does not exist, or the requester may not see it. Both cases look the same on purpose,
/// so a forged id from someone else's card learns nothing, not even that the id exists.
/// </summary>
public sealed record OutreachNotFound() : OutreachError("outreach-not-found", new Phrase("Outreach.Error.NotFound"));

/// <summary>The requester can see the outreach but the action is its owner's alone (e.g. changing who it is shared with).</summary>
public sealed record OutreachForbidden() : OutreachError("outreach-forbidden", new Phrase("Outreach.Error.Forbidden"));

public sealed record IllegalStageTransition(string DepartmentId, BilingualText DepartmentName, TargetStage From, TargetStage To) : OutreachError(
    "illegal-stage-transition", Describe(DepartmentName, From, To))
{
    internal static Phrase Describe(BilingualText departmentName, TargetStage from, TargetStage to) => new(
        "Outreach.Error.IllegalMove",
        departmentName,
        from,
        to,
        StageMachine.NextStages(from) is { Count: > 0 } next ? new Phrase("Outreach.Error.IllegalMove.CanMoveTo", next) : new Phrase("Outreach.Error.IllegalMove.Closed"));
}

/// <summary>
/// An outcome for a department nobody has contacted yet: the first contact comes first. The host offers to record it;
/// the message is the stage machine's explanation, for callers that show text only.
/// </summary>
public sealed record OutcomeBeforeContact(string OutreachId, DepartmentRef Department, TargetStage To) : OutreachError(
    "outcome-before-contact", IllegalStageTransition.Describe(Department.Name, TargetStage.Identified, To));

/// <summary>Reopen was asked for a partner (or an outreach, when <see cref="Department"/> is null) that has not ended.</summary>
public sealed record NothingToReopen(DepartmentRef? Department) : OutreachError(
    "nothing-to-reopen",
    Department is { } department
        ? new Phrase("Outreach.Error.NothingToReopen.Partner", department.Name)
        : new Phrase("Outreach.Error.NothingToReopen"));

/// <summary>A department (an id from a card, or the name a user typed) that is not a target of the outreach.</summary>
public sealed record UnknownTarget(string DepartmentId) : OutreachError(
    "unknown-target", new Phrase("Outreach.Error.UnknownTarget", DepartmentId));

public sealed record DuplicateTarget(string DepartmentId, BilingualText? DepartmentName = null) : OutreachError(
    "duplicate-target", new Phrase("Outreach.Error.DuplicateTarget", (object?)DepartmentName ?? DepartmentId));

/// <summary>A value the user gave that cannot be used; <see cref="Field"/> names it for tests and logs.</summary>
public sealed record InvalidOutreachInput(string Field, Phrase Problem) : OutreachError("invalid-input", Problem);

/// <summary>What a limit caps, for <see cref="OutreachLimitReached"/> (rendered from keys <c>OutreachLimit.*</c>).</summary>
public enum OutreachLimit
{
    Colleagues,
    Targets,
    ReferralSteps,
    Contacts,
    StoredSize,
}

/// <summary>A list on the outreach reached its cap, or the stored record would outgrow its storage budget.</summary>
public sealed record OutreachLimitReached(OutreachLimit What, int Limit) : OutreachError(
    "limit-reached", new Phrase("Outreach.Error.LimitReached", What, Limit));

/// <summary>The record kept changing under us; the caller may simply try again.</summary>
public sealed record OutreachBusy() : OutreachError("outreach-busy", new Phrase("Outreach.Error.Busy"));

/// <summary>Either a value or the reason there is none.</summary>
public sealed class OutreachResult<T>
{
    private OutreachResult(T? value, OutreachError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public OutreachError? Error { get; }

    public bool IsSuccess => Error is null;

    public static OutreachResult<T> Success(T value) => new(value, null);

    public static OutreachResult<T> Failure(OutreachError error) => new(default, error);

    public static implicit operator OutreachResult<T>(T value) => Success(value);

    public static implicit operator OutreachResult<T>(OutreachError error) => Failure(error);

    public T GetValueOrThrow() => IsSuccess ? Value! : throw new InvalidOperationException($"{Error!.Code}: {Error.Message}");
}
