using OutreachBot.Chat;
using OutreachBot.Chat.Identity;
using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Features.Shared;
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
        return snapshot.OrgChart.FindDepartment(text) ?? snapshot.Search.Search(text, 1).FirstOrDefault()?.Department;
    }

    /// <summary>Who to address at a department: its head, when the directory knows one.</summary>
    public string? HeadName(string departmentId, ChatSession session)
    {
        var org = directory.Current.Directory;
        return org.FindDepartment(departmentId) is not null && org.Head(departmentId) is { } head ? head.Name(session.Language) : null;
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
    /// A name for a user by their key: "you" for the reader, else their directory name when they told us who they are,
    /// else their e-mail, else "another PM". Never the key itself.
    /// </summary>
    public async Task<string> NameOfAsync(string userKey, ChatSession session, CancellationToken cancellationToken)
    {
        if (userKey == session.User.Value)
        {
            return session.Text<OutreachTexts>("Name.You");
        }

        var profile = await profiles.GetAsync(new UserKey(userKey), cancellationToken);
        if (profile.PersonId is { } personId && directory.Current.Directory.FindPerson(personId) is { } person)
        {
            return person.Name(session.Language);
        }

        return profile.Email ?? session.Text<OutreachTexts>("Name.AnotherPm");
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
