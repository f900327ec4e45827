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
        var summary = session.Text<OutreachTexts>(
            view.IsOpen ? "Line.Open" : "Line.Closed",
            OutreachRenderer.Say(session, view.Countdown.Text),
            OutreachRenderer.Date(session, view.Deadline));
        if (!view.IsOwnedByViewer)
        {
            summary += session.Text<OutreachTexts>("Line.Shared");
        }

        return new OutreachLine(
            view.OutreachId,
            view.ProductIdea,
            summary,
            view.IsOverdue,
            [.. view.Targets.Select(t => new TargetLine(TargetText(t, session), t.NextAction is { } next ? OutreachRenderer.Say(session, next) : null))]);
    }

    public static string TargetText(TargetStatus target, ChatSession session)
    {
        var text = $"{OutreachRenderer.Say(session, target.DepartmentName)}: {OutreachRenderer.Say(session, StageMachine.Name(target.Stage))}";
        return target.LastContactAt is { } at
            ? text + session.Text<OutreachTexts>("Line.LastContact", OutreachRenderer.Date(session, at), target.LastContactPerson)
            : text;
    }

    public static string Event(TimelineEvent e, ChatSession session) =>
        $"{OutreachRenderer.Date(session, e.At)} · {session.Text<OutreachTexts>("Event." + e.Kind)} · {e.Details}";

    public static string Reason(RefusalReason reason, ChatSession session) => OutreachRenderer.Say(session, StageMachine.Name(reason));
}
