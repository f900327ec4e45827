namespace OutreachBot.Domain.Outreaches;

/// <summary>Why an outreach operation did not happen. Nothing is changed when one of these is returned.</summary>
public abstract record OutreachError(string Code, BilingualText Message);

/// <summary>
/// The outreach does not exist, or the requester may not see it. Both cases look the same on purpose,
/// so a forged id from someone else's card learns nothing, not even that the id exists.
/// </summary>
public sealed record OutreachNotFound() : OutreachError(
    "outreach-not-found",
    new("找不到这条拓展记录，或者你没有查看它的权限。", "That outreach does not exist or is not shared with you."));

/// <summary>The requester can see the outreach but the action is its owner's alone (e.g. changing who it is shared with).</summary>
public sealed record OutreachForbidden() : OutreachError(
    "outreach-forbidden",
    new("只有这条拓展的负责人可以这样做。", "Only the owner of this outreach can do that."));

public sealed record IllegalStageTransition(string DepartmentId, BilingualText DepartmentName, TargetStage From, TargetStage To) : OutreachError(
    "illegal-stage-transition", Describe(DepartmentName, From, To))
{
    internal static BilingualText Describe(BilingualText departmentName, TargetStage from, TargetStage to) => new(
        $"「{departmentName.Zh}」目前处于「{StageMachine.Name(from).Zh}」，不能直接变为「{StageMachine.Name(to).Zh}」。{Hint(from).Zh}",
        $"{departmentName.En} is at \"{StageMachine.Name(from).En}\" and cannot move to \"{StageMachine.Name(to).En}\". {Hint(from).En}");

    private static BilingualText Hint(TargetStage from) => StageMachine.NextStages(from) switch
    {
        [] => new("这个部门的沟通已经结束。", "The outreach to this department is closed."),
        var next => new(
            "可以变为：" + string.Join("、", next.Select(s => StageMachine.Name(s).Zh)) + "。",
            "It can move to: " + string.Join(", ", next.Select(s => StageMachine.Name(s).En)) + "."),
    };
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
        ? new($"「{department.NameZh}」还在推进中，不需要重新打开。", $"{department.NameEn} is still open; there is nothing to reopen.")
        : new("这条拓展还在进行中，不需要重新打开。", "This outreach is still open; there is nothing to reopen."));

public sealed record UnknownTarget(string DepartmentId) : OutreachError(
    "unknown-target",
    new($"这条拓展还没有把「{DepartmentId}」列为目标部门，请先添加。", $"{DepartmentId} is not a target of this outreach yet; add it first."));

public sealed record DuplicateTarget(string DepartmentId) : OutreachError(
    "duplicate-target",
    new($"「{DepartmentId}」已经是这条拓展的目标部门了。", $"{DepartmentId} is already a target of this outreach."));

public sealed record InvalidOutreachInput(string Field, BilingualText Problem) : OutreachError("invalid-input", Problem);

/// <summary>A list on the outreach reached its cap, or the stored record would outgrow its storage budget.</summary>
public sealed record OutreachLimitReached(string What, int Limit) : OutreachError(
    "limit-reached",
    new($"已达到上限：{What} 最多 {Limit}。请精简内容，或另建一条拓展记录。", $"Limit reached: at most {Limit} for {What}. Shorten the text or start a new outreach."));

/// <summary>The record kept changing under us; the caller may simply try again.</summary>
public sealed record OutreachBusy() : OutreachError(
    "outreach-busy",
    new("这条记录正被频繁修改，请稍后再试。", "This outreach is being changed by others right now; please try again."));

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

    public T GetValueOrThrow() => IsSuccess ? Value! : throw new InvalidOperationException($"{Error!.Code}: {Error.Message.En}");
}
