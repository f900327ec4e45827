namespace OutreachBot.Domain.Outreaches;

/// <summary>What a timeline event adds to its kind's name, as phrases (keys <c>Timeline.*</c>), for the status card and the export.</summary>
public static class TimelineDetails
{
    public static IReadOnlyList<Phrase> Describe(TimelineEvent e)
    {
        var parts = new List<Phrase>();
        var words = e.Details.Trim();
        switch (e.Kind)
        {
            case TimelineEventKind.Created when words.Length > 0:
                parts.Add(new("Timeline.Idea", words));
                break;
            case TimelineEventKind.PrepUpdated when e.Complete is { } complete:
                parts.Add(new(complete ? "Timeline.PrepComplete" : "Timeline.PrepPartial"));
                break;
            case TimelineEventKind.DeadlineChanged when e.When is { } deadline:
                parts.Add(new("Timeline.NewDeadline", deadline));
                break;
            case TimelineEventKind.TargetAdded:
                if (e.Route is { } route)
                {
                    parts.Add(new("Timeline.Route", route));
                }

                if (words.Length > 0)
                {
                    parts.Add(new("Timeline.IntroducedBy", words));
                }

                break;
            case TimelineEventKind.Contacted:
                parts.Add(e.Route is { } via ? new("Timeline.ContactVia", words, via) : new("Timeline.Contact", words));
                break;
            case TimelineEventKind.ReferralRecorded when words.Length > 0:
                parts.Add(new("Timeline.IntroducedBy", words));
                break;
            case TimelineEventKind.OutcomeRecorded or TimelineEventKind.MeetingScheduled or TimelineEventKind.Agreed or TimelineEventKind.Dropped:
                if (e.From is { } from && e.To is { } to)
                {
                    parts.Add(new("Timeline.Moved", from, to));
                }

                if (e.Reason is { } reason)
                {
                    parts.Add(new("Timeline.Reason", reason));
                }

                if (e.When is { } meeting)
                {
                    parts.Add(new(e.BothLeaders == true ? "Timeline.MeetingWithLeaders" : "Timeline.Meeting", meeting));
                }

                // Before events were typed, these kinds kept a machine summary in Details; only a typed event's words are the user's.
                if (words.Length > 0 && (e.To is not null || e.When is not null))
                {
                    parts.Add(new("Timeline.Note", words));
                }

                break;
        }

        return parts;
    }

    /// <summary>The details as one line in the reader's language ("" when the kind's name says it all).</summary>
    public static string Render(TimelineEvent e, Copy copy) => copy.Clauses(Describe(e));
}
