using OutreachBot.Chat.Localization;
using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Directory;

/// <summary>
/// After a refusal, the next-best departments for the capability the outreach needs (else its product idea), by
/// keyword search over the live directory, leaving out the departments already tried.
/// </summary>
public sealed class SearchAlternativeDepartments(LiveDirectory directory) : IAlternativeDepartments
{
    public Task<IReadOnlyList<AlternativeDepartment>> FindAsync(AlternativeDepartmentQuery query, CancellationToken cancellationToken = default)
    {
        var search = directory.Current.Search;
        var excluded = query.ExcludedDepartmentIds.Append(query.RefusingDepartmentId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var found = new List<AlternativeDepartment>();
        foreach (var text in new[] { query.CapabilityNeeded, query.ProductIdea }.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            if (query.MaxResults <= 0 || found.Count >= query.MaxResults)
            {
                break;
            }

            foreach (var hit in search.Search(text!, query.MaxResults + excluded.Count + found.Count))
            {
                if (found.Count < query.MaxResults && !excluded.Contains(hit.Department.Id) && found.All(f => f.DepartmentId != hit.Department.Id))
                {
                    var snippet = hit.Snippet.Text;
                    found.Add(new AlternativeDepartment(
                        hit.Department.Id,
                        hit.Department.NameZh,
                        hit.Department.NameEn,
                        new BilingualText(
                            Texts<DirectoryTexts>.Get(BotLanguage.Chinese, "Alternative.Why", text!.Trim(), snippet),
                            Texts<DirectoryTexts>.Get(BotLanguage.English, "Alternative.Why", text!.Trim(), snippet))));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<AlternativeDepartment>>(found);
    }
}
