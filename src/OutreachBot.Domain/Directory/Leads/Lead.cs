namespace OutreachBot.Domain.Directory.Leads;

/// <summary>The three routes of the article for finding the partner department.</summary>
public enum LeadRoute
{
    OrgChart,
    KeywordSearch,
    Referral,
}

/// <summary>
/// A candidate department found for an outreach, with the route that found it, so stats can tell which route works.
/// <see cref="Details"/> is what led there: the search query, the org-chart department and person asked, or the path.
/// </summary>
public sealed record Lead(
    string Id,
    string DepartmentId,
    LeadRoute Route,
    DateTimeOffset FoundAt,
    string FoundBy,
    string? OutreachId,
    string Details);

public sealed record LeadRouteCount(LeadRoute Route, int Leads, int Departments);
