using OutreachBot.Storage.UserProfiles;

namespace OutreachBot.Features.Outreaches;

/// <summary>A lead's team: everyone below them in the org directory, and which of those people use the bot.</summary>
public sealed record Team(int People, IReadOnlyList<string> MemberKeys);

/// <summary>
/// Finds a lead's team: their reports, direct or through managers below them, mapped to chat users whose link to that
/// person Teams confirmed. A typed link never counts: otherwise anyone could put outreaches into a real lead's view.
/// </summary>
public sealed class TeamMembers(LiveDirectory directory, UserProfileStore profiles)
{
    public async Task<Team> FindAsync(string leadPersonId, CancellationToken cancellationToken)
    {
        var org = directory.Current.Directory;
        var below = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([leadPersonId]);
        while (queue.TryDequeue(out var manager))
        {
            foreach (var report in org.DirectReports(manager))
            {
                if (report.Id != leadPersonId && below.Add(report.Id))
                {
                    queue.Enqueue(report.Id);
                }
            }
        }

        if (below.Count == 0)
        {
            return new Team(0, []);
        }

        var linked = await profiles.FindLinkedAsync(below, cancellationToken);
        return new Team(below.Count, [.. linked.Where(l => l.Verified).Select(l => l.UserKey).Distinct(StringComparer.Ordinal)]);
    }
}
