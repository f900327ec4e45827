using System.Net.Mail;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace OutreachBot.Domain.StageTwo;

public sealed record MeetingPerson(string Name, string Email);

/// <summary>The next meeting with both leaders; <see cref="Start"/> is wall-clock time in <see cref="TimeZoneId"/> (IANA).</summary>
public sealed record MeetingInviteRequest(
    string Title,
    string Description,
    DateTime Start,
    TimeSpan Duration,
    string TimeZoneId,
    MeetingPerson Organizer,
    IReadOnlyList<MeetingPerson> Attendees,
    string? Location = null,
    Uri? OnlineLink = null);

/// <summary>Writes the meeting invite as an iCalendar (.ics) file with a VTIMEZONE for the user's zone.</summary>
public sealed class MeetingInviteWriter(TimeProvider time)
{
    private const string ProductId = "-//OutreachBot//Stage 2 meeting//EN";

    /// <summary>A request whose title is the brief's title and whose description is the brief's ask.</summary>
    public static MeetingInviteRequest FromBrief(BriefView brief, DateTime start, TimeSpan duration, string timeZoneId, MeetingPerson organizer, IReadOnlyList<MeetingPerson> attendees, string? location = null, Uri? onlineLink = null)
    {
        var ask = string.Join("\n", brief[BriefSectionKind.Ask].Lines.Select(l => l.Text));
        return new MeetingInviteRequest(brief.Title, ask, start, duration, timeZoneId, organizer, attendees, location, onlineLink);
    }

    public Validated<string> Write(MeetingInviteRequest request)
    {
        var errors = Validate(request).ToList();
        if (errors.Count > 0)
        {
            return Validated<string>.Invalid(errors);
        }

        var calendar = new Calendar { ProductId = ProductId, Method = "REQUEST" };
        calendar.AddTimeZone(request.TimeZoneId);
        var start = new CalDateTime(DateTime.SpecifyKind(request.Start, DateTimeKind.Unspecified), request.TimeZoneId);
        var meeting = new CalendarEvent
        {
            Uid = Guid.NewGuid().ToString(),
            DtStamp = new CalDateTime(time.GetUtcNow().UtcDateTime, "UTC"),
            DtStart = start,
            DtEnd = start.Add(Ical.Net.DataTypes.Duration.FromTimeSpanExact(request.Duration)),
            Summary = request.Title,
            Description = request.OnlineLink is { } link ? $"{request.Description}\n\n{link.AbsoluteUri}" : request.Description,
            Location = request.Location ?? request.OnlineLink?.AbsoluteUri,
            Url = request.OnlineLink,
            Organizer = new Organizer($"mailto:{request.Organizer.Email}") { CommonName = request.Organizer.Name },
        };
        foreach (var person in request.Attendees)
        {
            meeting.Attendees.Add(new Attendee($"mailto:{person.Email}")
            {
                CommonName = person.Name,
                Role = ParticipationRole.RequiredParticipant,
                ParticipationStatus = EventParticipationStatus.NeedsAction,
                Rsvp = true,
            });
        }

        calendar.Events.Add(meeting);
        return Validated<string>.Valid(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }

    private static IEnumerable<StageTwoError> Validate(MeetingInviteRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            yield return new("invite.title_missing", new Phrase("Invite.TitleMissing"));
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZoneId, out _) || !request.TimeZoneId.Contains('/') && request.TimeZoneId != "UTC")
        {
            yield return new("invite.time_zone_unknown", new Phrase("Invite.TimeZoneUnknown", request.TimeZoneId));
        }

        if (request.Duration <= TimeSpan.Zero)
        {
            yield return new("invite.duration_invalid", new Phrase("Invite.DurationInvalid"));
        }

        if (request.Attendees.Count == 0)
        {
            yield return new("invite.no_attendees", new Phrase("Invite.NoAttendees"));
        }

        foreach (var person in request.Attendees.Prepend(request.Organizer).Where(p => !MailAddress.TryCreate(p.Email, out _)))
        {
            yield return new("invite.email_invalid", new Phrase("Invite.EmailInvalid", person.Name, person.Email));
        }
    }
}
