namespace OutreachBot.Domain.Directory.Import;

public enum DirectoryImportErrorCode
{
    FileMissing,
    MissingColumn,
    UnterminatedQuote,
    MissingField,
    DuplicateId,
    UnknownParent,
    UnknownHead,
    UnknownManager,
    UnknownDepartment,
    DepartmentCycle,
    ManagerCycle,
    BadDate,
    FutureHireDate,
}

/// <summary>
/// One problem found by an import, located by file, line (1-based, header = 1) and column. The code and arguments say
/// what is wrong; <see cref="Message"/> and <see cref="Located"/> are phrases (keys <c>DirectoryImportErrorCode.*</c>,
/// <c>Directory.Import.*</c> in DirectoryTexts) the host renders for whoever reads the report.
/// </summary>
public sealed record DirectoryImportError(string File, int Line, string Column, DirectoryImportErrorCode Code, IReadOnlyList<string> Arguments)
{
    public Phrase Message => new(Copy.KeyOf(Code), [.. Arguments]);

    /// <summary>The full line for a report, e.g. "people.csv line 4, column manager_id: manager “p9” is not in people.csv".</summary>
    public Phrase Located => Line > 0
        ? new("Directory.Import.AtLine", File, Line, Column, Message)
        : new("Directory.Import.InFile", File, Message);

    /// <summary>For logs: the code and its values, no wording.</summary>
    public override string ToString() => $"{File}:{Line}:{Column} {Code} {string.Join(" | ", Arguments)}";
}

/// <summary>The outcome of an import: a directory, or every error found and no directory.</summary>
public sealed record DirectoryImportResult(OrgDirectory? Directory, IReadOnlyList<DirectoryImportError> Errors)
{
    public bool Succeeded => Directory is not null;

    public static DirectoryImportResult Failed(IReadOnlyList<DirectoryImportError> errors) => new(null, errors);
}
