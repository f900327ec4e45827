using System.Globalization;
using OutreachBot.Domain.Directory.Leads;
using OutreachBot.Domain.Directory.Referrals;
using OutreachBot.Domain.Directory.Search;
using OutreachBot.Features.Outreaches;
using OutreachBot.Features.Settings;

namespace OutreachBot.Features.Directory;

/// <param name="Need">What the user is looking for, passed on to "ask this person" (the search query when opened from find).</param>
/// <param name="Route">Set when the user opened this department from a search hit; asking someone then records no second lead.</param>
public sealed record OrgView(DepartmentOverview Overview, Department? Parent, string? Need, LeadRoute? FoundBy);

public sealed record FirstQuestionView(Person Person, Department PersonDepartment, int TenureYears, Department Target, string Need, string Draft);

public sealed record ReferralView(
    Person You,
    Department YourDepartment,
    Department Target,
    ReferralPaths Paths,
    IReadOnlyList<VeteranIntroducer> Veterans,
    int VeteranYears,
    int MaxHops);

public sealed record RecordedReferralView(Department Target, IReadOnlyList<(Person Introducer, Person To)> Introductions, string When);

/// <summary>The department finder's cards, one pure function each.</summary>
public static class DirectoryCards
{
    private const int ButtonsPerRow = 5;

    public static AdaptiveCard FindResults(string query, IReadOnlyList<DepartmentHit> hits, IReadOnlyList<NeedContact> contacts, CultureInfo culture)
    {
        var language = LanguageOf(culture);
        var body = new List<CardElement>
        {
            new TextBlock(T(culture, "Find.Title", query)) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
        };
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            var department = hit.Department;
            var items = new List<CardElement>
            {
                new TextBlock(department.Name(language)) { Weight = TextWeight.Bolder },
                new TextBlock(PathText(hit.PathFromRoot, language)) { IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small },
                new TextBlock(WhyText(hit, culture)) { Spacing = Spacing.None, Size = TextSize.Small },
            };
            if (hit.Snippet.Highlights.Count > 0)
            {
                items.Add(new TextBlock(T(culture, "Find.Why", FieldLabel(hit.Snippet.Field, culture), hit.Snippet.Marked())) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
            }

            if (hit.History is { IsEmpty: false } history)
            {
                items.Add(new TextBlock(HistoryText(history, culture)) { Size = TextSize.Small, Spacing = Spacing.None });
            }

            items.Add(new TextBlock(HeadLine(hit.Head, language, culture)) { Spacing = Spacing.None, Size = TextSize.Small });

            // One primary action (this is the one) and one way to look closer; referrals and the senior members are
            // on the org chart card it opens.
            body.Add(CardLayout.NumberedRow(i + 1, items,
            [
                Target(department, LeadRoute.KeywordSearch, query, culture),
                CardActions.Verb(
                    T(culture, "Button.OrgChart"),
                    DirectoryCommandSet.Org.Name,
                    CardActionCodec.Write(new OrgChartFromSearch(department.Id, nameof(LeadRoute.KeywordSearch), query))),
            ]) with
            { Separator = true, Spacing = Spacing.Medium });
        }

        if (contacts.Count > 0)
        {
            body.Add(new TextBlock(T(culture, "Find.PeopleTitle")) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
            foreach (var contact in contacts)
            {
                body.Add(new ColumnSet(
                [
                    new Column(
                    [
                        new TextBlock(contact.Person.Name(language) + " · " + LocalTitle(contact.Person.Title, language) + " · " + contact.Department.Name(language)),
                        new TextBlock(ContactText(contact, culture)) { IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small },
                    ]) { Width = "stretch" },
                    new Column([new ActionSet([Ask(contact.Person, contact.Department, NeedFor(query), LeadRoute.KeywordSearch, culture)])]) { Width = "auto" },
                ])
                { Spacing = Spacing.Small });
            }
        }

        body.Add(new TextBlock(T(culture, "Find.Tip")) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Medium });
        return new AdaptiveCard(body);
    }

    /// <summary>Why a department matched, in words: each matched word of the query and what it met there.</summary>
    internal static string WhyText(DepartmentHit hit, CultureInfo culture)
    {
        if (hit.Reasons.Count == 0)
        {
            return T(culture, "Find.Reason.Similar");
        }

        return string.Join(T(culture, "Find.Reason.Separator"), hit.Reasons.Take(3).Select(r =>
        {
            var typed = r.ReadAs is { } readAs && r.Correction != QueryCorrection.None
                ? T(culture, "Find.Reason.ReadAs." + r.Correction, r.Typed, readAs)
                : T(culture, "Find.Reason.Typed", r.Typed);
            var same = r.Kind == MatchKind.Exact && r.Correction == QueryCorrection.None && string.Equals(r.Typed.Trim(), r.Matched, StringComparison.OrdinalIgnoreCase);
            return T(culture, same ? "Find.Reason.ExactSame" : "Find.Reason." + r.Kind, typed, r.Matched, FieldLabel(r.Field, culture));
        }));
    }

    private static string HistoryText(HistoryNote history, CultureInfo culture) =>
        history.Refused == 0 ? T(culture, "Find.History.Agreed", history.Agreed)
        : history.Agreed == 0 ? T(culture, "Find.History.Refused", history.Refused)
        : T(culture, "Find.History.Both", history.Agreed, history.Refused);

    private static string ContactText(NeedContact contact, CultureInfo culture) => contact.Reason switch
    {
        ContactReason.TitleFits => T(culture, "Find.Contact.Title", contact.TenureYears),
        ContactReason.Head => T(culture, "Find.Contact.Head", contact.TenureYears),
        _ => T(culture, "Find.Contact.Senior", contact.TenureYears),
    };

    /// <summary>The query as the need for "ask this person", cut to what that card accepts.</summary>
    private static string NeedFor(string query) =>
        query.Length <= AskPersonAction.MaxNeedLength ? query : query[..AskPersonAction.MaxNeedLength];

    public static AdaptiveCard NoHits(string query, CultureInfo culture)
    {
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var actions = words.Length > 1
            ? words.Take(3).Select(w => (CardAction)CardActions.Command(Localized(DirectoryCommandSet.Find, culture) + " " + w, DirectoryCommandSet.Find.Name, w)).ToList()
            : [];
        actions.Add(CardActions.Command(T(culture, "Button.BrowseOrg"), DirectoryCommandSet.Org.Name));
        return new AdaptiveCard(
            [
                new TextBlock(T(culture, "Find.None", query)) { Weight = TextWeight.Bolder },
                new TextBlock(T(culture, words.Length > 1 ? "Find.NoneFewerWords" : "Find.NoneOtherWords")),
                new TextBlock(T(culture, "Find.NoneOtherLanguage")) { IsSubtle = true },
            ],
            actions);
    }

    public static AdaptiveCard FindUsage(CultureInfo culture) =>
        new(
            [new TextBlock(T(culture, "Find.Usage"))],
            [
                CardActions.Command("找 支付风控", DirectoryCommandSet.Find.Name, "支付风控"),
                CardActions.Command("find payment risk", DirectoryCommandSet.Find.Name, "payment risk"),
            ]);

    /// <summary>The top of the tree: each root with its head and its sub-departments as buttons.</summary>
    public static AdaptiveCard Top(IReadOnlyList<Department> roots, OrgDirectory directory, CultureInfo culture)
    {
        var language = LanguageOf(culture);
        var body = new List<CardElement> { new TextBlock(T(culture, "Org.TopTitle")) { Size = TextSize.Medium, Weight = TextWeight.Bolder } };
        foreach (var root in roots)
        {
            var children = directory.Children(root.Id);
            body.Add(new TextBlock(root.Name(language)) { Weight = TextWeight.Bolder, Separator = true });
            body.Add(new TextBlock(HeadLine(directory.Head(root.Id), language, culture)) { Spacing = Spacing.None });
            body.Add(new TextBlock(T(culture, "Org.ChildrenTitle", children.Count)) { Spacing = Spacing.Small, IsSubtle = true });
            body.AddRange(Rows(children.Select(c => (CardAction)CardActions.Command(c.Name(language), DirectoryCommandSet.Org.Name, c.Id))));
        }

        body.Add(new TextBlock(T(culture, "Org.TopTip")) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Medium });
        return new AdaptiveCard(body);
    }

    /// <summary>A department: where it sits, who leads it, who has been there longest (each to ask), its sub-departments.</summary>
    public static AdaptiveCard Department(OrgView view, CultureInfo culture)
    {
        var language = LanguageOf(culture);
        var overview = view.Overview;
        var department = overview.Department;
        var other = department.Name(language == Language.Chinese ? Language.English : Language.Chinese);
        var facts = new List<Fact> { new(T(culture, "Org.Head"), PersonLine(overview.Head, language, culture)) };
        if (view.Parent is { } parent)
        {
            facts.Add(new Fact(T(culture, "Org.Parent"), parent.Name(language)));
        }

        facts.Add(new Fact(T(culture, "Org.Members"), overview.MemberCount.ToString(culture)));
        var body = new List<CardElement>
        {
            new TextBlock(department.Name(language)) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(other) { IsSubtle = true, Spacing = Spacing.None },
            new TextBlock(PathText(overview.PathFromRoot, language)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
        };
        if (department.Description.Length > 0)
        {
            body.Add(new TextBlock(department.Description) { Spacing = Spacing.Small });
        }

        body.Add(new FactSet(facts));
        body.Add(new TextBlock(T(culture, "Org.SeniorTitle")) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
        body.Add(new TextBlock(T(culture, "Org.SeniorWhy")) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        if (overview.SeniorMembers.Count == 0)
        {
            body.Add(new TextBlock(T(culture, "Org.NoSenior")));
        }

        foreach (var senior in overview.SeniorMembers)
        {
            var where = senior.Department.Id == department.Id ? "" : " · " + senior.Department.Name(language);
            body.Add(new ColumnSet(
            [
                new Column(
                [
                    new TextBlock(senior.Person.Name(language) + " · " + LocalTitle(senior.Person.Title, language) + where),
                    new TextBlock(T(culture, "Org.Tenure", senior.TenureYears)) { IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small },
                ]) { Width = "stretch" },
                new Column([new ActionSet([Ask(senior.Person, department, view.Need, view.FoundBy is null ? LeadRoute.OrgChart : null, culture)])]) { Width = "auto" },
            ])
            { Spacing = Spacing.Small });
        }

        var actions = new List<CardAction>();
        if (overview.Children.Count > 0)
        {
            // Behind one button: a department with twenty sub-departments would otherwise be twenty buttons tall.
            actions.Add(CardActions.ShowCard(T(culture, "Org.ChildrenTitle", overview.Children.Count), new AdaptiveCard(
            [
                CardLayout.Picker(CardActions.ArgumentsKey, null,
                    [.. overview.Children.Select(c => new Choice(c.Name(language), c.Id))],
                    CardActions.Command(T(culture, "Button.OpenDepartment"), DirectoryCommandSet.Org.Name)),
            ])));
        }

        if (view.Parent is { } up)
        {
            actions.Add(CardActions.Command(T(culture, "Button.Up", up.Name(language)), DirectoryCommandSet.Org.Name, up.Id));
        }

        actions.Add(CardActions.Command(T(culture, "Button.Referrals"), DirectoryCommandSet.Referrals.Name, department.Id));
        actions.Add(Target(department, view.FoundBy ?? LeadRoute.OrgChart, view.Need, culture));
        if (view.FoundBy == LeadRoute.KeywordSearch && !string.IsNullOrWhiteSpace(view.Need))
        {
            // In Teams this card replaces the search results; one click brings them back.
            actions.Add(CardActions.Command(T(culture, "Button.BackToResults"), DirectoryCommandSet.Find.Name, view.Need));
        }
        return new AdaptiveCard(body, actions);
    }

    /// <summary>"Which one do you mean?" — each candidate with its place in the tree, as a button that repeats <paramref name="command"/> with its id.</summary>
    public static AdaptiveCard ChooseDepartment(string typed, IReadOnlyList<Department> candidates, OrgDirectory directory, CommandDefinition command, CultureInfo culture)
    {
        var language = LanguageOf(culture);
        var body = new List<CardElement> { new TextBlock(T(culture, "Choose.Title", typed)) { Weight = TextWeight.Bolder } };
        foreach (var candidate in candidates)
        {
            body.Add(new ColumnSet(
            [
                new Column([new TextBlock(PathText(directory.PathFromRoot(candidate.Id), language)) { Size = TextSize.Small }]) { Width = "stretch" },
                new Column([new ActionSet([CardActions.Command(candidate.Name(language), command.Name, candidate.Id)])]) { Width = "auto" },
            ])
            { Separator = true });
        }

        return new AdaptiveCard(body);
    }

    public static AdaptiveCard NoDepartment(string typed, CultureInfo culture) =>
        new(
            [new TextBlock(T(culture, "Department.NotFound", typed))],
            [
                CardActions.Command(Localized(DirectoryCommandSet.Find, culture) + " " + typed, DirectoryCommandSet.Find.Name, typed),
                CardActions.Command(T(culture, "Button.BrowseOrg"), DirectoryCommandSet.Org.Name),
            ]);

    /// <summary>The short first question for a colleague, ready to copy, with a field to say more precisely what is needed.</summary>
    public static AdaptiveCard FirstQuestion(FirstQuestionView view, CultureInfo culture)
    {
        var language = LanguageOf(culture);
        var name = view.Person.Name(language);
        return new AdaptiveCard(
            [
                new TextBlock(T(culture, "Ask.Title", name)) { Weight = TextWeight.Bolder, Size = TextSize.Medium },
                new TextBlock(T(culture, "Ask.Who", LocalTitle(view.Person.Title, language), view.PersonDepartment.Name(language), view.TenureYears, view.Person.Email))
                {
                    IsSubtle = true,
                    Spacing = Spacing.None,
                },
                new Container([new TextBlock(view.Draft)]) { Style = ContainerStyle.Emphasis },
                new TextBlock(T(culture, "Ask.Tip")) { IsSubtle = true, Size = TextSize.Small },
                new TextInput(CardActionCodec.FieldName(nameof(AskPerson.Need))) { Label = T(culture, "Ask.NeedLabel"), Value = view.Need, MaxLength = AskPersonAction.MaxNeedLength },
            ],
            [
                Ask(view.Person, view.Target, null, null, culture, T(culture, "Button.Redraft")),
                CardActions.Command(T(culture, "Button.BackTo", view.Target.Name(language)), DirectoryCommandSet.Org.Name, view.Target.Id),
            ]);
    }

    public static AdaptiveCard NotLinked(CultureInfo culture) =>
        new(
            [
                new TextBlock(T(culture, "Referral.NotLinked")),
                new TextInput(CardActions.ArgumentsKey) { Label = T(culture, "Referral.EmailLabel"), Placeholder = "name@company.com", MaxLength = 254 },
            ],
            [CardActions.Command(T(culture, "Button.LinkMe"), SettingsCommandSet.Iam.Name)]);

    /// <summary>Shortest introduction paths (each hop explained), then the veterans who could introduce the user.</summary>
    public static AdaptiveCard Referrals(ReferralView view, CultureInfo culture)
    {
        var language = LanguageOf(culture);
        var target = view.Target.Name(language);
        var body = new List<CardElement>
        {
            new TextBlock(T(culture, "Referral.Title", target)) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(T(culture, "Referral.You", view.You.Name(language), view.YourDepartment.Name(language))) { IsSubtle = true, Spacing = Spacing.None },
        };
        switch (view.Paths.Status)
        {
            case ReferralStatus.AlreadyInDepartment:
                body.Add(new TextBlock(T(culture, "Referral.AlreadyIn", target)));
                break;
            case ReferralStatus.Found:
                body.Add(new TextBlock(T(culture, "Referral.PathsTitle", view.Paths.Paths.Count)) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
                if (view.Paths.ThroughTopExecutives)
                {
                    body.Add(new TextBlock(T(culture, "Referral.ThroughTop")) { Size = TextSize.Small, Spacing = Spacing.None });
                }

                for (var i = 0; i < view.Paths.Paths.Count; i++)
                {
                    body.Add(PathContainer(i + 1, view.Paths.Paths[i], view.Target, culture));
                }

                break;
            default:
                body.Add(new TextBlock(T(culture, "Referral.NoPath", target, view.MaxHops)) { Separator = true, Spacing = Spacing.Medium });
                break;
        }

        body.Add(new TextBlock(T(culture, "Referral.VeteransTitle", view.VeteranYears)) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
        if (view.Veterans.Count == 0)
        {
            body.Add(new TextBlock(T(culture, "Referral.NoVeterans", view.VeteranYears)));
        }

        foreach (var veteran in view.Veterans)
        {
            var facts = veteran.HopsToTarget is { } toTarget
                ? T(culture, "Referral.VeteranFacts", veteran.TenureYears, veteran.HopsFromYou, toTarget)
                : T(culture, "Referral.VeteranFactsNoTarget", veteran.TenureYears, veteran.HopsFromYou);
            body.Add(new ColumnSet(
            [
                new Column(
                [
                    new TextBlock(veteran.Person.Name(language) + " · " + veteran.Department.Name(language) + " · " + LocalTitle(veteran.Person.Title, language)),
                    new TextBlock(facts) { IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small },
                ]) { Width = "stretch" },
                new Column([new ActionSet([Ask(veteran.Person, view.Target, null, null, culture)])]) { Width = "auto" },
            ])
            { Spacing = Spacing.Small });
        }

        return new AdaptiveCard(body,
        [
            CardActions.Command(T(culture, "Button.OrgChart"), DirectoryCommandSet.Org.Name, view.Target.Id),
            Target(view.Target, LeadRoute.Referral, null, culture),
        ]);
    }

    /// <summary>"Who introduced you?" — one toggle per introduction of the path; only the ticked ones are recorded.</summary>
    public static AdaptiveCard ConfirmIntroductions(IntroductionPath path, Department target, CultureInfo culture)
    {
        var language = LanguageOf(culture);
        var body = new List<CardElement>
        {
            new TextBlock(T(culture, "Referral.ConfirmTitle")) { Weight = TextWeight.Bolder },
            new TextBlock(T(culture, "Referral.ConfirmHelp")) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
        };
        for (var i = 1; i < path.Steps.Count; i++)
        {
            body.Add(new ToggleInput(RecordReferral.Introduction(i), T(culture, "Referral.ConfirmLine", path.Steps[i].From.Name(language), path.Steps[i].To.Name(language)))
            {
                Value = "false",
            });
        }

        return new AdaptiveCard(body,
        [
            CardActions.Verb(T(culture, "Button.ConfirmIntroductions"), RecordReferral.Of(path, target, confirmed: true)),
        ]);
    }

    public static AdaptiveCard ReferralRecorded(RecordedReferralView view, CultureInfo culture)
    {
        var language = LanguageOf(culture);
        var body = new List<CardElement> { new TextBlock(T(culture, "Recorded.Title")) { Weight = TextWeight.Bolder } };
        body.AddRange(view.Introductions.Select(i => (CardElement)new TextBlock("• " + T(culture, "Recorded.Line", i.Introducer.Name(language), i.To.Name(language))) { Spacing = Spacing.None }));
        body.Add(new TextBlock(T(culture, "Recorded.When", view.When)) { IsSubtle = true, Size = TextSize.Small });
        body.Add(new TextBlock(T(culture, "Recorded.Next", view.Target.Name(language))));
        return new AdaptiveCard(body,
        [
            CardActions.Command(T(culture, "Button.OrgChart"), DirectoryCommandSet.Org.Name, view.Target.Id),
            Target(view.Target, LeadRoute.Referral, null, culture),
        ]);
    }

    private static Container PathContainer(int number, IntroductionPath path, Department target, CultureInfo culture)
    {
        var language = LanguageOf(culture);
        var items = new List<CardElement>
        {
            new TextBlock(T(culture, "Referral.PathN", number, path.Length)) { Weight = TextWeight.Bolder },
        };
        items.AddRange(path.Steps.Select(step => (CardElement)new TextBlock("→ " + Hop(step, path.From, language, culture)) { Spacing = Spacing.None }));
        if (path.Length == 1)
        {
            items.Add(new TextBlock(T(culture, "Referral.Direct", path.To.Name(language))) { Spacing = Spacing.Small });
            items.Add(new ActionSet([Ask(path.To, target, null, null, culture)]));
        }
        else
        {
            items.Add(new TextBlock(T(culture, "Referral.AskFirst", path.Steps[1].From.Name(language), path.Steps[1].To.Name(language))) { Spacing = Spacing.Small });
            items.Add(new ActionSet(
            [
                CardActions.Verb(T(culture, "Button.Introduced"), RecordReferral.Of(path, target)),
            ]));
        }

        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }

    /// <summary>One hop, said from the user's side when it starts at them.</summary>
    internal static string Hop(PathStep step, Person you, Language language, CultureInfo culture)
    {
        var fromYou = step.From.Id == you.Id;
        var from = step.From.Name(language);
        var to = step.To.Name(language);
        var suffix = fromYou ? ".You" : "";
        return step.Via switch
        {
            Connection.SameDepartment => T(culture, "Hop.SameDepartment" + suffix, from, to),
            Connection.Manager => T(culture, "Hop.Manager" + suffix, from, to),
            Connection.DirectReport => T(culture, "Hop.DirectReport" + suffix, from, to),
            _ => T(culture, "Hop.PastIntroduction" + suffix, from, to),
        };
    }

    private static ExecuteAction Ask(Person person, Department target, string? need, LeadRoute? route, CultureInfo culture, string? title = null) =>
        CardActions.Verb(title ?? T(culture, "Button.Ask"), new AskPerson(person.Id, target.Id, Given(need), route?.ToString()));

    private static ExecuteAction Target(Department department, LeadRoute route, string? query, CultureInfo culture) =>
        CardActions.Verb(T(culture, "Button.Target"), new TargetDepartment(department.Id, route.ToString(), Query: Given(query)));

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static IEnumerable<ActionSet> Rows(IEnumerable<CardAction> actions) =>
        actions.Chunk(ButtonsPerRow).Select(row => new ActionSet(row) { Spacing = Spacing.Small });

    private static string HeadLine(Person? head, Language language, CultureInfo culture) =>
        T(culture, "Org.HeadLine", PersonLine(head, language, culture));

    private static string PersonLine(Person? person, Language language, CultureInfo culture) =>
        person is null ? T(culture, "Org.NoHead") : person.Name(language) + " · " + LocalTitle(person.Title, language);

    internal static string PathText(IEnumerable<Department> path, Language language) =>
        string.Join(" › ", path.Select(d => d.Name(language)));

    private static string FieldLabel(DepartmentField field, CultureInfo culture) => T(culture, "Field." + field);

    private static string Localized(CommandDefinition command, CultureInfo culture) =>
        command.Form(culture);

    /// <summary>Bilingual titles such as "风控经理 / Risk Manager" shown in the user's language; any other title as is.</summary>
    internal static string LocalTitle(string title, Language language)
    {
        var parts = title.Split(" / ", 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return title;
        }

        var (chinese, english) = HasCjk(parts[0]) ? (parts[0], parts[1]) : (parts[1], parts[0]);
        return language == Language.Chinese ? chinese : english;
    }

    internal static Language LanguageOf(CultureInfo culture) => Language.Of(culture);

    private static bool HasCjk(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    private static string T(CultureInfo culture, string key, params object?[] args) => Texts<DirectoryTexts>.Get(culture, key, args);
}
