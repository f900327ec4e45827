using Microsoft.Extensions.Options;
using OutreachBot.Domain.Directory.Leads;
using OutreachBot.Domain.Directory.Search;
using OutreachBot.Domain.Storage.Leads;

namespace OutreachBot.Features.Directory;

/// <summary>
/// <c>find &lt;need&gt;</c> / <c>找 &lt;需求&gt;</c>: the keyword route — ranked departments, why each matched (synonyms and
/// corrections included), what similar needs ended in there, and the two or three people to ask first.
/// </summary>
public sealed class FindCommand(LiveDirectory directory, LiveNeedHistory history) : ICommandHandler
{
    public const int MaxQueryLength = AskPersonAction.MaxNeedLength;
    private const int Hits = 5;
    private const int Contacts = 3;

    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var query = request.Arguments;
        var snapshot = directory.Current;
        if (query.Length == 0)
        {
            session.Reply(DirectoryCards.FindUsage(session.Culture));
        }
        else if (query.Length > MaxQueryLength)
        {
            session.Reply(session.Text<DirectoryTexts>("Find.TooLong", MaxQueryLength));
        }
        else if (snapshot.Directory.Departments.Count == 0)
        {
            session.Reply(session.Text<DirectoryTexts>("Directory.Empty"));
        }
        else
        {
            var hits = snapshot.Search.Search(query, Hits, await history.GetAsync(cancellationToken));
            var contacts = NeedContacts.For(snapshot.Search, query, hits, DirectoryDates.Today(session), Contacts);
            session.Reply(hits.Count == 0 ? DirectoryCards.NoHits(query, session.Culture) : DirectoryCards.FindResults(query, hits, contacts, session.Culture));
        }
    }
}

/// <summary>
/// <c>org [department]</c> / <c>组织 [部门]</c>: the org-chart route — the top of the tree, or a department with its head,
/// longest-serving members and sub-departments. Opened from a search hit, it records the keyword lead.
/// </summary>
public sealed class OrgCommand(LiveDirectory directory, LeadLog leads) : ICommandHandler
{
    private const int SeniorMembers = 5;

    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var snapshot = directory.Current;
        if (snapshot.Directory.Departments.Count == 0)
        {
            session.Reply(session.Text<DirectoryTexts>("Directory.Empty"));
            return;
        }

        if (request.Arguments.Length == 0)
        {
            session.Reply(DirectoryCards.Top(snapshot.OrgChart.Roots, snapshot.Directory, session.Culture));
            return;
        }

        if (DepartmentLookup.FoundOrReply(snapshot, request, session) is not { } department)
        {
            return;
        }

        var opened = CardActionCodec.Read<OrgChartFromSearch>(request.Data);
        if (opened.FoundBySearch)
        {
            await leads.RecordAsync(department.Id, LeadRoute.KeywordSearch, session.User.Value, opened.Query ?? "", cancellationToken: cancellationToken);
        }

        var overview = snapshot.OrgChart.Describe(department.Id, DirectoryDates.Today(session), SeniorMembers);
        var parent = department.ParentId is { } parentId ? snapshot.Directory.FindDepartment(parentId) : null;
        session.Reply(DirectoryCards.Department(new OrgView(overview, parent, opened.Query, opened.FoundBySearch ? LeadRoute.KeywordSearch : null), session.Culture));
    }
}

/// <summary>
/// <c>referrals &lt;department&gt;</c> / <c>引荐 &lt;部门&gt;</c>: the referral route — the shortest introduction paths from the
/// user to the department and the veterans who could introduce them. Needs the user linked to a directory person.
/// </summary>
public sealed class ReferralsCommand(LiveDirectory directory, IOptions<OrgDirectoryOptions> options) : ICommandHandler
{
    private const int Paths = 3;
    private const int Veterans = 5;

    public Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var snapshot = directory.Current;
        if (request.Arguments.Length == 0)
        {
            session.Reply(session.Text<DirectoryTexts>("Referral.Usage"));
            return Task.CompletedTask;
        }

        if (snapshot.Directory.Departments.Count == 0)
        {
            session.Reply(session.Text<DirectoryTexts>("Directory.Empty"));
            return Task.CompletedTask;
        }

        if (session.Profile.PersonId is not { } personId || snapshot.Directory.FindPerson(personId) is not { } you)
        {
            session.Reply(DirectoryCards.NotLinked(session.Culture));
            return Task.CompletedTask;
        }

        if (DepartmentLookup.FoundOrReply(snapshot, request, session) is { } target)
        {
            var today = DirectoryDates.Today(session);
            session.Reply(DirectoryCards.Referrals(
                new ReferralView(
                    you,
                    snapshot.Directory.GetDepartment(you.DepartmentId),
                    target,
                    snapshot.Referrals.FindPaths(you.Id, target.Id, Paths, today),
                    snapshot.Referrals.FindVeterans(you.Id, target.Id, today, Veterans),
                    options.Value.VeteranYears,
                    Domain.Directory.Referrals.ReferralOptions.Default.MaxHops),
                session.Culture));
        }

        return Task.CompletedTask;
    }
}

public static class DirectoryDates
{
    /// <summary>The user's local date, against which tenure is counted.</summary>
    public static DateOnly Today(ChatSession session) => DateOnly.FromDateTime(session.LocalNow.DateTime);
}
