using OutreachBot.Domain.Directory.Leads;
using OutreachBot.Domain.Directory.Referrals;
using OutreachBot.Domain.Storage.Leads;

namespace OutreachBot.Features.Directory;

/// <summary>
/// "Ask this person": the short, polite first question the article recommends (who is the right person for X?),
/// in the user's language and ready to copy — not the pitch. From the org chart it records the lead.
/// </summary>
public sealed class AskPersonAction(LiveDirectory directory, LeadLog leads) : CardActionHandler<AskPerson>
{
    public const int MaxNeedLength = 100;

    public override async Task HandleAsync(AskPerson action, ChatSession session, CancellationToken cancellationToken)
    {
        var snapshot = directory.Current;
        var person = snapshot.Directory.FindPerson(action.PersonId);
        var target = snapshot.Directory.FindDepartment(action.DepartmentId);
        if (person is null || target is null)
        {
            session.Reply(session.Text<DirectoryTexts>("Directory.Stale"));
            return;
        }

        var language = DirectoryCards.LanguageOf(session.Culture);
        var typed = action.Need?.Trim() ?? "";
        if (typed.Length > MaxNeedLength)
        {
            session.Reply(session.Text<DirectoryTexts>("Ask.NeedTooLong", MaxNeedLength));
            return;
        }

        var need = typed.Length > 0 ? typed : DefaultNeed(target, language);
        var asker = session.Profile.PersonId is { } me ? snapshot.Directory.FindPerson(me) : null;
        var askerDepartment = asker is null ? null : snapshot.Directory.FindDepartment(asker.DepartmentId);
        var draft = FirstQuestionDraft.Create(session.Copy, person, target, need, asker, askerDepartment);
        if (Enum.TryParse<LeadRoute>(action.Route, out var route) && route == LeadRoute.OrgChart)
        {
            await leads.RecordAsync(target.Id, LeadRoute.OrgChart, RequesterResolver.Resolve(session).UserKey, $"ask {person.Id}", cancellationToken: cancellationToken);
        }
        else if (route == LeadRoute.KeywordSearch && typed.Length > 0)
        {
            // "Ask this person" straight from the search results: the keyword lead, with the query that found it.
            await leads.RecordAsync(target.Id, LeadRoute.KeywordSearch, session.User.Value, typed, cancellationToken: cancellationToken);
        }

        var personDepartment = snapshot.Directory.GetDepartment(person.DepartmentId);
        session.Reply(DirectoryCards.FirstQuestion(
            new FirstQuestionView(person, personDepartment, person.TenureYears(DirectoryDates.Today(session)), target, need, draft),
            session.Culture));
    }

    /// <summary>Without a stated need, the department's first keyword in the user's language stands for what they do.</summary>
    internal static string DefaultNeed(Department department, Language language)
    {
        var chinese = language == Language.Chinese;
        return department.Keywords.FirstOrDefault(k => k.Length > 0 && k.Any(c => c is >= '\u4e00' and <= '\u9fff') == chinese)
            ?? department.Name(language);
    }
}

/// <summary>
/// "I was introduced": the path comes from the button and must start at the user and still hold in the directory
/// (every hop a real manager, report, colleague or recorded introduction). The first press asks which introductions
/// actually happened, one toggle per person; the confirmation records only those, each once per
/// (introducer, introduced, to), plus a referral lead when something new was recorded.
/// </summary>
public sealed class RecordReferralAction(
    LiveDirectory directory, LeadLog leads, IEnumerable<IReferralListener> listeners, ILogger<RecordReferralAction> logger) : ICardActionHandler
{
    public async Task HandleAsync(CardActionRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var referral = CardActionCodec.Read<RecordReferral>(request.Data);
        var ids = referral.Path.Split(RecordReferral.PathSeparator);
        var via = referral.Via.Split(RecordReferral.PathSeparator);
        var connections = via.Select(v => Enum.TryParse<Connection>(v, out var c) && Enum.IsDefined(c) ? c : (Connection?)null).ToList();
        if (ids.Length < 3 || ids.Length > ReferralOptions.Default.MaxHops + 1 || via.Length != ids.Length - 1 || connections.Any(c => c is null))
        {
            throw new MalformedCardActionException($"'{RecordReferral.Verb}' needs a path of two to {ReferralOptions.Default.MaxHops} steps with one connection per step.");
        }

        var snapshot = directory.Current;
        var target = snapshot.Directory.FindDepartment(referral.DepartmentId);
        var people = ids.Select(snapshot.Directory.FindPerson).ToList();
        if (target is null || people.Any(p => p is null))
        {
            session.Reply(session.Text<DirectoryTexts>("Directory.Stale"));
            return;
        }

        if (session.Profile.PersonId != ids[0])
        {
            session.Reply(session.Text<DirectoryTexts>("Recorded.NotYours"));
            return;
        }

        // The button's connections are not trusted: each hop must hold in the directory as it is now.
        var steps = new List<PathStep>();
        for (var i = 0; i + 1 < ids.Length; i++)
        {
            if (snapshot.Referrals.Knows(ids[i], ids[i + 1]) is not { } known || people[i + 1]!.Id == ids[0])
            {
                session.Reply(session.Text<DirectoryTexts>("Referral.NotInDirectory"));
                return;
            }

            steps.Add(new PathStep(people[i]!, people[i + 1]!, known));
        }

        var path = new IntroductionPath(people[0]!, steps);
        if (!referral.IsConfirmed())
        {
            session.Reply(DirectoryCards.ConfirmIntroductions(path, target, session.Culture));
            return;
        }

        var now = session.Clock.GetUtcNow();
        var confirmed = ReferralChain.FromPath(path, now).Introductions
            .Where((_, i) => request.Data.GetValueOrDefault(RecordReferral.Introduction(i + 1)) == "true")
            .ToList();
        if (confirmed.Count == 0)
        {
            session.Reply(session.Text<DirectoryTexts>("Referral.ConfirmNone"));
            return;
        }

        var added = await directory.RecordReferralAsync(new ReferralChain(confirmed), cancellationToken);
        var language = DirectoryCards.LanguageOf(session.Culture);

        // The outreach keeps the introductions the user confirmed, as they happened, even those recorded before.
        var recorded = new RecordedReferral(
            target.Id,
            [.. confirmed.Select(i => (By: snapshot.Directory.GetPerson(i.IntroducerId), To: snapshot.Directory.GetPerson(i.ToPersonId)))
                .Select(i => new Introducer(i.By.Id, i.By.Name(language), i.By.DepartmentId, i.To.Id, i.To.Name(language)))]);
        if (added.Count == 0)
        {
            session.Reply(session.Text<DirectoryTexts>("Recorded.Already"));
            await TellListenersAsync(recorded, session, target.Id, cancellationToken);
            return;
        }

        await leads.RecordAsync(target.Id, LeadRoute.Referral, RequesterResolver.Resolve(session).UserKey, string.Join(RecordReferral.PathSeparator, ids), cancellationToken: cancellationToken);
        session.Reply(DirectoryCards.ReferralRecorded(
            new RecordedReferralView(
                target,
                [.. added.Select(i => (snapshot.Directory.GetPerson(i.IntroducerId), snapshot.Directory.GetPerson(i.ToPersonId)))],
                session.Copy.Value(now)),
            session.Culture));
        await TellListenersAsync(recorded, session, target.Id, cancellationToken);
    }

    private async Task TellListenersAsync(RecordedReferral recorded, ChatSession session, string departmentId, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnReferralRecordedAsync(recorded, session, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Referral listener {Listener} failed for department {Department}", listener.GetType().Name, departmentId);
            }
        }
    }
}
