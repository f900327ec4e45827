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
            new WhyMatched(hit)))];
    }
}

/// <summary>Why a department matched the need, rendered for the reader by the search card's own wording.</summary>
internal sealed record WhyMatched(DepartmentHit Hit) : ILocalizable
{
    public string Render(Copy copy, string? format) => DirectoryCards.WhyText(Hit, copy.Culture);
}
