using OutreachBot.Chat;
using OutreachBot.Chat.Commands;
using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Directory.Leads;
using OutreachBot.Domain.Directory.Referrals;
using OutreachBot.Features.Shared;

namespace OutreachBot.Features.Directory;

/// <summary>
/// "Ask this person": the short, polite first question the article recommends (who is the right person for X?),
/// in the user's language and ready to copy — not the pitch. From the org chart it records the lead.
/// </summary>
public sealed class AskPersonAction(LiveDirectory directory, LeadLog leads) : ICardActionHandler
{
    public const int MaxNeedLength = 100;

    public async Task HandleAsync(CardActionRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var snapshot = directory.Current;
        var person = snapshot.Directory.FindPerson(request.Required(DirectoryVerbs.PersonId));
        var target = snapshot.Directory.FindDepartment(request.Required(DirectoryVerbs.DepartmentId));
        if (person is null || target is null)
        {
            session.Reply(session.Text<DirectoryTexts>("Directory.Stale"));
            return;
        }

        var language = DirectoryCards.LanguageOf(session.Culture);
        var typed = request.Data.GetValueOrDefault(DirectoryVerbs.Need)?.Trim() ?? "";
        if (typed.Length > MaxNeedLength)
        {
            session.Reply(session.Text<DirectoryTexts>("Ask.NeedTooLong", MaxNeedLength));
            return;
        }

        var need = typed.Length > 0 ? typed : DefaultNeed(target, language);
        var asker = session.Profile.PersonId is { } me ? snapshot.Directory.FindPerson(me) : null;
        var askerDepartment = asker is null ? null : snapshot.Directory.FindDepartment(asker.DepartmentId);
        var draft = FirstQuestionDraft.Create(person, target, need, asker, askerDepartment).In(language);
        if (Enum.TryParse<LeadRoute>(request.Data.GetValueOrDefault(DirectoryVerbs.Route), out var route) && route == LeadRoute.OrgChart)
        {
            await leads.RecordAsync(target.Id, LeadRoute.OrgChart, RequesterResolver.Resolve(session).UserKey, $"ask {person.Id}", cancellationToken: cancellationToken);
        }

        var personDepartment = snapshot.Directory.GetDepartment(person.DepartmentId);
        session.Reply(DirectoryCards.FirstQuestion(
            new FirstQuestionView(person, personDepartment, person.TenureYears(DirectoryDates.Today(session)), target, need, draft),
            session.Culture));
    }

    /// <summary>Without a stated need, the department's first keyword in the user's language stands for what they do.</summary>
    internal static string DefaultNeed(Department department, DirectoryLanguage language)
    {
        var chinese = language == DirectoryLanguage.Chinese;
        return department.Keywords.FirstOrDefault(k => k.Length > 0 && k.Any(c => c is >= '\u4e00' and <= '\u9fff') == chinese)
            ?? department.Name(language);
    }
}

/// <summary>
/// "I was introduced": records the introductions of the path the user followed (so later paths can use them) and a
/// referral lead. The path comes from the button; it must start at the user.
/// </summary>
public sealed class RecordReferralAction(
    LiveDirectory directory, LeadLog leads, IEnumerable<IReferralListener> listeners, ILogger<RecordReferralAction> logger) : ICardActionHandler
{
    public async Task HandleAsync(CardActionRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var ids = request.Required(DirectoryVerbs.Path).Split(DirectoryVerbs.PathSeparator);
        var via = request.Required(DirectoryVerbs.Via).Split(DirectoryVerbs.PathSeparator);
        var connections = via.Select(v => Enum.TryParse<Connection>(v, out var c) && Enum.IsDefined(c) ? c : (Connection?)null).ToList();
        if (ids.Length < 3 || via.Length != ids.Length - 1 || connections.Any(c => c is null))
        {
            throw new MalformedCardActionException($"'{request.Verb}' needs a path of at least two steps with one connection per step.");
        }

        var snapshot = directory.Current;
        var target = snapshot.Directory.FindDepartment(request.Required(DirectoryVerbs.DepartmentId));
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

        var steps = connections.Select((c, i) => new PathStep(people[i]!, people[i + 1]!, c!.Value)).ToList();
        var now = session.Clock.GetUtcNow();
        var chain = ReferralChain.FromPath(new IntroductionPath(people[0]!, steps), now);
        await directory.RecordReferralAsync(chain, cancellationToken);
        await leads.RecordAsync(target.Id, LeadRoute.Referral, RequesterResolver.Resolve(session).UserKey, string.Join(DirectoryVerbs.PathSeparator, ids), cancellationToken: cancellationToken);
        session.Reply(DirectoryCards.ReferralRecorded(
            new RecordedReferralView(
                target,
                [.. chain.Introductions.Select(i => (snapshot.Directory.GetPerson(i.IntroducerId), snapshot.Directory.GetPerson(i.ToPersonId)))],
                session.FormatDateTime(now)),
            session.Culture));
        var language = DirectoryCards.LanguageOf(session.Culture);
        var recorded = new RecordedReferral(
            target.Id,
            [.. chain.Introductions.Select(i => snapshot.Directory.GetPerson(i.IntroducerId)).Select(p => new Introducer(p.Id, p.Name(language), p.DepartmentId))]);
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnReferralRecordedAsync(recorded, session, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Referral listener {Listener} failed for department {Department}", listener.GetType().Name, target.Id);
            }
        }
    }
}
