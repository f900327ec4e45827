namespace OutreachBot.Domain.Directory;

/// <summary>A department of the org directory. <see cref="ParentId"/> is null for a root.</summary>
public sealed record Department(
    string Id,
    string NameZh,
    string NameEn,
    string? ParentId,
    string? HeadId,
    string Description,
    IReadOnlyList<string> Keywords)
{
    /// <summary>The name in the requested language, falling back to the other one when it is empty.</summary>
    public string Name(Language language) => language == Language.Chinese
        ? (NameZh.Length > 0 ? NameZh : NameEn)
        : (NameEn.Length > 0 ? NameEn : NameZh);
}

public sealed record Person(
    string Id,
    string NameZh,
    string NameEn,
    string Email,
    string DepartmentId,
    string Title,
    DateOnly HireDate,
    string? ManagerId)
{
    public string Name(Language language) => language == Language.Chinese
        ? (NameZh.Length > 0 ? NameZh : NameEn)
        : (NameEn.Length > 0 ? NameEn : NameZh);

    /// <summary>Completed years of service at <paramref name="at"/> (0 before the first anniversary or before the hire date).</summary>
    public int TenureYears(DateOnly at)
    {
        if (at < HireDate)
        {
            return 0;
        }

        var years = at.Year - HireDate.Year;
        return HireDate.AddYears(years) > at ? years - 1 : years;
    }
}
