using System.Globalization;

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
/// One problem found by an import, located by file, line (1-based, header = 1) and column. The code and arguments let
/// the chat layer phrase it; <see cref="MessageEn"/> and <see cref="MessageZh"/> are ready to show as they are.
/// </summary>
public sealed record DirectoryImportError(string File, int Line, string Column, DirectoryImportErrorCode Code, IReadOnlyList<string> Arguments)
{
    public string MessageEn => Format(Templates[Code].En);

    public string MessageZh => Format(Templates[Code].Zh);

    public string Message(DirectoryLanguage language) => language == DirectoryLanguage.Chinese ? MessageZh : MessageEn;

    /// <summary>The full line for a report, e.g. "people.csv line 4, column manager_id: manager 'p9' does not exist".</summary>
    public string Describe(DirectoryLanguage language) => language == DirectoryLanguage.Chinese
        ? Line > 0 ? $"{File} 第 {Line} 行，{Column} 列：{MessageZh}" : $"{File}：{MessageZh}"
        : Line > 0 ? $"{File} line {Line}, column {Column}: {MessageEn}" : $"{File}: {MessageEn}";

    public override string ToString() => Describe(DirectoryLanguage.English);

    private string Format(string template) => string.Format(CultureInfo.InvariantCulture, template, [.. Arguments]);

    private static readonly Dictionary<DirectoryImportErrorCode, (string En, string Zh)> Templates = new()
    {
        [DirectoryImportErrorCode.FileMissing] = ("the file is missing", "找不到该文件"),
        [DirectoryImportErrorCode.MissingColumn] = ("the header has no column '{0}'", "表头缺少“{0}”列"),
        [DirectoryImportErrorCode.UnterminatedQuote] = ("a quoted field opened here is never closed", "此处开始的引号字段没有闭合"),
        [DirectoryImportErrorCode.MissingField] = ("'{0}' is required but empty", "“{0}”为必填项，但内容为空"),
        [DirectoryImportErrorCode.DuplicateId] = ("id '{0}' is already used on line {1}", "编号“{0}”已在第 {1} 行使用"),
        [DirectoryImportErrorCode.UnknownParent] = ("parent department '{0}' does not exist", "上级部门“{0}”不存在"),
        [DirectoryImportErrorCode.UnknownHead] = ("department head '{0}' is not in people.csv", "部门负责人“{0}”不在人员名单中"),
        [DirectoryImportErrorCode.UnknownManager] = ("manager '{0}' is not in people.csv", "直属上级“{0}”不在人员名单中"),
        [DirectoryImportErrorCode.UnknownDepartment] = ("department '{0}' is not in departments.csv", "部门“{0}”不在部门列表中"),
        [DirectoryImportErrorCode.DepartmentCycle] = ("the department tree loops: {0}", "部门层级出现循环：{0}"),
        [DirectoryImportErrorCode.ManagerCycle] = ("the manager chain loops: {0}", "汇报关系出现循环：{0}"),
        [DirectoryImportErrorCode.BadDate] = ("'{0}' is not a date; write it as yyyy-MM-dd", "“{0}”不是日期，请写成 yyyy-MM-dd 格式"),
        [DirectoryImportErrorCode.AmbiguousDate] = ("'{0}' could be either day/month or month/day; write it as yyyy-MM-dd", "“{0}”既可能是日/月也可能是月/日，请写成 yyyy-MM-dd"),
        [DirectoryImportErrorCode.EmptyFile] = ("the file is empty; it needs a header row and at least one row", "文件是空的，需要表头和至少一行数据"),
        [DirectoryImportErrorCode.NoRows] = ("the file has a header but no rows; an import without {0} would leave everyone with an empty directory", "文件只有表头没有数据；没有{1}的导入会让所有人看到空的组织目录"),
        [DirectoryImportErrorCode.Undecodable] = ("{0}", "{1}"),
    };
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
