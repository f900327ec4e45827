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
        var language = session.Language;
        return new SummaryView(
            outreach.Id,
            outreach.ProductIdea,
            outreach.CapabilityNeeded,
            session.Copy.Value(outreach.Deadline),
            session.Say(DeadlineCountdown.Between(now, outreach.Deadline).Text),
            [.. outreach.Targets.Select(t => session.Text<OutreachTexts>("Line.TargetStage", t.Department.Name, t.Stage))],
            [
                (PrepValidator.Name(PrepPoint.ProductBackground).In(language), prep.ProductBackground),
                (PrepValidator.Name(PrepPoint.SupportNeeded).In(language), prep.SupportNeeded),
                (PrepValidator.Name(PrepPoint.WhatsInItForThem).In(language), prep.WhatsInItForThem),
            ],
            [.. PrepValidator.Validate(prep).Select(h => h.Text.In(language))],
            collisions,
            FindQuery(outreach));
    }

    public static string FindQuery(Outreach outreach) => outreach.CapabilityNeeded ?? outreach.ProductIdea;

    public static OutreachLine Line(OutreachStatusView view, ChatSession session)
    {
        var summary = session.Text<OutreachTexts>(view.IsOpen ? "Line.Open" : "Line.Closed", view.Countdown.Text, view.Deadline);
        if (!view.IsOwnedByViewer)
        {
            summary += session.Text<OutreachTexts>("Line.Shared");
        }

        return new OutreachLine(
            view.OutreachId,
            view.ProductIdea,
            summary,
            view.IsOverdue,
            [.. view.Targets.Select(t => new TargetLine(TargetText(t, session), t.NextAction is { } next ? session.Say(next) : null))]);
    }

    public static string TargetText(TargetStatus target, ChatSession session)
    {
        var text = session.Text<OutreachTexts>("Line.Target", target.DepartmentName, target.Stage);
        return target.LastContactAt is { } at
            ? text + session.Text<OutreachTexts>("Line.LastContact", at, target.LastContactPerson)
            : text;
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
