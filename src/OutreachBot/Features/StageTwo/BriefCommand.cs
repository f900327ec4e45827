using System.Text;
using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Features.StageTwo;

/// <summary>
/// <c>brief [department]</c> / <c>简报 [部门]</c>: the one-page collaboration brief for one partner as a card, with download
/// links for the Markdown, the HTML and the meeting invite with both leaders. <c>brief [department] opportunity|panorama|work|ask</c>
/// (机会|全景|分工|诉求, before or after the department) start the small flows that fill in each piece; the brief card's
/// buttons do the same. The partner's KPIs and its leader's concerns tailor the brief.
/// </summary>
public sealed class BriefCommand(StageTwoWorkspace workspace, LiveDirectory directory, IDownloadLinks links, TimeProvider time) : ICommandHandler
{
    private static readonly TimeSpan MeetingLength = TimeSpan.FromHours(1);

    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var (piece, partner) = StageTwoArguments.Split(request.Arguments, Piece);

        if (await workspace.OpenAsync(session, partner, new StageTwoRerun(StageTwoCommandSet.Brief.Name, piece?.Word), cancellationToken) is not { } scope)
        {
            return;
        }

        if (piece is { } chosen)
        {
            await session.StartFlowAsync(chosen.Value, cancellationToken, scope.FlowGiven());
            return;
        }

        await ShowAsync(scope, session, cancellationToken);
    }

    private static string? Piece(string word) => word.ToLowerInvariant() switch
    {
        "opportunity" or "opportunities" or "机会" => OpportunityFlow.FlowName,
        "panorama" or "全景" => PanoramaFlow.FlowName,
        "work" or "split" or "分工" => WorkSplitFlow.FlowName,
        "ask" or "诉求" => AskFlow.FlowName,
        _ => null,
    };

    public async Task ShowAsync(StageTwoScope scope, ChatSession session, CancellationToken cancellationToken)
    {
        var brief = CollaborationBrief.Build(await InputAsync(scope, session, cancellationToken), session.Copy);
        var baseName = session.Text<StageTwoTexts>("Brief.FileName");
        var markdown = await links.CreateAsync(new DownloadFile(baseName + ".md", "text/markdown; charset=utf-8", Encoding.UTF8.GetBytes(BriefMarkdownRenderer.Render(brief))), session.User, cancellationToken);
        var html = await links.CreateAsync(new DownloadFile(baseName + ".html", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(BriefHtmlRenderer.Render(brief))), session.User, cancellationToken);
        var invite = Invite(scope, brief, session);
        Uri? ics = null;
        if (invite.Calendar is { } calendar)
        {
            ics = await links.CreateAsync(new DownloadFile("meeting.ics", "text/calendar; charset=utf-8; method=REQUEST", Encoding.UTF8.GetBytes(calendar)), session.User, cancellationToken);
        }

        session.Reply(BriefCards.Brief(scope, brief, new BriefDownloads(markdown, html, ics, invite.Note), session));
    }

    private async Task<CollaborationBriefInput> InputAsync(StageTwoScope scope, ChatSession session, CancellationToken cancellationToken)
    {
        var outreach = scope.Outreach;
        var insight = scope.Partner?.Insight;
        var context = new BriefContext(
            outreach.ProductIdea,
            outreach.CapabilityNeeded ?? "",
            scope.PartnerName(session),
            new StageOnePoints(outreach.Prep.ProductBackground ?? "", outreach.Prep.SupportNeeded ?? "", outreach.Prep.WhatsInItForThem ?? ""),
            new PartnerInsight(StageTwoInput.List(insight?.Kpis ?? ""), StageTwoInput.List(insight?.LeaderConcerns ?? "")),
            scope.Ask,
            scope.Partner is { } partner ? Domain.Outreaches.ReferralStory.Describe(partner.ReferralChain) : null);
        BidTally? tally = null;
        if (scope.Material.Bids is not null)
        {
            var bids = await workspace.Repository.LoadBidsAsync(scope.Requester, outreach.Id, cancellationToken);
            tally = BidTallies.Tally(bids.Value ?? [], BidPeriod.LastTwelveMonths(DateOnly.FromDateTime(session.LocalNow.DateTime))).Value;
        }

        var m = scope.Material;
        return new CollaborationBriefInput(context, m.Market, tally, m.Opportunities, m.Panorama, scope.Work);
    }

    /// <summary>
    /// The .ics for the next meeting with both leaders, in the user's time zone: the booked meeting, else a proposed
    /// slot (next working day, 10:00). Without the user's e-mail or either leader there is no invite, only the reason.
    /// </summary>
    private (string? Calendar, string Note) Invite(StageTwoScope scope, BriefView brief, ChatSession session)
    {
        string T(string key, params object?[] args) => session.Text<StageTwoTexts>(key, args);
        var org = directory.Current.Directory;
        var me = session.Profile.PersonId is { } id ? org.FindPerson(id) : null;
        var email = session.Profile.Email ?? me?.Email;
        if (email is null)
        {
            return (null, T("Invite.NeedEmail"));
        }

        var language = session.Language;
        var ourLeader = me is null ? null : org.Head(me.DepartmentId) is { } head && head.Id != me.Id ? head : org.ManagerChain(me.Id).FirstOrDefault();
        var theirLeader = scope.Partner is { } partner ? org.Head(partner.Department.Id) : null;
        var attendees = new[] { ourLeader, theirLeader }.OfType<Person>().Select(p => new MeetingPerson(p.Name(language), p.Email)).ToList();
        if (attendees.Count == 0)
        {
            return (null, T("Invite.NoLeaders"));
        }

        var booked = scope.Partner?.Meeting?.At;
        var start = booked is { } at ? TimeZoneInfo.ConvertTime(at, session.TimeZone).DateTime : ProposedSlot(session);
        var request = MeetingInviteWriter.FromBrief(brief, start, MeetingLength, session.TimeZone.Id, new MeetingPerson(me?.Name(language) ?? session.Turn.Activity.From?.Name ?? email, email), attendees);
        var written = new MeetingInviteWriter(time).Write(request);
        if (!written.IsValid)
        {
            return (null, session.Copy.Clauses(written.Errors.Select(e => e.Message)));
        }

        var when = session.Copy.Value(new DateTimeOffset(start, session.TimeZone.GetUtcOffset(start)));
        var who = session.Copy.List(attendees.Select(a => a.Name).ToList());
        return (written.Value, booked is null ? T("Invite.Proposed", when, who) : T("Invite.Booked", when, who));
    }

    private static DateTime ProposedSlot(ChatSession session)
    {
        var day = session.LocalNow.Date.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day.AddHours(10);
    }
}

public sealed record BriefDownloads(Uri Markdown, Uri Html, Uri? Invite, string InviteNote);

public static class BriefCards
{
    public static AdaptiveCard Brief(StageTwoScope scope, BriefView brief, BriefDownloads downloads, ChatSession session)
    {
        string T(string key, params object?[] args) => session.Text<StageTwoTexts>(key, args);
        var body = new List<CardElement>
        {
            new TextBlock(brief.Title) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
        };
        var missing = brief.Sections.Count(s => s.HasToDo);
        body.Add(new TextBlock(missing == 0 ? T("Brief.Complete") : T("Brief.Missing", missing)) { IsSubtle = true, Spacing = Spacing.None });
        body.AddRange(brief.Sections.Select(Section));
        body.Add(new TextBlock(downloads.InviteNote) { IsSubtle = true, Separator = true });

        // One screen: the download first, the six fill-in buttons and the other formats each behind one button.
        // Two rows of three: hosts show at most five actions in one set.
        var fillIn = new AdaptiveCard(
        [
            new ActionSet(
            [
                StageTwoCards.Command(session, "Button.AddSegment", StageTwoCommandSet.Market, "add"),
                StageTwoCards.Command(session, "Button.AddOpportunity", StageTwoCommandSet.Brief, "opportunity"),
                StageTwoCards.Command(session, "Button.Panorama", StageTwoCommandSet.Brief, "panorama"),
            ]),
            new ActionSet(
            [
                StageTwoCards.PartnerCommand(scope, session, "Button.WorkSplit", StageTwoCommandSet.Brief, "work"),
                StageTwoCards.PartnerCommand(scope, session, "Button.Ask", StageTwoCommandSet.Brief, "ask"),
                StageTwoCards.Command(session, "Button.Bids", StageTwoCommandSet.Bids),
            ]),
        ]);
        var otherFormats = new AdaptiveCard(
            [],
            [
                CardActions.OpenUrl(T("Button.Html"), downloads.Html),
                .. downloads.Invite is { } invite ? [CardActions.OpenUrl(T("Button.Invite"), invite)] : Array.Empty<CardAction>(),
            ]);
        return new AdaptiveCard(
            body,
            [
                CardActions.OpenUrl(T("Button.Markdown"), downloads.Markdown),
                CardActions.ShowCard(T("Button.FillIn"), fillIn),
                CardActions.ShowCard(T("Button.OtherFormats"), otherFormats),
                .. StageTwoCards.SwitchAction(scope, session, StageTwoCommandSet.Brief),
            ]);
    }

    private static CardElement Section(BriefSectionView section)
    {
        var items = new List<CardElement> { new TextBlock(section.Title) { Weight = TextWeight.Bolder } };
        if (section.Insight is { } insight)
        {
            items.Add(new TextBlock("↳ " + insight) { Color = TextColor.Accent, Spacing = Spacing.None });
        }

        var number = 0;
        items.AddRange(section.Lines.Select(line => (CardElement)(line.Kind switch
        {
            BriefLineKind.ToDo => new TextBlock("☐ " + line.Text) { Color = TextColor.Attention, Spacing = Spacing.None },
            BriefLineKind.Numbered => CardLayout.NumberedRow(++number, [new TextBlock(line.Text)]) with { Spacing = Spacing.None },
            BriefLineKind.Bullet => new TextBlock("• " + line.Text) { Spacing = Spacing.None },
            BriefLineKind.Link => TextBlock.FromMarkdown(CardMarkdown.Link(line.Text, line.Url!)) with { Spacing = Spacing.None },
            _ => new TextBlock(line.Text) { Spacing = Spacing.None },
        })));
        if (section.Table is { } table)
        {
            items.Add(new Table(
                [.. table.Headers.Select(_ => new TableColumnDefinition(1))],
                [StageTwoCards.HeaderRow([.. table.Headers]), .. table.Rows.Select(r => StageTwoCards.Row([.. r]))]));
        }

        return new Container(items) { Separator = true, Style = section.HasToDo ? null : ContainerStyle.Default };
    }
}
