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
            session.Copy.Value(outreach.Deadline),
            session.Say(DeadlineCountdown.Between(now, outreach.Deadline).Text),
            [.. outreach.Targets.Select(t => session.Text<OutreachTexts>("Line.TargetStage", t.Department.Name, t.Stage))],
            [
                (session.Copy.Name(PrepPoint.ProductBackground), prep.ProductBackground),
                (session.Copy.Name(PrepPoint.SupportNeeded), prep.SupportNeeded),
                (session.Copy.Name(PrepPoint.WhatsInItForThem), prep.WhatsInItForThem),
            ],
            [.. PrepValidator.Validate(prep).Select(h => session.Say(h.Text))],
            collisions,
            FindQuery(outreach));
    }

    public static string FindQuery(Outreach outreach) => outreach.CapabilityNeeded ?? outreach.ProductIdea;

    public static OutreachLine Line(OutreachStatusView view, ChatSession session)
    {
        var summary = (view.IsOpen, view.Pace) switch
        {
            (true, null) => session.Text<OutreachTexts>("Line.Open", view.Countdown.Text, view.Deadline),
            (true, { } pace) => session.Text<OutreachTexts>("Line.OpenAgreed", view.Countdown.Text, view.Deadline, Pace(pace, session)),
            (false, null) => session.Text<OutreachTexts>("Line.Closed", view.Countdown.Text, view.Deadline),
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
                    : t.NextAction is { } next ? session.Say(next) : null,
                t.DepartmentId,
                t.DepartmentName.In(session.Language),
                CanAgree(t.Stage)))],
            view.IsOpen);
    }

    /// <summary>The partner answered and may agree now (interested, no capacity, meeting booked).</summary>
    public static bool CanAgree(TargetStage stage) => StageMachine.CanMove(stage, TargetStage.Agreed);

    /// <summary>"agreed in 4 days, within the deadline" / "用时 4 天达成，在截止时间内".</summary>
    public static string Pace(AgreementPace pace, ChatSession session) =>
        session.Text<OutreachTexts>(pace.Days == 0 ? "Pace.SameDay" : "Pace.Days", pace.Days)
        + session.Text<OutreachTexts>(pace.WithinDeadline ? "Pace.Within" : "Pace.Late");

    public static string TargetText(TargetStatus target, ChatSession session)
    {
        var text = session.Text<OutreachTexts>("Line.Target", target.DepartmentName, target.Stage);
        if (target.Pace is { } pace)
        {
            text += " · " + Pace(pace, session);
        }

        return target.LastContactAt is { } at
            ? text + session.Text<OutreachTexts>("Line.LastContact", at, target.LastContactPerson)
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
            facts.Add((session.Text<OutreachTexts>("Field.Introduction"), session.Say(introduction)));
        }

        return facts;
    }

    /// <summary>One timeline line: when, what, and what the event adds ("Wed, Dec 2 · Outcome · Contacted → No capacity; …").</summary>
    public static string Event(TimelineEvent e, ChatSession session)
    {
        var details = TimelineDetails.Render(e, session.Copy);
        return details.Length > 0
            ? session.Text<OutreachTexts>("Line.EventWithDetails", e.At, e.Kind, details)
            : session.Text<OutreachTexts>("Line.Event", e.At, e.Kind);
    }

    public static string Reason(RefusalReason reason, ChatSession session) => session.Copy.Name(reason);
}
