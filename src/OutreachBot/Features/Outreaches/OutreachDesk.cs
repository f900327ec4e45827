using System.Globalization;
using Microsoft.Bot.Builder.Teams;
using OutreachBot.Chat;
using OutreachBot.Chat.Identity;
using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Features.Shared;
using OutreachBot.Storage.UserProfiles;

namespace OutreachBot.Features.Outreaches;

/// <summary>
/// What every outreach command and button shares: who is asking, which outreach and department they mean, the names
/// to show, and telling the change listeners after each successful change.
/// </summary>
public sealed class OutreachDesk(
    OutreachService service,
    LiveDirectory directory,
    UserProfileStore profiles,
    IEnumerable<IOutreachChangeListener> listeners,
    IEnumerable<IAlternativeDepartments> alternatives,
    ILogger<OutreachDesk> logger)
{
    public OutreachService Service => service;

    /// <summary>False when no feature suggests alternative departments; cards then offer the search instead.</summary>
    public bool SuggestsAlternatives { get; } = alternatives.Any();

    public DirectorySnapshot Directory => directory.Current;

    /// <summary>The user and, in a Teams team, the team and channel they are in (outreaches may be shared with those).</summary>
    public static Requester RequesterOf(ChatSession session)
    {
        var scopes = new List<string>();
        if (session.Turn.Activity.TeamsGetTeamInfo()?.Id is { Length: > 0 } team)
        {
            scopes.Add(team);
        }

        if (session.Turn.Activity.TeamsGetChannelId() is { Length: > 0 } channel)
        {
            scopes.Add(channel);
        }

        return new Requester(session.User.Value, scopes);
    }

    public static string Say(ChatSession session, BilingualText text) => text.For(session.Culture.Name);

    public static string Date(ChatSession session, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, session.TimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static void ReplyError(ChatSession session, OutreachError error) => session.Reply(Say(session, error.Message));

    /// <summary>Calls every listener in turn; one listener's failure is logged and does not stop the others or undo the change.</summary>
    public async Task NotifyAsync(Outreach outreach, ChatSession session, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnOutreachChangedAsync(outreach, session.User, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Outreach change listener {Listener} failed for outreach {Outreach}", listener.GetType().Name, outreach.Id);
            }
        }
    }

    /// <summary>A name for another user: their directory name when they told us who they are, else their e-mail, else "another PM".</summary>
    public async Task<string> DisplayNameAsync(string userKey, ChatSession session, CancellationToken cancellationToken)
    {
        if (userKey == session.User.Value)
        {
            return session.Text<OutreachTexts>("Name.You");
        }

        var profile = await profiles.GetAsync(new UserKey(userKey), cancellationToken);
        if (profile.PersonId is { } personId && Directory.Directory.FindPerson(personId) is { } person)
        {
            return person.Name(Language(session));
        }

        return profile.Email ?? session.Text<OutreachTexts>("Name.AnotherPm");
    }

    /// <summary>The sender of a pitch: the user's directory name and department when known, else the chat name.</summary>
    public (string Name, string? Department) Sender(ChatSession session)
    {
        if (session.Profile.PersonId is { } personId && Directory.Directory.FindPerson(personId) is { } person)
        {
            return (person.Name(Language(session)), Directory.Directory.FindDepartment(person.DepartmentId)?.Name(Language(session)));
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
            var owner = await DisplayNameAsync(warning.OwnerKey, session, cancellationToken);
            var department = Say(session, warning.DepartmentName);
            var date = Date(session, warning.Since);
            lines.Add(warning.Kind == CollisionKind.BeingCourted
                ? session.Text<OutreachTexts>("Collision.Courted", owner, department, Say(session, StageMachine.Name(warning.Stage)), date)
                : warning.Note is { Length: > 0 } note
                    ? session.Text<OutreachTexts>("Collision.RefusedWithNote", owner, department, date, Say(session, StageMachine.Name(warning.RefusalReason ?? RefusalReason.Other)), note)
                    : session.Text<OutreachTexts>("Collision.Refused", owner, department, date, Say(session, StageMachine.Name(warning.RefusalReason ?? RefusalReason.Other))));
        }

        return lines;
    }

    /// <summary>A department of the live directory by id or name (either language), else by keyword search; null when nothing fits.</summary>
    public Department? FindDepartment(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var snapshot = Directory;
        return snapshot.OrgChart.FindDepartment(text) ?? snapshot.Search.Search(text, 1).FirstOrDefault()?.Department;
    }

    /// <summary>Who to address at a department: its head, when the directory knows one.</summary>
    public string? HeadName(string departmentId, ChatSession session) =>
        Directory.Directory.FindDepartment(departmentId) is not null && Directory.Directory.Head(departmentId) is { } head ? head.Name(Language(session)) : null;

    /// <summary>My open outreaches and those shared with me, most recently active first.</summary>
    public async Task<IReadOnlyList<OutreachStatusView>> OpenOutreachesAsync(ChatSession session, CancellationToken cancellationToken) =>
        [.. (await service.StatusAsync(RequesterOf(session), cancellationToken)).Where(v => v.IsOpen).OrderByDescending(v => v.LastActivityAt)];

    /// <summary>The target of my outreaches whose department best matches the text; open targets win a tie.</summary>
    public async Task<PartnerMatch?> FindTargetAsync(ChatSession session, string query, CancellationToken cancellationToken) =>
        (await service.PartnerStatusAsync(RequesterOf(session), query, cancellationToken))
            .OrderByDescending(m => Math.Round(m.Score, 3))
            .ThenByDescending(m => StageMachine.IsOpen(m.Target.Stage))
            .ThenByDescending(m => m.Outreach.LastActivityAt)
            .FirstOrDefault();

    public static DirectoryLanguage Language(ChatSession session) => session.IsChinese ? DirectoryLanguage.Chinese : DirectoryLanguage.English;
}
