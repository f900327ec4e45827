namespace OutreachBot.Features.Directory;

/// <summary>What a department typed by the user (name in either language, or id) resolves to.</summary>
public abstract record DepartmentLookup
{
    private const double CloseCall = 0.1;

    private DepartmentLookup()
    {
    }

    public sealed record Found(Department Department) : DepartmentLookup;

    public sealed record Ambiguous(IReadOnlyList<Department> Candidates) : DepartmentLookup;

    public sealed record NotFound : DepartmentLookup;

    /// <summary>
    /// One exact match wins; otherwise the best fuzzy match wins only when no other comes close, so "风控" asks
    /// which of the risk departments the user means instead of guessing.
    /// </summary>
    public static DepartmentLookup Resolve(OrgChart chart, string text)
    {
        var matches = chart.FindDepartments(text, 5);
        if (matches.Count == 0)
        {
            return new NotFound();
        }

        var exact = matches.Where(m => m.Similarity >= 1).ToList();
        if (exact.Count > 0)
        {
            return exact.Count == 1 ? new Found(exact[0].Department) : new Ambiguous([.. exact.Select(m => m.Department)]);
        }

        var close = matches.Where(m => matches[0].Similarity - m.Similarity < CloseCall).ToList();
        return close.Count == 1 ? new Found(close[0].Department) : new Ambiguous([.. close.Select(m => m.Department)]);
    }

    /// <summary>
    /// The one department a command's arguments name, or null after answering: the candidates when several fit (each
    /// button runs the same command for its department), or that none does.
    /// </summary>
    public static Department? FoundOrReply(DirectorySnapshot snapshot, CommandRequest request, ChatSession session)
    {
        switch (Resolve(snapshot.OrgChart, request.Arguments))
        {
            case Found { Department: var department }:
                return department;
            case Ambiguous { Candidates: var candidates }:
                session.Reply(DirectoryCards.ChooseDepartment(request.Arguments, candidates, snapshot.Directory, request.Command, session.Culture));
                return null;
            default:
                session.Reply(DirectoryCards.NoDepartment(request.Arguments, session.Culture));
                return null;
        }
    }
}
