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
    AmbiguousDate,
    EmptyFile,
    NoRows,
    Undecodable,
}

/// <summary>
/// One problem found by an import, located by file, line (1-based, header = 1) and column. The code and arguments say
/// what is wrong; <see cref="Message"/> and <see cref="Located"/> are phrases (keys <c>DirectoryImportErrorCode.*</c>,
/// <c>Directory.Import.*</c> in DirectoryTexts) the host renders for whoever reads the report.
/// </summary>
public sealed record DirectoryImportError(string File, int Line, string Column, DirectoryImportErrorCode Code, IReadOnlyList<string> Arguments)
{
    public Phrase Message => Code switch
    {
        DirectoryImportErrorCode.NoRows => new(Copy.KeyOf(Code), new Phrase($"Directory.Import.Rows.{Arguments[0]}")),
        DirectoryImportErrorCode.Undecodable when Reason is not null => new(Copy.KeyOf(Code), Reason),
        _ => new(Copy.KeyOf(Code), [.. Arguments]),
    };

    /// <summary>The full line for a report, e.g. "people.csv line 4, column manager_id: manager “p9” is not in people.csv".</summary>
    public Phrase Located => Line > 0
        ? new("Directory.Import.AtLine", File, Line, Column, Message)
        : new("Directory.Import.InFile", File, Message);

    /// <summary>Why a file could not be read as text (only for <see cref="DirectoryImportErrorCode.Undecodable"/>).</summary>
    public Phrase? Reason { get; init; }

    /// <summary>For logs: the code and its values, no wording.</summary>
    public override string ToString() => $"{File}:{Line}:{Column} {Code} {string.Join(" | ", Arguments)}";
}

/// <summary>A person whose hire date is after the import day: joining soon, imported with tenure 0.</summary>
public sealed record JoiningSoon(string PersonId, string NameZh, string NameEn, DateOnly HireDate, int Line);

/// <summary>How one file of an import was read: its text encoding and how many rows it held.</summary>
public sealed record ImportedFile(string File, TextFileEncoding Encoding, int Rows);

/// <summary>The outcome of an import: a directory, or every error found and no directory.</summary>
public sealed record DirectoryImportResult(OrgDirectory? Directory, IReadOnlyList<DirectoryImportError> Errors)
{
    public bool Succeeded => Directory is not null;

    /// <summary>People hired after the import day; accepted, and listed so the admin sees them.</summary>
    public IReadOnlyList<JoiningSoon> JoiningSoon { get; init; } = [];

    /// <summary>The files read (empty for sources that are not files, such as Microsoft Graph).</summary>
    public IReadOnlyList<ImportedFile> Files { get; init; } = [];

    public static DirectoryImportResult Failed(IReadOnlyList<DirectoryImportError> errors) => new(null, errors);
}
