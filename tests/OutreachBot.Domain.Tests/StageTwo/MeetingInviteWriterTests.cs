using System.Globalization;
using OutreachBot.Domain.StageTwo;
using Calendar = Ical.Net.Calendar;

namespace OutreachBot.Domain.Tests.StageTwo;

public sealed class MeetingInviteWriterTests
{
    private readonly MeetingInviteWriter writer = new(new FakeTimeProvider(new DateTimeOffset(2025, 6, 15, 2, 0, 0, TimeSpan.Zero)));

    private static MeetingInviteRequest Request(string zone = "Asia/Shanghai") => MeetingInviteWriter.FromBrief(
        CollaborationBrief.Build(new BriefInputBuilder().Build(), TestCopy.Chinese),
        new DateTime(2025, 6, 20, 15, 0, 0),
        TimeSpan.FromHours(1),
        zone,
        new MeetingPerson("王芳", "wang.fang@example.com"),
        [new MeetingPerson("张总", "zhang@example.com"), new MeetingPerson("李总", "li@example.com")],
        "A 座 12 楼会议室",
        new Uri("https://teams.example.com/meet/123"));

    [Fact]
    public void The_invite_parses_back_with_both_leaders_the_ask_and_the_users_time_zone()
    {
        var ics = writer.Write(Request()).Value;

        var calendar = Calendar.Load(ics)!;
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal("合作简报：支付风控 × 风控中台部", meeting.Summary);
        Assert.Contains("请双方领导下周会面，确认合作意向", meeting.Description);
        Assert.Contains("https://teams.example.com/meet/123", meeting.Description);
        Assert.Equal("A 座 12 楼会议室", meeting.Location);
        Assert.Equal("mailto:wang.fang@example.com", meeting.Organizer!.Value!.ToString());
        Assert.Equal(["mailto:zhang@example.com", "mailto:li@example.com"], meeting.Attendees.Select(a => a.Value!.ToString()));
        Assert.Equal("Asia/Shanghai", meeting.DtStart!.TzId);
        Assert.Equal(new DateTime(2025, 6, 20, 7, 0, 0, DateTimeKind.Utc), meeting.DtStart.AsUtc);
        Assert.Equal(new DateTime(2025, 6, 20, 8, 0, 0, DateTimeKind.Utc), meeting.DtEnd!.AsUtc);
        Assert.Contains(calendar.TimeZones, tz => tz.TzId == "Asia/Shanghai");
        Assert.Contains("BEGIN:VTIMEZONE", ics);
        Assert.Contains("DTSTART;TZID=Asia/Shanghai:20250620T150000", ics);
    }

    [Fact]
    public void A_zone_with_daylight_saving_keeps_local_time()
    {
        var ics = writer.Write(Request("Europe/Berlin")).Value;

        var meeting = Assert.Single(Calendar.Load(ics)!.Events);
        Assert.Equal(new DateTime(2025, 6, 20, 13, 0, 0, DateTimeKind.Utc), meeting.DtStart!.AsUtc);
    }

    [Fact]
    public void Bad_time_zone_emails_and_duration_are_reported()
    {
        var request = Request("China Standard Time") with
        {
            Duration = TimeSpan.Zero,
            Attendees = [new MeetingPerson("张总", "not-an-email")],
        };

        var result = writer.Write(request);

        Assert.Equal(["invite.time_zone_unknown", "invite.duration_invalid", "invite.email_invalid"], result.Errors.Select(e => e.Code));
    }
}
