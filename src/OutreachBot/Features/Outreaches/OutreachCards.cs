using System.Globalization;
using OutreachBot.Features.Directory;
using OutreachBot.Features.StageTwo;

namespace OutreachBot.Features.Outreaches;

public sealed record SummaryView(
    string OutreachId,
    string Idea,
    string? Capability,
    string Deadline,
    string Countdown,
    IReadOnlyList<string> Targets,
    IReadOnlyList<(string Name, string? Text)> Points,
    IReadOnlyList<string> Hints,
    IReadOnlyList<string> Collisions,
    string FindQuery);

public sealed record ContactView(string OutreachId, string DepartmentId, string DepartmentName, string Person, string Route, string When, string? Message);

public sealed record NotContactedView(string OutreachId, string DepartmentId, string DepartmentName, string? DefaultPerson);

public sealed record AlternativeView(string DepartmentId, string Name, string? Why);

public sealed record OutcomeView(
    string OutreachId,
    string DepartmentId,
    string DepartmentName,
    string OutcomeCode,
    string? Reason,
    IReadOnlyList<string> Actions,
    IReadOnlyList<AlternativeView>? Alternatives,
    string? Draft,
    string? Slot,
    IReadOnlyList<string> Checklist,
    string FindQuery);

/// <param name="CanAgree">The partner answered and may agree now: the card offers "Agreed" and "Drop".</param>
public sealed record TargetLine(string Text, string? Next, string DepartmentId = "", string DepartmentName = "", bool CanAgree = false);

/// <param name="IsOpen">False for a closed outreach: the card offers "Reopen".</param>
public sealed record OutreachLine(string OutreachId, string Idea, string Summary, bool Overdue, IReadOnlyList<TargetLine> Targets, bool IsOpen = true);

public sealed record StatusView(IReadOnlyList<OutreachLine> Outreaches, int More);

/// <summary>
/// One of my outreaches at the partner; <see cref="AwaitsOutcome"/> when the target was contacted and the answer is not in
/// yet, <see cref="CanAgree"/> when it answered and may agree now, <see cref="HasEnded"/> when it agreed, refused or was
/// dropped (reopenable), <see cref="InStageTwo"/> when the stage-2 material is for it.
/// </summary>
public sealed record PartnerOutreach(
    string OutreachId,
    string DepartmentId,
    string Idea,
    string Stage,
    bool AwaitsOutcome,
    string? LastContact,
    string? Next,
    IReadOnlyList<string> Timeline,
    bool CanAgree = false,
    bool HasEnded = false,
    bool InStageTwo = false,
    IReadOnlyList<(string Title, string Value)>? Facts = null);

public sealed record PartnerView(string DepartmentName, string? PitchArgument, IReadOnlyList<PartnerOutreach> Outreaches, IReadOnlyList<string> Others);

/// <summary>
/// A page of the pipeline; <see cref="PagePrefix"/> goes before the page number of the paging buttons ("team ").
/// <see cref="Agreements"/> is the week's result: how many agreed, how fast, how many by the deadline.
/// </summary>
public sealed record PipelineView(
    string Title, string? Note, string Totals, string Stages, IReadOnlyList<OutreachLine> Items, int Page, int PageCount, string PagePrefix, string? Agreements = null);

public sealed record OutreachChoice(string OutreachId, string Idea);

public sealed record MeetingView(
    string DepartmentName, string When, bool BothLeaders, string? Kpis, string? LeaderConcerns, string OutreachId = "", string DepartmentId = "");

/// <summary>A partner that just ended: the agreement (what, who decided, the pace) or the reason it was dropped.</summary>
public sealed record EndedView(
    string OutreachId,
    string DepartmentId,
    string DepartmentName,
    string Idea,
    Domain.Outreaches.Agreement? Agreement,
    string? Pace,
    string? DropNote,
    bool ClosedOutreach,
    string FindQuery);

/// <param name="Partner">The partner reopened, or null when the outreach itself was.</param>
public sealed record ReopenedView(string Idea, string? Partner, string? Stage, string FindQuery);

public sealed record ExportLinks(int Outreaches, Uri PipelineCsv, Uri TimelinesCsv, Uri Markdown);

/// <summary>The outreach feature's cards, one pure function each; every text comes from <see cref="OutreachTexts"/>.</summary>
public static class OutreachCards
{
    public static AdaptiveCard Summary(SummaryView view, CultureInfo culture)
    {
        var body = new List<CardElement> { Title(T(culture, "Summary.Title", view.Idea)) };
        body.AddRange(Warnings(view.Collisions, culture));
        body.Add(new FactSet(
        [
            new Fact(T(culture, "Field.Capability"), view.Capability ?? T(culture, "Value.NotGiven")),
            new Fact(T(culture, "Field.Targets"), view.Targets.Count == 0 ? T(culture, "Value.NoTargetYet") : string.Join(Separator(culture), view.Targets)),
            new Fact(T(culture, "Field.Deadline"), $"{view.Deadline} ({view.Countdown})"),
        ]));
        body.Add(new TextBlock(T(culture, "Summary.Points")) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        body.Add(new FactSet([.. view.Points.Select(p => new Fact(p.Name, p.Text ?? T(culture, "Value.Missing")))]));
        body.AddRange(view.Hints.Select(h => (CardElement)new TextBlock("• " + h) { IsSubtle = true, Spacing = Spacing.None }));
        return new AdaptiveCard(
            body,
            [
                CardActions.Command(T(culture, "Button.Pitch"), OutreachCommandSet.Pitch.Name),
                CardActions.Command(T(culture, "Button.FindDepartments"), DirectoryCommandSet.Find.Name, view.FindQuery),
                CardActions.Verb(T(culture, "Button.EditPoints"), new EditPrep(view.OutreachId)),
                CardActions.Command(T(culture, "Button.Status"), OutreachCommandSet.Status.Name),
            ]);
    }

    public static AdaptiveCard Contact(ContactView view, CultureInfo culture)
    {
        var body = new List<CardElement>
        {
            Title(T(culture, "Contact.Title", view.DepartmentName)),
            new FactSet(
            [
                new Fact(T(culture, "Field.Person"), view.Person),
                new Fact(T(culture, "Field.Route"), view.Route),
                new Fact(T(culture, "Field.When"), view.When),
            ]),
        };
        if (view.Message is { Length: > 0 } message)
        {
            body.Add(new TextBlock(message.Length > 280 ? message[..280] + "…" : message) { IsSubtle = true });
        }

        body.Add(new TextBlock(T(culture, "Contact.Next")) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        return new AdaptiveCard(body, OutcomeButtons(view.OutreachId, view.DepartmentId, culture));
    }

    public static AdaptiveCard NotContactedYet(NotContactedView view, CultureInfo culture)
    {
        return new AdaptiveCard(
            [
                new TextBlock(T(culture, "Outcome.NotContacted", view.DepartmentName)),
                new TextInput(CardActionCodec.FieldName(nameof(RecordContact.Person))) { Label = T(culture, "Pitch.PersonLabel"), Value = view.DefaultPerson, MaxLength = 200 },
            ],
            [
                CardActions.Verb(T(culture, "Button.RecordContact"), new RecordContact(view.OutreachId, view.DepartmentId, DefaultPerson: view.DefaultPerson)),
                CardActions.Command(T(culture, "Button.Pitch"), OutreachCommandSet.Pitch.Name, view.DepartmentName),
            ]);
    }

    public static AdaptiveCard Outcome(OutcomeView view, CultureInfo culture)
    {
        var title = view.OutcomeCode switch
        {
            OutcomeWords.Refused => T(culture, "Outcome.Refused.Title", view.DepartmentName, view.Reason),
            OutcomeWords.NoCapacity => T(culture, "Outcome.NoCapacity.Title", view.DepartmentName),
            _ => T(culture, "Outcome.Interested.Title", view.DepartmentName),
        };
        var body = new List<CardElement> { Title(title) };
        body.AddRange(view.Actions.Select((a, i) => (CardElement)CardLayout.NumberedRow(i + 1, [new TextBlock(a)])));
        if (view.Alternatives is { Count: > 0 } alternatives)
        {
            body.Add(new TextBlock(T(culture, "Outcome.Alternatives")) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            foreach (var alternative in alternatives)
            {
                body.Add(new TextBlock("• " + alternative.Name + (alternative.Why is { Length: > 0 } why ? " — " + why : string.Empty)) { Spacing = Spacing.None });
            }
        }
        else if (view.OutcomeCode == OutcomeWords.Refused)
        {
            body.Add(new TextBlock(T(culture, "Outcome.SearchAgain")) { Spacing = Spacing.Medium });
        }

        if (view.Draft is { } draft)
        {
            body.Add(new TextInput(CardActionCodec.FieldName(nameof(RecordContact.Message))) { Label = T(culture, "Outcome.DraftLabel"), IsMultiline = true, Value = draft, MaxLength = 2000, Spacing = Spacing.Medium });
        }

        if (view.Checklist.Count > 0)
        {
            body.Add(new TextBlock(T(culture, "Outcome.Checklist")) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            body.AddRange(view.Checklist.Select(q => (CardElement)new TextBlock("☐ " + q) { Spacing = Spacing.None }));
        }

        var actions = new List<CardAction>();
        switch (view.OutcomeCode)
        {
            case OutcomeWords.Refused:
                actions.AddRange((view.Alternatives ?? []).Take(3).Select(a => (CardAction)CardActions.Verb(
                    T(culture, "Button.Target", a.Name), new TargetDepartment(a.DepartmentId, nameof(Domain.Outreaches.LeadRoute.KeywordSearch), view.OutreachId))));
                actions.Add(CardActions.Command(T(culture, "Button.FindDepartments"), DirectoryCommandSet.Find.Name, view.FindQuery));
                break;
            case OutcomeWords.NoCapacity:
                actions.Add(CardActions.Verb(T(culture, "Button.BookMeeting"), new BookMeeting(view.OutreachId, view.DepartmentId)));
                break;
            default:
                actions.Add(CardActions.Verb(T(culture, "Button.BookMeeting"), new BookMeeting(view.OutreachId, view.DepartmentId)));
                actions.Add(StageTwoButton(T(culture, "Button.StageTwo"), view.OutreachId, view.DepartmentId));
                break;
        }

        actions.Add(CardActions.Command(T(culture, "Button.Status"), OutreachCommandSet.Status.Name));
        return new AdaptiveCard(body, actions);
    }

    public static AdaptiveCard TargetAdded(string idea, string departmentName, string route, IReadOnlyList<string> collisions, CultureInfo culture)
    {
        var body = new List<CardElement> { Title(T(culture, "Target.Added", departmentName, idea)) };
        body.AddRange(Warnings(collisions, culture));
        body.Add(new TextBlock(T(culture, "Target.Route", route)) { IsSubtle = true });
        return new AdaptiveCard(
            body,
            [
                CardActions.Command(T(culture, "Button.Pitch"), OutreachCommandSet.Pitch.Name, departmentName),
                CardActions.Command(T(culture, "Button.Status"), OutreachCommandSet.Status.Name),
            ]);
    }

    public static AdaptiveCard ChooseOutreach(string departmentId, string route, IReadOnlyList<OutreachChoice> choices, CultureInfo culture) =>
        new(
            [new TextBlock(T(culture, "Target.WhichOutreach"))],
            [.. choices.Take(5).Select(c => (CardAction)CardActions.Verb(Short(c.Idea, 40), new TargetDepartment(departmentId, route, c.OutreachId)))]);

    public static AdaptiveCard Status(StatusView view, CultureInfo culture)
    {
        var body = new List<CardElement> { Title(T(culture, "Status.Title")) };
        if (view.Outreaches.Count == 0)
        {
            body.Add(new TextBlock(T(culture, "Status.None")));
            return new AdaptiveCard(body, [CardActions.Command(T(culture, "Button.New"), OutreachCommandSet.New.Name)]);
        }

        foreach (var outreach in view.Outreaches)
        {
            body.Add(OutreachBlock(outreach, culture, detailed: true));
        }

        if (view.More > 0)
        {
            body.Add(new TextBlock(T(culture, "Status.More", view.More)) { IsSubtle = true });
        }

        return new AdaptiveCard(
            body,
            [
                CardActions.Command(T(culture, "Button.Pipeline"), OutreachCommandSet.Pipeline.Name),
                CardActions.Command(T(culture, "Button.Export"), OutreachCommandSet.Export.Name),
            ]);
    }

    public static AdaptiveCard Partner(PartnerView view, CultureInfo culture)
    {
        var body = new List<CardElement> { Title(view.DepartmentName) };
        if (view.Outreaches.Count == 0)
        {
            body.Add(new TextBlock(T(culture, "Partner.NotYours")));
        }

        foreach (var outreach in view.Outreaches)
        {
            var items = new List<CardElement>
            {
                new TextBlock(outreach.Idea) { Weight = TextWeight.Bolder },
                new FactSet(
                [
                    new Fact(T(culture, "Field.Stage"), outreach.Stage),
                    new Fact(T(culture, "Field.LastContact"), outreach.LastContact ?? T(culture, "Value.None")),
                    new Fact(T(culture, "Field.Next"), outreach.Next ?? T(culture, "Value.None")),
                ]),
            };
            if (outreach.Timeline.Count > 0)
            {
                items.Add(new TextBlock(T(culture, "Partner.Timeline")) { IsSubtle = true, Spacing = Spacing.Small });
                items.AddRange(outreach.Timeline.Select(e => (CardElement)new TextBlock(e) { IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small }));
            }

            if (outreach.Facts is { Count: > 0 } facts)
            {
                items.Add(new FactSet([.. facts.Select(f => new Fact(f.Title, f.Value))]) { Spacing = Spacing.Small });
            }

            if (outreach.AwaitsOutcome)
            {
                items.Add(new ActionSet(OutcomeButtons(outreach.OutreachId, outreach.DepartmentId, culture)));
            }

            var more = new List<CardAction>();
            if (outreach.CanAgree)
            {
                more.AddRange(EndButtons(outreach.OutreachId, outreach.DepartmentId, null, culture));
            }
            else if (outreach.AwaitsOutcome)
            {
                // A partner that never answered can still be given up on; agreeing needs their answer first.
                more.Add(EndButtons(outreach.OutreachId, outreach.DepartmentId, null, culture)[1]);
            }

            if (outreach.InStageTwo)
            {
                more.Add(StageTwoButton(T(culture, "Button.StageTwoMaterial"), outreach.OutreachId, outreach.DepartmentId));
            }

            if (outreach.HasEnded)
            {
                more.Add(ReopenButton(T(culture, "Button.Reopen"), outreach.OutreachId, outreach.DepartmentId));
            }

            if (more.Count > 0)
            {
                items.Add(new ActionSet(more));
            }

            body.Add(new Container(items) { Separator = true, Spacing = Spacing.Medium });
        }

        if (view.Others.Count > 0)
        {
            body.Add(new TextBlock(T(culture, "Partner.Others")) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            body.AddRange(view.Others.Select(o => (CardElement)new TextBlock("• " + o) { Spacing = Spacing.None }));
        }

        var actions = new List<CardAction>();
        if (view.PitchArgument is { } pitch)
        {
            actions.Add(CardActions.Command(T(culture, "Button.Pitch"), OutreachCommandSet.Pitch.Name, pitch));
        }

        actions.Add(CardActions.Command(T(culture, "Button.Status"), OutreachCommandSet.Status.Name));
        return new AdaptiveCard(body, actions);
    }

    public static AdaptiveCard Pipeline(PipelineView view, CultureInfo culture)
    {
        var body = new List<CardElement>
        {
            Title(view.Title),
        };
        if (view.Note is { } note)
        {
            body.Add(new TextBlock(note) { Spacing = Spacing.None });
        }

        body.Add(new TextBlock(view.Totals) { Spacing = Spacing.None });
        if (view.Agreements is { } agreements)
        {
            body.Add(new TextBlock(agreements) { Spacing = Spacing.None, Color = TextColor.Good });
        }

        body.Add(new TextBlock(view.Stages) { IsSubtle = true, Spacing = Spacing.None });
        body.AddRange(view.Items.Select(i => OutreachBlock(i, culture, detailed: false)));
        if (view.PageCount > 1)
        {
            body.Add(new TextBlock(T(culture, "Pipeline.Page", view.Page, view.PageCount)) { IsSubtle = true, Spacing = Spacing.Medium });
        }

        var actions = new List<CardAction>();
        if (view.Page > 1)
        {
            actions.Add(CardActions.Command(T(culture, "Button.PreviousPage"), OutreachCommandSet.Pipeline.Name, view.PagePrefix + (view.Page - 1).ToString(CultureInfo.InvariantCulture)));
        }

        if (view.Page < view.PageCount)
        {
            actions.Add(CardActions.Command(T(culture, "Button.NextPage"), OutreachCommandSet.Pipeline.Name, view.PagePrefix + (view.Page + 1).ToString(CultureInfo.InvariantCulture)));
        }

        actions.Add(CardActions.Command(T(culture, "Button.Export"), OutreachCommandSet.Export.Name));
        return new AdaptiveCard(body, actions);
    }

    /// <summary>Why there is no team pipeline to show, with the way on: tell me who you are, or see your own pipeline.</summary>
    public static AdaptiveCard TeamUnknown(string why, CultureInfo culture) =>
        new(
            [new TextBlock(why)],
            [
                CardActions.Command(T(culture, "Button.Pipeline"), OutreachCommandSet.Pipeline.Name),
                CardActions.Command(T(culture, "Button.Help"), CoreCommandSet.Help.Name),
            ]);

    public static AdaptiveCard MeetingBooked(MeetingView view, CultureInfo culture)
    {
        var facts = new List<Fact>
        {
            new(T(culture, "Field.When"), view.When),
            new(T(culture, "Field.Leaders"), T(culture, view.BothLeaders ? "Value.BothLeaders" : "Value.NotBothLeaders")),
        };
        if (view.Kpis is { } kpis)
        {
            facts.Add(new(T(culture, "Field.Kpis"), kpis));
        }

        if (view.LeaderConcerns is { } concerns)
        {
            facts.Add(new(T(culture, "Field.LeaderConcerns"), concerns));
        }

        return new AdaptiveCard(
            [Title(T(culture, "Meeting.Booked", view.DepartmentName)), new FactSet(facts), new TextBlock(T(culture, "Meeting.Next")) { IsSubtle = true }],
            [
                view.OutreachId.Length > 0
                    ? StageTwoButton(T(culture, "Button.StageTwo"), view.OutreachId, view.DepartmentId)
                    : CardActions.Command(T(culture, "Button.StageTwo"), StageTwoCommandSet.Market.Name),
                CardActions.Command(T(culture, "Button.Status"), OutreachCommandSet.Status.Name),
                .. view.OutreachId.Length > 0 ? EndButtons(view.OutreachId, view.DepartmentId, null, culture) : [],
            ]);
    }

    public static AdaptiveCard Ended(EndedView view, CultureInfo culture)
    {
        var body = new List<CardElement>
        {
            Title(view.Agreement is null ? T(culture, "Ended.Dropped.Title", view.DepartmentName) : T(culture, "Ended.Agreed.Title", view.DepartmentName)),
        };
        var facts = new List<Fact>();
        if (view.Agreement is { } agreement)
        {
            facts.Add(new(T(culture, "Field.Agreement"), agreement.Terms));
            facts.Add(new(T(culture, "Field.DecidedBy"), agreement.DecidedBy));
        }

        if (view.Pace is { } pace)
        {
            facts.Add(new(T(culture, "Field.Pace"), pace));
        }

        if (view.DropNote is { Length: > 0 } why)
        {
            facts.Add(new(T(culture, "Field.Why"), why));
        }

        if (facts.Count > 0)
        {
            body.Add(new FactSet(facts));
        }

        if (view.ClosedOutreach)
        {
            body.Add(new TextBlock(T(culture, "Ended.Closed", view.Idea)) { Spacing = Spacing.Medium });
        }
        else if (view.Agreement is null)
        {
            body.Add(new TextBlock(T(culture, "Ended.Dropped.Next")) { IsSubtle = true });
        }

        var actions = new List<CardAction>();
        if (view.Agreement is null)
        {
            actions.Add(ReopenButton(T(culture, "Button.UndoDrop"), view.OutreachId, view.DepartmentId));
            if (!view.ClosedOutreach)
            {
                actions.Add(CardActions.Command(T(culture, "Button.FindDepartments"), DirectoryCommandSet.Find.Name, view.FindQuery));
            }
        }

        if (view.ClosedOutreach)
        {
            actions.Add(ReopenButton(T(culture, "Button.ReopenOutreach"), view.OutreachId, null));
        }

        actions.Add(CardActions.Command(T(culture, "Button.Pipeline"), OutreachCommandSet.Pipeline.Name));
        return new AdaptiveCard(body, actions);
    }

    public static AdaptiveCard Reopened(ReopenedView view, CultureInfo culture) =>
        new(
            [
                Title(view.Partner is null ? T(culture, "Reopened.Outreach", view.Idea) : T(culture, "Reopened.Partner", view.Partner, view.Stage)),
                new TextBlock(view.Partner is null ? T(culture, "Reopened.Outreach.Next") : T(culture, "Reopened.Partner.Next", view.Idea)) { IsSubtle = true },
            ],
            [
                .. view.Partner is null ? [CardActions.Command(T(culture, "Button.FindDepartments"), DirectoryCommandSet.Find.Name, view.FindQuery)] : Array.Empty<CardAction>(),
                CardActions.Command(T(culture, "Button.Status"), OutreachCommandSet.Status.Name),
            ]);

    /// <summary>Which closed outreach "reopen" means, one button each.</summary>
    public static AdaptiveCard ChooseReopen(IReadOnlyList<OutreachChoice> choices, CultureInfo culture) =>
        new(
            [new TextBlock(T(culture, "Reopen.WhichOutreach"))],
            [.. choices.Take(5).Select(c => (CardAction)ReopenButton(Short(c.Idea, 40), c.OutreachId, null))]);

    /// <summary>"Agreed" (asks what was agreed and who decided) and "Drop" for a partner that answered; the name goes into the titles when given.</summary>
    public static IReadOnlyList<CardAction> EndButtons(string outreachId, string departmentId, string? departmentName, CultureInfo culture) =>
    [
        CardActions.Verb(
            departmentName is { Length: > 0 } agreedWith ? T(culture, "Button.AgreedWith", agreedWith) : T(culture, "Button.Agreed"),
            new RecordOutcome(outreachId, departmentId, OutcomeWords.Agreed)),
        CardActions.Verb(
            departmentName is { Length: > 0 } dropped ? T(culture, "Button.DropPartner", dropped) : T(culture, "Button.Drop"),
            new RecordOutcome(outreachId, departmentId, OutcomeWords.Dropped)),
    ];

    public static AdaptiveCard Export(ExportLinks links, CultureInfo culture) =>
        new(
            [Title(T(culture, "Export.Title", links.Outreaches)), new TextBlock(T(culture, "Export.LinksNote")) { IsSubtle = true }],
            [
                CardActions.OpenUrl(T(culture, "Export.PipelineCsv"), links.PipelineCsv),
                CardActions.OpenUrl(T(culture, "Export.TimelinesCsv"), links.TimelinesCsv),
                CardActions.OpenUrl(T(culture, "Export.Markdown"), links.Markdown),
            ]);

    /// <summary>The three outcomes; "refused" opens the reason picker (on text channels each reason is a numbered choice).</summary>
    public static IReadOnlyList<CardAction> OutcomeButtons(string outreachId, string departmentId, CultureInfo culture) =>
    [
        CardActions.ShowCard(T(culture, "Button.Refused"), new AdaptiveCard(
        [
            CardLayout.Picker(ReasonField, T(culture, "Contact.ReasonLabel"), ReasonChoices(culture),
                CardActions.Verb(T(culture, "Button.RecordRefusal"), new RecordOutcome(outreachId, departmentId, OutcomeWords.Refused))),
        ])),
        CardActions.Verb(T(culture, "Button.NoCapacity"), new RecordOutcome(outreachId, departmentId, OutcomeWords.NoCapacity)),
        CardActions.Verb(T(culture, "Button.Interested"), new RecordOutcome(outreachId, departmentId, OutcomeWords.Interested)),
    ];

    private static Container OutreachBlock(OutreachLine line, CultureInfo culture, bool detailed)
    {
        var items = new List<CardElement>
        {
            new TextBlock((line.Overdue ? "⚠ " : string.Empty) + line.Idea) { Weight = TextWeight.Bolder, Color = line.Overdue ? TextColor.Attention : null },
            new TextBlock(line.Summary) { IsSubtle = true, Spacing = Spacing.None },
        };
        if (line.Targets.Count == 0)
        {
            items.Add(new TextBlock(T(culture, "Value.NoTargetYet")) { Spacing = Spacing.None });
        }
        else if (detailed)
        {
            foreach (var target in line.Targets)
            {
                items.Add(new TextBlock("• " + target.Text) { Spacing = Spacing.None });
                if (target.Next is { } next)
                {
                    items.Add(new TextBlock("  → " + next) { IsSubtle = true, Spacing = Spacing.None });
                }

                if (target.CanAgree)
                {
                    items.Add(new ActionSet(EndButtons(line.OutreachId, target.DepartmentId, target.DepartmentName, culture)));
                }
            }

            if (!line.IsOpen)
            {
                items.Add(new ActionSet([ReopenButton(T(culture, "Button.ReopenOutreach"), line.OutreachId, null)]));
            }
        }
        else
        {
            items.Add(new TextBlock(string.Join(Separator(culture), line.Targets.Select(t => t.Text))) { Spacing = Spacing.None, Size = TextSize.Small });
        }

        return new Container(items) { Separator = true, Spacing = Spacing.Small };
    }

    private static ExecuteAction ReopenButton(string title, string outreachId, string? departmentId) =>
        CardActions.Verb(title, OutreachCommandSet.Reopen.Name, new OutreachButton(outreachId, departmentId).Data());

    /// <summary>The stage-2 material for this partner: remembers the partner, then shows its brief.</summary>
    private static ExecuteAction StageTwoButton(string title, string outreachId, string departmentId) =>
        CardActions.Verb(title, new ChoosePartner(outreachId, departmentId, StageTwoCommandSet.Brief.Name));

    /// <summary>The refusal reason picker fills the outcome button's reason.</summary>
    private static string ReasonField => CardActionCodec.FieldName(nameof(RecordOutcome.Reason));

    private static ChoiceSetInput ReasonChoice(CultureInfo culture) =>
        new(ReasonField, ReasonChoices(culture))
        {
            Label = T(culture, "Contact.ReasonLabel"),
            Style = ChoiceInputStyle.Compact,
        };

    private static IReadOnlyList<Choice> ReasonChoices(CultureInfo culture) =>
    [
        new Choice(T(culture, "RefusalReason.NotTheirScope"), "not-their-scope"),
        new Choice(T(culture, "RefusalReason.RevenueNotTheirKpi"), "revenue-not-kpi"),
        new Choice(T(culture, "RefusalReason.FocusedOnCore"), "focused-on-core"),
        new Choice(T(culture, "RefusalReason.Other"), "other"),
    ];

    internal static IEnumerable<CardElement> Warnings(IReadOnlyList<string> collisions, CultureInfo culture) =>
        collisions.Count == 0
            ? []
            : [new Container([new TextBlock(T(culture, "Collision.Title")) { Weight = TextWeight.Bolder, Color = TextColor.Attention }, .. collisions.Select(c => (CardElement)new TextBlock(c))]) { Style = ContainerStyle.Attention }];

    internal static TextBlock Title(string text) => new(text) { Size = TextSize.Medium, Weight = TextWeight.Bolder };

    private static string Separator(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.Ordinal) ? "；" : "; ";

    private static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>An outcome for a department not on any outreach yet: one button adds it and records the outcome.</summary>
    public static AdaptiveCard AddTargetWithOutcome(string departmentId, string departmentName, string outcome, string? reason, CultureInfo culture)
    {
        return new AdaptiveCard(
            [new TextBlock(T(culture, "Outcome.AddTarget", departmentName)) { Wrap = true }],
            [CardActions.Verb(T(culture, "Outcome.AddTargetButton", departmentName), new AddTargetWithOutcome(departmentId, outcome, string.IsNullOrWhiteSpace(reason) ? null : reason))]);
    }

    /// <summary>A department name that fits several departments: one button per candidate runs the command for it.</summary>
    public static AdaptiveCard WhichDepartment(string typed, IReadOnlyList<(string Name, string Arguments)> candidates, string command, CultureInfo culture) =>
        new(
            [new TextBlock(T(culture, "Status.WhichDepartment", typed)) { Wrap = true }],
            [.. candidates.Select(c => CardActions.Command(c.Name, command, c.Arguments))]);

    private static string T(CultureInfo culture, string key, params object?[] args) => Texts<OutreachTexts>.Get(culture, key, args);
}
