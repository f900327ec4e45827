using OutreachBot.Chat;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Outreaches;

/// <summary>Domain values turned into the card view models, in the user's language and time zone.</summary>
public static class OutreachViews
{
    public static SummaryView Summary(Outreach outreach, IReadOnlyList<string> collisions, ChatSession session)
    {
        var now = session.Clock.GetUtcNow();
        var prep = outreach.Prep;
        return new SummaryView(
            outreach.Id,
            outreach.ProductIdea,
            outreach.CapabilityNeeded,
            session.FormatDateTime(outreach.Deadline),
            OutreachRenderer.Say(session, DeadlineCountdown.Between(now, outreach.Deadline).Text),
            [.. outreach.Targets.Select(t => $"{OutreachRenderer.Say(session, t.Department.Name)} ({OutreachRenderer.Say(session, StageMachine.Name(t.Stage))})")],
            [
                (OutreachRenderer.Say(session, PrepValidator.Name(PrepPoint.ProductBackground)), prep.ProductBackground),
                (OutreachRenderer.Say(session, PrepValidator.Name(PrepPoint.SupportNeeded)), prep.SupportNeeded),
                (OutreachRenderer.Say(session, PrepValidator.Name(PrepPoint.WhatsInItForThem)), prep.WhatsInItForThem),
            ],
            [.. PrepValidator.Validate(prep).Select(h => OutreachRenderer.Say(session, h.Text))],
            collisions,
            FindQuery(outreach));
    }

    public static string FindQuery(Outreach outreach) => outreach.CapabilityNeeded ?? outreach.ProductIdea;

    public static OutreachLine Line(OutreachStatusView view, ChatSession session)
    {
        var countdown = OutreachRenderer.Say(session, view.Countdown.Text);
        var due = OutreachRenderer.Date(session, view.Deadline);
        var summary = (view.IsOpen, view.Pace) switch
        {
            (true, null) => session.Text<OutreachTexts>("Line.Open", countdown, due),
            (true, { } pace) => session.Text<OutreachTexts>("Line.OpenAgreed", countdown, due, Pace(pace, session)),
            (false, null) => session.Text<OutreachTexts>("Line.Closed", countdown, due),
            (false, { } pace) => session.Text<OutreachTexts>("Line.ClosedAgreed", Pace(pace, session)),
        };
        if (!view.IsOwnedByViewer)
        {
            summary += session.Text<OutreachTexts>("Line.Shared");
        }

        return new OutreachLine(
            view.OutreachId,
            view.ProductIdea,
            summary,
            view.IsOverdue,
            [.. view.Targets.Select(t => new TargetLine(
                TargetText(t, session),
                t.Agreement is { } agreement
                    ? session.Text<OutreachTexts>("Line.Agreement", agreement.Terms, agreement.DecidedBy)
                    : t.NextAction is { } next ? OutreachRenderer.Say(session, next) : null,
                t.DepartmentId,
                OutreachRenderer.Say(session, t.DepartmentName),
                CanAgree(t.Stage)))],
            view.IsOpen);
    }

    /// <summary>The partner answered and may agree now (interested, no capacity, meeting booked).</summary>
    public static bool CanAgree(TargetStage stage) => StageMachine.CanMove(stage, TargetStage.Agreed);

    /// <summary>"agreed in 4 days, within the deadline" / "用时 4 天达成，在截止时间内".</summary>
    public static string Pace(AgreementPace pace, ChatSession session) =>
        session.Text<OutreachTexts>(pace.Days switch { 0 => "Pace.SameDay", 1 => "Pace.OneDay", _ => "Pace.Days" }, pace.Days)
        + session.Text<OutreachTexts>(pace.WithinDeadline ? "Pace.Within" : "Pace.Late");

    public static string TargetText(TargetStatus target, ChatSession session)
    {
        var text = $"{OutreachRenderer.Say(session, target.DepartmentName)}: {OutreachRenderer.Say(session, StageMachine.Name(target.Stage))}";
        if (target.Pace is { } pace)
        {
            text += " · " + Pace(pace, session);
        }

        return target.LastContactAt is { } at
            ? text + session.Text<OutreachTexts>("Line.LastContact", OutreachRenderer.Date(session, at), target.LastContactPerson)
            : text;
    }

    /// <summary>What the partner card shows beyond the stage: the agreement, its pace, and the introductions that led there.</summary>
    public static IReadOnlyList<(string Title, string Value)> PartnerFacts(TargetStatus target, ChatSession session)
    {
        var facts = new List<(string, string)>();
        if (target.Agreement is { } agreement)
        {
            facts.Add((session.Text<OutreachTexts>("Field.Agreement"), agreement.Terms));
            facts.Add((session.Text<OutreachTexts>("Field.DecidedBy"), agreement.DecidedBy));
        }

        if (target.Pace is { } pace)
        {
            facts.Add((session.Text<OutreachTexts>("Field.Pace"), Pace(pace, session)));
        }

        if (ReferralStory.Describe(target.ReferralChain ?? []) is { } introduction)
        {
            facts.Add((session.Text<OutreachTexts>("Field.Introduction"), OutreachRenderer.Say(session, introduction)));
        }

        return facts;
    }

    public static string Event(TimelineEvent e, ChatSession session) =>
        $"{OutreachRenderer.Date(session, e.At)} · {session.Text<OutreachTexts>("Event." + e.Kind)} · {e.Details}";

    public static string Reason(RefusalReason reason, ChatSession session) => OutreachRenderer.Say(session, StageMachine.Name(reason));
}
