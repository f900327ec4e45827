using System.Globalization;
using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Directory.Search;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Directory;

/// <summary>
/// After a refusal, the next-best departments for the capability the outreach needs (else its product idea), by
/// <see cref="AlternativeDepartmentFinder"/>: related to the need, not the refusing department's own line, each with
/// why it fits. None when nothing fits well enough; the playbook then says so and offers procurement.
/// </summary>
public sealed class SearchAlternativeDepartments(LiveDirectory directory, LiveNeedHistory history) : IAlternativeDepartments
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public async Task<IReadOnlyList<AlternativeDepartment>> FindAsync(AlternativeDepartmentQuery query, CancellationToken cancellationToken = default)
    {
        var search = directory.Current.Search;
        var need = string.IsNullOrWhiteSpace(query.CapabilityNeeded) ? query.ProductIdea : query.CapabilityNeeded;
        var hits = AlternativeDepartmentFinder.Find(
            search, need, query.RefusingDepartmentId, query.ExcludedDepartmentIds, query.MaxResults, await history.GetAsync(cancellationToken));
        return [.. hits.Select(hit => new AlternativeDepartment(
            hit.Department.Id,
            hit.Department.NameZh,
            hit.Department.NameEn,
            new BilingualText(DirectoryCards.WhyText(hit, Chinese), DirectoryCards.WhyText(hit, English))))];
    }
}
