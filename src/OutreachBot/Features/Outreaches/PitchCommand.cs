using OutreachBot.Chat.Flows;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Outreaches;

/// <summary>
/// <c>pitch [department]</c> / <c>话术 [部门]</c>: the message for the current outreach and department, ready to copy,
/// with "I sent it" and "Edit". A department that is not a target yet is added first, and any collision is shown
/// before the message.
/// </summary>
public sealed class PitchCommand(OutreachService outreaches, OutreachRenderer renderer, PitchPresenter pitches) : ICommandHandler
{
    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var named = request.Arguments;
        var department = renderer.FindDepartment(named) is { } found ? OutreachRenderer.Ref(found) : null;

        var chosen = await outreaches.ChoosePitchTargetAsync(RequesterResolver.Resolve(session), named, department, cancellationToken);

        if (renderer.ValueOrReplyError(session, chosen) is not { } choice)
        {
            return;
        }

        switch (choice)
        {
            case PitchChoice.NoOpenOutreach:
                session.Reply(session.Text<OutreachTexts>("Pitch.NoOutreach"));
                break;
            case PitchChoice.NoTargetYet none:
                session.Reply(session.Text<OutreachTexts>("Pitch.NoTarget", none.ProductIdea));
                break;
            case PitchChoice.UnknownDepartment:
                session.Reply(session.Text<OutreachTexts>("Pitch.UnknownDepartment", named));
                break;
            case PitchChoice.Ready ready:
                await pitches.ShowAsync(session, ready.Outreach, ready.Target, ready.Warnings, null, cancellationToken);
                break;
        }
    }
}

/// <summary>The same lead's other message — to the head, or to a veteran first.</summary>
public sealed class ShowPitchAction(OutreachService outreaches, OutreachRenderer renderer, PitchPresenter pitches) : CardActionHandler<ShowPitch>
{
    public override async Task HandleAsync(ShowPitch action, ChatSession session, CancellationToken cancellationToken)
    {
        var variant = action.ChosenVariant();

        if (await renderer.FindTargetAsync(outreaches, session, action.OutreachId, action.DepartmentId, cancellationToken) is not { } found)
        {
            return;
        }

        await pitches.ShowAsync(session, found.Outreach, found.Target, [], variant, cancellationToken);
    }
}

/// <summary>
/// Offered where cards cannot hold an input: asks for the message as the user will send it and records that as what
/// was sent.
/// </summary>
public sealed class EditPitchAction(OutreachService outreaches, OutreachRenderer renderer) : CardActionHandler<EditPitch>
{
    public override async Task HandleAsync(EditPitch action, ChatSession session, CancellationToken cancellationToken)
    {
        var route = Routes.Parse(action.Route);

        if (await renderer.FindTargetAsync(outreaches, session, action.OutreachId, action.DepartmentId, cancellationToken) is not { } found)
        {
            return;
        }

        await session.StartFlowAsync(
            PitchEditFlow.FlowName,
            cancellationToken,
            TargetAnswers.Of(
                found.Outreach,
                found.Target,
                session,
                FlowAnswers.Given(PitchEditFlow.Route, (route ?? found.Target.Route ?? LeadRoute.OrgChart).ToString()),
                FlowAnswers.Given(PitchEditFlow.Person, action.DefaultPerson ?? string.Empty)));
    }
}

/// <summary>Asks what we need from this department, for its pitch.</summary>
public sealed class ChangePitchSupportAction(OutreachService outreaches, OutreachRenderer renderer) : CardActionHandler<ChangePitchSupport>
{
    public override async Task HandleAsync(ChangePitchSupport action, ChatSession session, CancellationToken cancellationToken)
    {
        if (await renderer.FindTargetAsync(outreaches, session, action.OutreachId, action.DepartmentId, cancellationToken) is not { } found)
        {
            return;
        }

        await session.StartFlowAsync(
            PitchSupportFlow.FlowName,
            cancellationToken,
            TargetAnswers.Of(found.Outreach, found.Target, session, FlowAnswers.Given(PitchSupportFlow.Current, PitchSupport.For(found.Outreach, found.Target) ?? string.Empty)));
    }
}

/// <summary>The message as the user sends it (typed or pasted), recorded as the contact's message.</summary>
public sealed class PitchEditFlow(OutreachService outreaches, OutreachRenderer renderer) : ChatFlow
{
    public const string FlowName = "pitchEdit";

    public static readonly AnswerKey<string> Route = new("route");
    public static readonly AnswerKey<string> Person = new("person");
    public static readonly AnswerKey<string> Message = new("message");

    public override string Name => FlowName;

    public override IReadOnlyList<FlowStep> Steps =>
    [
        FlowStep.Ask(Message, new TextPrompt(s => s.Text<PitchTexts>("Edit.Ask", FlowAnswers.Current(s).Get(TargetAnswers.DepartmentName)), maxLength: OutreachLimits.MaxMessageLength)),
    ];

    public override string Title(ChatSession session) => session.Text<PitchTexts>("Edit.Title");

    public override async Task CompleteAsync(FlowAnswers answers, ChatSession session, CancellationToken cancellationToken)
    {
        var departmentId = answers.Get(TargetAnswers.DepartmentId);
        var person = answers.Get(Person) is { Length: > 0 } given ? given : renderer.HeadName(departmentId, session) ?? session.Text<OutreachTexts>("Contact.UnknownPerson");

        var recorded = await outreaches.RecordContactAsync(
            RequesterResolver.Resolve(session),
            answers.Get(TargetAnswers.OutreachId),
            new NewContact(departmentId, null, person, Routes.Parse(answers.Get(Route)), answers.Get(Message)),
            cancellationToken);

        ContactReply.Show(session, renderer, recorded);
    }
}

/// <summary>What we ask one department for: its own wording, or back to the outreach's ("default" / "默认").</summary>
public sealed class PitchSupportFlow(OutreachService outreaches, OutreachRenderer renderer, PitchPresenter pitches) : ChatFlow
{
    public const string FlowName = "pitchSupport";

    public static readonly AnswerKey<string> Current = new("current");
    public static readonly AnswerKey<string> Support = new("support");

    public override string Name => FlowName;

    public override IReadOnlyList<FlowStep> Steps =>
    [
        FlowStep.Ask(Support, new TextPrompt(Question, Check, OutreachLimits.MaxPrepPointLength)),
    ];

    public override string Title(ChatSession session) => session.Text<PitchTexts>("Support.Title");

    public override async Task CompleteAsync(FlowAnswers answers, ChatSession session, CancellationToken cancellationToken)
    {
        var answer = answers.Get(Support);
        var requester = RequesterResolver.Resolve(session);

        var changed = await outreaches.ChangeTargetSupportAsync(
            requester, answers.Get(TargetAnswers.OutreachId), answers.Get(TargetAnswers.DepartmentId), IsDefault(answer, session) ? null : answer, cancellationToken);

        if (renderer.ValueOrReplyError(session, changed) is not { } change)
        {
            return;
        }

        var (outreach, target) = (change.Outreach, change.Target);
        await pitches.ShowAsync(session, outreach, target, [], PitchVariant.FirstContact, cancellationToken);
    }

    private static string Question(ChatSession session)
    {
        var answers = FlowAnswers.Current(session);
        var current = answers.Get(Current);
        return current.Length > 0
            ? session.Text<PitchTexts>("Support.Ask", answers.Get(TargetAnswers.DepartmentName), current)
            : session.Text<PitchTexts>("Support.AskEmpty", answers.Get(TargetAnswers.DepartmentName));
    }

    /// <summary>Too thin to understand goes back at once, as for the three points.</summary>
    private static string? Check(string text, ChatSession session)
    {
        if (IsDefault(text, session))
        {
            return null;
        }

        var hint = PrepValidator.Validate(new StageOnePrep(SupportNeeded: text)).FirstOrDefault(h => h.Point == PrepPoint.SupportNeeded && h.Severity == HintSeverity.Missing);
        return hint is null ? null : session.Say(hint.Text);
    }

    private static bool IsDefault(string text, ChatSession session) =>
        session.Text<PitchTexts>("Support.DefaultWords").Split('|').Concat(["default", "默认"])
            .Any(w => string.Equals(w.Trim(), text.Trim().Trim('“', '”', '"', '。', '.'), StringComparison.OrdinalIgnoreCase));
}
