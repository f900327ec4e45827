using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.Understanding;
using OutreachBot.Storage.UserProfiles;

namespace OutreachBot.Features.Outreaches;

/// <summary>
/// The host's side of the outreach handlers: the user's words turned into a directory department, and what the
/// domain answers turned into the user's language (names of people, dates, errors, collision warnings).
/// </summary>
public sealed class OutreachRenderer(LiveDirectory directory, UserProfileStore profiles, IEnumerable<IAlternativeDepartments> alternatives)
{
    /// <summary>False when no feature suggests alternative departments; cards then offer the search instead.</summary>
    public bool SuggestsAlternatives { get; } = alternatives.Any();

    public static DepartmentRef Ref(Department department) => new(department.Id, department.NameZh, department.NameEn);

    /// <summary>
    /// Why nothing happened. An outcome before any contact gets the card that offers to record the contact; anything
    /// else its message.
    /// </summary>
    /// <summary>The outreach and the target a button names, or null after telling the user why there is none.</summary>
    public async Task<(Outreach Outreach, OutreachTarget Target)?> FindTargetAsync(OutreachService outreaches, ChatSession session, string outreachId, string departmentId, CancellationToken cancellationToken)
    {
        var found = await outreaches.GetAsync(RequesterResolver.Resolve(session), outreachId, cancellationToken);
        if (found.Error is { } error || found.Value!.FindTarget(departmentId) is not { } target)
        {
            ReplyError(session, found.Error ?? new UnknownTarget(departmentId));
            return null;
        }

        return (found.Value, target);
    }

    /// <summary>What the use case returned, or null after telling the user why it did nothing (<see cref="ReplyError"/>).</summary>
    public T? ValueOrReplyError<T>(ChatSession session, OutreachResult<T> result)
        where T : class
    {
        if (result.Error is { } error)
        {
            ReplyError(session, error);
            return null;
        }

        return result.Value;
    }

    public void ReplyError(ChatSession session, OutreachError error)
    {
        if (error is OutcomeBeforeContact early)
        {
            session.Reply(OutreachCards.NotContactedYet(
                new NotContactedView(early.OutreachId, early.Department.Id, early.Department.Name.In(session.Language), HeadName(early.Department.Id, session)),
                session.Culture));
            return;
        }

        session.Reply(session.Say(error.Message));
    }

    /// <summary>A department of the live directory by id or name (either language), else by keyword search; null when nothing fits.</summary>
    public Department? FindDepartment(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var snapshot = directory.Current;
        return (ResolveDepartment(text) as DepartmentResolution.Found)?.Department
            ?? snapshot.OrgChart.FindDepartment(text)
            ?? snapshot.Search.Search(text, 1).FirstOrDefault()?.Department;
    }

    /// <summary>
    /// What a typed department name means — by id, name, short form, alias, the other language, a typo or the sound
    /// ("big dta", "大数剧", "语音部门") — found surely, or the candidates to ask about. <paramref name="preferred"/>
    /// (the departments on the user's outreaches) wins among close candidates.
    /// </summary>
    public DepartmentResolution ResolveDepartment(string text, IReadOnlyCollection<string>? preferred = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new DepartmentResolution.NotFound();
        }

        var snapshot = directory.Current;
        return snapshot.Directory.FindDepartment(text.Trim()) is { } byId
            ? new DepartmentResolution.Found(new DepartmentCandidate(byId, 1, NameMatch.Exact))
            : DepartmentNames.Of(snapshot.Directory).Resolve(text, preferred);
    }

    /// <summary>Who to address at a department: its head, when the directory knows one.</summary>
    public string? HeadName(string departmentId, ChatSession session)
    {
        var org = directory.Current.Directory;
        return org.FindDepartment(departmentId) is not null && org.Head(departmentId) is { } head ? head.Name(session.Language) : null;
    }

    /// <summary>
    /// The two leaders who would decide, as the directory knows them: the user's leader (their department's head, or
    /// their manager when they head it) and the partner department's head. Either may be unknown.
    /// </summary>
    public IReadOnlyList<string> LeaderNames(string departmentId, ChatSession session)
    {
        var org = directory.Current.Directory;
        var me = session.Profile.PersonId is { } personId ? org.FindPerson(personId) : null;
        var ours = me is null ? null : org.Head(me.DepartmentId) is { } head && head.Id != me.Id ? head : org.ManagerChain(me.Id).FirstOrDefault();
        var theirs = org.FindDepartment(departmentId) is null ? null : org.Head(departmentId);
        return [.. new[] { ours, theirs }.OfType<Person>().DistinctBy(p => p.Id).Select(p => p.Name(session.Language))];
    }

    /// <summary>The sender of a pitch: the user's directory name and department when known, else the chat name.</summary>
    public (string Name, string? Department) Sender(ChatSession session)
    {
        var org = directory.Current.Directory;
        if (session.Profile.PersonId is { } personId && org.FindPerson(personId) is { } person)
        {
            return (person.Name(session.Language), org.FindDepartment(person.DepartmentId)?.Name(session.Language));
        }

        var chatName = session.Turn.Activity.From?.Name;
        return (string.IsNullOrWhiteSpace(chatName) ? session.Text<OutreachTexts>("Name.Me") : chatName.Trim(), null);
    }

    /// <summary>Collision warnings in the user's language, with the other PM's name where known.</summary>
    public async Task<IReadOnlyList<string>> DescribeAsync(IReadOnlyList<CollisionWarning> warnings, ChatSession session, CancellationToken cancellationToken)
    {
        var lines = new List<string>(warnings.Count);
        foreach (var warning in warnings)
        {
            var owner = await NameOfAsync(warning.OwnerKey, session, cancellationToken);
            var reason = warning.RefusalReason ?? RefusalReason.Other;
            lines.Add(warning.Kind == CollisionKind.BeingCourted
                ? session.Text<OutreachTexts>("Collision.Courted", owner, warning.DepartmentName, warning.Stage, warning.Since)
                : warning.Note is { Length: > 0 } note
                    ? session.Text<OutreachTexts>("Collision.RefusedWithNote", owner, warning.DepartmentName, warning.Since, reason, note)
                    : session.Text<OutreachTexts>("Collision.Refused", owner, warning.DepartmentName, warning.Since, reason));
        }

        return lines;
    }

    /// <summary>
    /// A name for a user by their key: "you" for the reader, else their directory name when Teams confirmed who they
    /// are, else the e-mail Teams gave, else "another PM". Never the key itself; what a user typed about themselves is
    /// never shown to others as their identity.
    /// </summary>
    public async Task<string> NameOfAsync(string userKey, ChatSession session, CancellationToken cancellationToken)
    {
        if (userKey == session.User.Value)
        {
            return session.Text<OutreachTexts>("Name.You");
        }

        var profile = await profiles.GetAsync(new UserKey(userKey), cancellationToken);
        if (profile is { PersonVerified: true, PersonId: { } personId } && directory.Current.Directory.FindPerson(personId) is { } person)
        {
            return person.Name(session.Language);
        }

        return profile.ChannelEmail ?? session.Text<OutreachTexts>("Name.AnotherPm");
    }

    /// <summary>Names for many user keys at once (an export's owners and actors).</summary>
    public async Task<Func<string, string>> NamesAsync(IEnumerable<string> userKeys, ChatSession session, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in userKeys.Distinct(StringComparer.Ordinal))
        {
            names[key] = await NameOfAsync(key, session, cancellationToken);
        }

        var other = session.Text<OutreachTexts>("Name.AnotherPm");
        return key => names.GetValueOrDefault(key, other);
    }
}
