using OutreachBot.Features.Directory;
using OutreachBot.Features.StageTwo;
using System.Globalization;
using OutreachBot.Chat.Cards;
using OutreachBot.Chat.Commands;
using OutreachBot.Chat.Localization;

namespace OutreachBot.Features.Outreaches;

/// <summary>Card data keys and verbs of the outreach buttons.</summary>
public static class OutreachVerbs
{
    public const string TargetDepartment = "targetDepartment";
    public const string RecordContact = "recordContact";
    public const string RecordOutcome = "recordOutcome";
    public const string BookMeeting = "bookMeeting";
    public const string EditPrep = "editPrep";

    public const string OutreachId = "outreachId";
    public const string DepartmentId = "departmentId";
    public const string Route = "route";
    public const string Outcome = "outcome";
    public const string Reason = "reason";
    public const string Note = "note";
    public const string Person = "person";
    public const string DefaultPerson = "defaultPerson";
    public const string Message = "message";
}

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

public sealed record PitchView(
    string OutreachId,
    string DepartmentId,
    string DepartmentName,
    string Route,
    string? Draft,
    string? PersonName,
    IReadOnlyList<string> Hints,
    IReadOnlyList<string> Collisions);

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

public sealed record TargetLine(string Text, string? Next);

public sealed record OutreachLine(string OutreachId, string Idea, string Summary, bool Overdue, IReadOnlyList<TargetLine> Targets);

public sealed record StatusView(IReadOnlyList<OutreachLine> Outreaches, int More);

/// <summary>One of my outreaches at the partner; <see cref="AwaitsOutcome"/> when the target was contacted and the answer is not in yet.</summary>
public sealed record PartnerOutreach(
    string OutreachId, string DepartmentId, string Idea, string Stage, bool AwaitsOutcome, string? LastContact, string? Next, IReadOnlyList<string> Timeline);

public sealed record PartnerView(string DepartmentName, string? PitchArgument, IReadOnlyList<PartnerOutreach> Outreaches, IReadOnlyList<string> Others);

/// <summary>A page of the pipeline; <see cref="PagePrefix"/> goes before the page number of the paging buttons ("team ").</summary>
public sealed record PipelineView(
    string Title, string? Note, string Totals, string Stages, IReadOnlyList<OutreachLine> Items, int Page, int PageCount, string PagePrefix);

public sealed record OutreachChoice(string OutreachId, string Idea);

public sealed record MeetingView(string DepartmentName, string When, bool BothLeaders, string? Kpis, string? LeaderConcerns);

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
                CardActions.Verb(T(culture, "Button.EditPoints"), OutreachVerbs.EditPrep, Data(view.OutreachId)),
                CardActions.Command(T(culture, "Button.Status"), OutreachCommandSet.Status.Name),
            ]);
    }

    public static AdaptiveCard Pitch(PitchView view, CultureInfo culture)
    {
        var body = new List<CardElement> { Title(T(culture, "Pitch.Title", view.DepartmentName)) };
        body.AddRange(Warnings(view.Collisions, culture));
        if (view.Draft is null)
        {
            body.Add(new TextBlock(T(culture, "Pitch.NotReady")));
            body.AddRange(view.Hints.Select(h => (CardElement)new TextBlock("• " + h) { Spacing = Spacing.None }));
            return new AdaptiveCard(
                body,
                [
                    CardActions.Verb(T(culture, "Button.EditPoints"), OutreachVerbs.EditPrep, Data(view.OutreachId)),
                    CardActions.Command(T(culture, "Button.Status"), OutreachCommandSet.Status.Name),
                ]);
        }

        body.Add(new TextBlock(T(culture, "Pitch.Intro")) { IsSubtle = true });
        body.AddRange(view.Hints.Select(h => (CardElement)new TextBlock("• " + h) { IsSubtle = true, Spacing = Spacing.None }));
        body.Add(new TextInput(OutreachVerbs.Message) { Label = T(culture, "Pitch.MessageLabel"), IsMultiline = true, Value = view.Draft, MaxLength = 2000 });
        body.Add(new TextInput(OutreachVerbs.Person) { Label = T(culture, "Pitch.PersonLabel"), Value = view.PersonName, MaxLength = 200 });
        var data = Data(view.OutreachId, view.DepartmentId);
        data[OutreachVerbs.Route] = view.Route;
        data[OutreachVerbs.DefaultPerson] = view.PersonName ?? string.Empty;
        return new AdaptiveCard(
            body,
            [
                CardActions.Verb(T(culture, "Button.ISentIt"), OutreachVerbs.RecordContact, data),
                CardActions.Verb(T(culture, "Button.EditPoints"), OutreachVerbs.EditPrep, Data(view.OutreachId)),
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
        body.Add(ReasonChoice(culture));
        return new AdaptiveCard(body, OutcomeButtons(view.OutreachId, view.DepartmentId, culture));
    }

    public static AdaptiveCard NotContactedYet(NotContactedView view, CultureInfo culture)
    {
        var data = Data(view.OutreachId, view.DepartmentId);
        data[OutreachVerbs.DefaultPerson] = view.DefaultPerson ?? string.Empty;
        return new AdaptiveCard(
            [
                new TextBlock(T(culture, "Outcome.NotContacted", view.DepartmentName)),
                new TextInput(OutreachVerbs.Person) { Label = T(culture, "Pitch.PersonLabel"), Value = view.DefaultPerson, MaxLength = 200 },
            ],
            [
                CardActions.Verb(T(culture, "Button.RecordContact"), OutreachVerbs.RecordContact, data),
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
        body.AddRange(view.Actions.Select((a, i) => (CardElement)new TextBlock($"{i + 1}. {a}") { Spacing = Spacing.Small }));
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
            body.Add(new TextInput(OutreachVerbs.Message) { Label = T(culture, "Outcome.DraftLabel"), IsMultiline = true, Value = draft, MaxLength = 2000, Spacing = Spacing.Medium });
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
                    T(culture, "Button.Target", a.Name), OutreachVerbs.TargetDepartment, TargetData(view.OutreachId, a.DepartmentId, "KeywordSearch"))));
                actions.Add(CardActions.Command(T(culture, "Button.FindDepartments"), DirectoryCommandSet.Find.Name, view.FindQuery));
                break;
            case OutcomeWords.NoCapacity:
                actions.Add(CardActions.Verb(T(culture, "Button.BookMeeting"), OutreachVerbs.BookMeeting, Data(view.OutreachId, view.DepartmentId)));
                break;
            default:
                actions.Add(CardActions.Verb(T(culture, "Button.BookMeeting"), OutreachVerbs.BookMeeting, Data(view.OutreachId, view.DepartmentId)));
                actions.Add(CardActions.Command(T(culture, "Button.StageTwo"), StageTwoCommandSet.Market.Name));
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
            [.. choices.Take(5).Select(c => (CardAction)CardActions.Verb(Short(c.Idea, 40), OutreachVerbs.TargetDepartment, TargetData(c.OutreachId, departmentId, route)))]);

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

            if (outreach.AwaitsOutcome)
            {
                items.Add(new ActionSet(OutcomeButtons(outreach.OutreachId, outreach.DepartmentId, culture)));
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
                CardActions.Command(T(culture, "Button.StageTwo"), StageTwoCommandSet.Market.Name),
                CardActions.Command(T(culture, "Button.Status"), OutreachCommandSet.Status.Name),
            ]);
    }

    public static AdaptiveCard Export(ExportLinks links, CultureInfo culture) =>
        new(
            [Title(T(culture, "Export.Title", links.Outreaches)), new TextBlock(T(culture, "Export.LinksNote")) { IsSubtle = true }],
            [
                CardActions.OpenUrl(T(culture, "Export.PipelineCsv"), links.PipelineCsv),
                CardActions.OpenUrl(T(culture, "Export.TimelinesCsv"), links.TimelinesCsv),
                CardActions.OpenUrl(T(culture, "Export.Markdown"), links.Markdown),
            ]);

    public static IReadOnlyList<CardAction> OutcomeButtons(string outreachId, string departmentId, CultureInfo culture) =>
    [
        CardActions.Verb(T(culture, "Button.Refused"), OutreachVerbs.RecordOutcome, OutcomeData(outreachId, departmentId, OutcomeWords.Refused)),
        CardActions.Verb(T(culture, "Button.NoCapacity"), OutreachVerbs.RecordOutcome, OutcomeData(outreachId, departmentId, OutcomeWords.NoCapacity)),
        CardActions.Verb(T(culture, "Button.Interested"), OutreachVerbs.RecordOutcome, OutcomeData(outreachId, departmentId, OutcomeWords.Interested)),
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
            }
        }
        else
        {
            items.Add(new TextBlock(string.Join(Separator(culture), line.Targets.Select(t => t.Text))) { Spacing = Spacing.None, Size = TextSize.Small });
        }

        return new Container(items) { Separator = true, Spacing = Spacing.Small };
    }

    private static ChoiceSetInput ReasonChoice(CultureInfo culture) =>
        new(OutreachVerbs.Reason,
        [
            new Choice(T(culture, "RefusalReason.NotTheirScope"), "not-their-scope"),
            new Choice(T(culture, "RefusalReason.RevenueNotTheirKpi"), "revenue-not-kpi"),
            new Choice(T(culture, "RefusalReason.FocusedOnCore"), "focused-on-core"),
            new Choice(T(culture, "RefusalReason.Other"), "other"),
        ])
        {
            Label = T(culture, "Contact.ReasonLabel"),
            Style = ChoiceInputStyle.Compact,
        };

    private static IEnumerable<CardElement> Warnings(IReadOnlyList<string> collisions, CultureInfo culture) =>
        collisions.Count == 0
            ? []
            : [new Container([new TextBlock(T(culture, "Collision.Title")) { Weight = TextWeight.Bolder, Color = TextColor.Attention }, .. collisions.Select(c => (CardElement)new TextBlock(c))]) { Style = ContainerStyle.Attention }];

    private static TextBlock Title(string text) => new(text) { Size = TextSize.Medium, Weight = TextWeight.Bolder };

    private static Dictionary<string, string> Data(string outreachId, string? departmentId = null)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [OutreachVerbs.OutreachId] = outreachId };
        if (departmentId is not null)
        {
            data[OutreachVerbs.DepartmentId] = departmentId;
        }

        return data;
    }

    private static Dictionary<string, string> OutcomeData(string outreachId, string departmentId, string outcome)
    {
        var data = Data(outreachId, departmentId);
        data[OutreachVerbs.Outcome] = outcome;
        return data;
    }

    private static Dictionary<string, string> TargetData(string outreachId, string departmentId, string route)
    {
        var data = Data(outreachId, departmentId);
        data[OutreachVerbs.Route] = route;
        return data;
    }

    private static string Separator(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.Ordinal) ? "；" : "; ";

    private static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string T(CultureInfo culture, string key, params object?[] args) => Texts<OutreachTexts>.Get(culture, key, args);
}
