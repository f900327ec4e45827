using Microsoft.Extensions.Options;
using OutreachBot.Chat.Flows;
using OutreachBot.Domain.Outreaches;
using LeadRoute = OutreachBot.Domain.Outreaches.LeadRoute;

namespace OutreachBot.Features.Outreaches;

/// <summary>The three stage-1 points as flow steps, each checked by <see cref="PrepValidator"/> as it is answered.</summary>
public static class PrepSteps
{
    public static readonly AnswerKey<string> Background = new("background");
    public static readonly AnswerKey<string> Support = new("support");
    public static readonly AnswerKey<string> Benefit = new("benefit");

    public static IEnumerable<FlowStep> Steps(string stepTextPrefix) =>
    [
        FlowStep.Ask(Background, new OptionalTextPrompt(s => s.Text<OutreachTexts>(stepTextPrefix + "AskBackground"), (t, s) => Check(PrepPoint.ProductBackground, t, s), OutreachLimits.MaxPrepPointLength)),
        FlowStep.Ask(Support, new OptionalTextPrompt(s => s.Text<OutreachTexts>(stepTextPrefix + "AskSupport"), (t, s) => Check(PrepPoint.SupportNeeded, t, s), OutreachLimits.MaxPrepPointLength)),
        FlowStep.Ask(Benefit, new OptionalTextPrompt(s => s.Text<OutreachTexts>(stepTextPrefix + "AskBenefit"), (t, s) => Check(PrepPoint.WhatsInItForThem, t, s), OutreachLimits.MaxPrepPointLength)),
    ];

    /// <summary>The prep from the answers; a skipped point keeps what the outreach already had.</summary>
    public static StageOnePrep Read(FlowAnswers answers, StageOnePrep current) => new(
        Pick(answers.Get(Background), current.ProductBackground),
        Pick(answers.Get(Support), current.SupportNeeded),
        Pick(answers.Get(Benefit), current.WhatsInItForThem));

    /// <summary>Too thin to understand is sent back at once; advice (too long, no buyer named) waits for the summary.</summary>
    private static string? Check(PrepPoint point, string text, ChatSession session)
    {
        var prep = point switch
        {
            PrepPoint.ProductBackground => new StageOnePrep(ProductBackground: text),
            PrepPoint.SupportNeeded => new StageOnePrep(SupportNeeded: text),
            _ => new StageOnePrep(WhatsInItForThem: text),
        };
        var hint = PrepValidator.Validate(prep).FirstOrDefault(h => h.Point == point && h.Severity == HintSeverity.Missing);
        return hint is null ? null : session.Copy.Sentences(session.Say(hint.Text), session.Text<OutreachTexts>("Prep.OrSkip"));
    }

    private static string? Pick(string answer, string? current) => answer.Length > 0 ? answer : current;
}

/// <summary>
/// <c>new &lt;idea&gt;</c>: asks what is still missing — capability, target department, deadline and the three points —
/// then creates the outreach, all of it in one go, and shows its summary with collision warnings before anything is sent.
/// </summary>
public sealed class NewOutreachFlow(OutreachService outreaches, OutreachRenderer renderer, IOptions<OutreachOptions> options) : ChatFlow
{
    public const string FlowName = "newOutreach";

    public static readonly AnswerKey<string> Idea = new("idea");
    public static readonly AnswerKey<string> Capability = new("capability");
    public static readonly AnswerKey<string> Department = new("department");
    public static readonly AnswerKey<string> Deadline = new("deadline");

    public override string Name => FlowName;

    public override IReadOnlyList<FlowStep> Steps =>
    [
        FlowStep.Ask(Idea, new TextPrompt(s => s.Text<OutreachTexts>("New.AskIdea"), maxLength: OutreachLimits.MaxIdeaLength), a => !a.Has(Idea)),
        FlowStep.Ask(Capability, new OptionalTextPrompt(s => s.Text<OutreachTexts>("New.AskCapability"), maxLength: OutreachLimits.MaxIdeaLength)),
        FlowStep.Ask(Department, new OptionalTextPrompt(
            s => s.Text<OutreachTexts>("New.AskDepartment"),
            (text, s) => renderer.FindDepartment(text) is null ? s.Text<OutreachTexts>("New.DepartmentUnknown", text) : null,
            OutreachLimits.MaxNameLength)),
        FlowStep.Ask(Deadline, new DeadlinePrompt(
            s => s.Text<OutreachTexts>("New.AskDeadline", LocalTime.EndOfLocalDay(s.Clock.GetUtcNow(), options.Value.DefaultDeadlineDays, s.TimeZone)),
            options.Value.DefaultDeadlineDays)),
        .. PrepSteps.Steps("New."),
    ];

    public override string Title(ChatSession session) => session.Text<OutreachTexts>("New.Title");

    public override async Task CompleteAsync(FlowAnswers answers, ChatSession session, CancellationToken cancellationToken)
    {
        var capability = answers.Get(Capability);
        var department = renderer.FindDepartment(answers.Get(Department));
        var request = new NewOutreach(
            answers.Get(Idea),
            capability.Length > 0 ? capability : null,
            session.TimeZone.Id,
            DeadlinePrompt.Read(answers.Get(Deadline)),
            Prep: PrepSteps.Read(answers, StageOnePrep.Empty),
            FirstTarget: department is null ? null : new NewTarget(OutreachRenderer.Ref(department), LeadRoute.OrgChart));

        var created = await outreaches.CreateAsync(RequesterResolver.Resolve(session), request, cancellationToken);

        if (renderer.ValueOrReplyError(session, created) is not { } creation)
        {
            return;
        }

        var collisions = await renderer.DescribeAsync(creation.Warnings, session, cancellationToken);
        session.Reply(OutreachCards.Summary(OutreachViews.Summary(creation.Outreach, collisions, session), session.Culture));
    }
}

/// <summary>Fills in (or rewrites) the three points of an existing outreach; skipped points keep their text.</summary>
public sealed class PrepFlow(OutreachService outreaches, OutreachRenderer renderer) : ChatFlow
{
    public const string FlowName = "outreachPrep";

    public static readonly AnswerKey<string> OutreachId = new("outreachId");

    public override string Name => FlowName;

    public override IReadOnlyList<FlowStep> Steps => [.. PrepSteps.Steps("Prep.")];

    public override string Title(ChatSession session) => session.Text<OutreachTexts>("Prep.Title");

    public override async Task CompleteAsync(FlowAnswers answers, ChatSession session, CancellationToken cancellationToken)
    {
        var updated = await outreaches.UpdatePrepAsync(RequesterResolver.Resolve(session), answers.Get(OutreachId), PrepSteps.Read(answers, StageOnePrep.Empty), cancellationToken);

        if (renderer.ValueOrReplyError(session, updated) is not { } update)
        {
            return;
        }

        session.Reply(OutreachCards.Summary(OutreachViews.Summary(update.Outreach, [], session), session.Culture));
    }
}

/// <summary>
/// After "interested" (or a follow-up after "no capacity"): book the next meeting, propose that both leaders attend,
/// and note what was learned — their KPIs and what their leader cares about — for the stage-2 material.
/// </summary>
public sealed class MeetingFlow(OutreachService outreaches, OutreachRenderer renderer) : ChatFlow
{
    public const string FlowName = "partnerMeeting";

    public static readonly AnswerKey<DateTimeOffset> At = new("at");
    public static readonly AnswerKey<bool> BothLeaders = new("bothLeaders");
    public static readonly AnswerKey<string> Kpis = new("kpis");
    public static readonly AnswerKey<string> LeaderConcerns = new("leaderConcerns");

    public override string Name => FlowName;

    public override IReadOnlyList<FlowStep> Steps =>
    [
        FlowStep.Ask(At, new DateTimePrompt(s => s.Text<OutreachTexts>("Meeting.AskWhen"), requireFuture: true, defaultTime: new TimeOnly(10, 0))),
        FlowStep.Ask(BothLeaders, new ConfirmPrompt(s => s.Text<OutreachTexts>("Meeting.AskLeaders"))),
        FlowStep.Ask(Kpis, new OptionalTextPrompt(s => s.Text<OutreachTexts>("Meeting.AskKpis"), maxLength: OutreachLimits.MaxNoteLength)),
        FlowStep.Ask(LeaderConcerns, new OptionalTextPrompt(s => s.Text<OutreachTexts>("Meeting.AskConcerns"), maxLength: OutreachLimits.MaxNoteLength)),
    ];

    public override string Title(ChatSession session) => session.Text<OutreachTexts>("Meeting.Title");

    public override async Task CompleteAsync(FlowAnswers answers, ChatSession session, CancellationToken cancellationToken)
    {
        var (kpis, concerns) = (answers.Get(Kpis), answers.Get(LeaderConcerns));
        var meeting = new NewMeeting(
            answers.Get(TargetAnswers.DepartmentId), answers.Get(At), answers.Get(BothLeaders), Kpis: kpis.Length > 0 ? kpis : null, LeaderConcerns: concerns.Length > 0 ? concerns : null);

        var booked = await outreaches.ScheduleMeetingAsync(RequesterResolver.Resolve(session), answers.Get(TargetAnswers.OutreachId), meeting, cancellationToken);

        if (renderer.ValueOrReplyError(session, booked) is not { } booking)
        {
            return;
        }

        var target = booking.Target;
        session.Reply(OutreachCards.MeetingBooked(
            new MeetingView(
                target.Department.Name.In(session.Language),
                session.Copy.Value(meeting.At),
                meeting.BothLeadersInvited,
                target.Insight?.Kpis,
                target.Insight?.LeaderConcerns,
                booking.Outreach.Id,
                target.Department.Id),
            session.Culture));
    }
}
