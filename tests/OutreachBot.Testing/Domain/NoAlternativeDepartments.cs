using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Testing;

/// <summary>A directory search that never has another department to suggest: for outreach use cases tested without one.</summary>
public sealed class NoAlternativeDepartments : IAlternativeDepartments
{
    public Task<IReadOnlyList<AlternativeDepartment>> FindAsync(AlternativeDepartmentQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AlternativeDepartment>>([]);
}
