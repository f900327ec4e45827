using OutreachBot.Domain.Text;

namespace OutreachBot.Domain.Directory.Import;

/// <summary>An uploaded file: its name and its bytes, in whatever text encoding wrote it.</summary>
public sealed record ImportFile(string Name, byte[] Content);

/// <summary>
/// Reads <c>departments.csv</c> and <c>people.csv</c> and validates the whole directory first. Real HR exports are not
/// errors: any of UTF-8 (with or without BOM), UTF-16 and GBK/GB18030 (detected and reported), comma- or tab-separated,
/// header names in any case or spacing (and their Chinese names), extra columns, blank lines, quoted line breaks,
/// dates as 2026/3/18 or 2026年3月18日, hire dates after today (people joining soon). A file without rows, or with text
/// that is not text, is refused. A failed import returns every error and no directory, so the caller keeps the previous one.
/// </summary>
public sealed class OrgDirectoryImporter(TimeProvider time)
{
    private static readonly string[] DepartmentColumns = ["id", "name_zh", "name_en", "parent_id"];
    private static readonly string[] PeopleColumns = ["id", "name_zh", "name_en", "department_id", "hire_date"];

    private static readonly IReadOnlyDictionary<string, string> DepartmentAliases = HeaderMap.Aliases(new Dictionary<string, string[]>
    {
        ["id"] = ["department_id", "dept_id", "部门编号", "部门id", "编号"],
        ["name_zh"] = ["中文名", "中文名称", "部门名称", "名称", "部门"],
        ["name_en"] = ["english_name", "英文名", "英文名称"],
        ["parent_id"] = ["parent", "上级部门", "上级部门编号", "上级部门id", "上级"],
        ["head_id"] = ["head", "负责人", "负责人编号", "部门负责人"],
        ["description"] = ["描述", "简介", "职责", "部门职责"],
        ["keywords"] = ["关键词", "关键字"],
    });

    private static readonly IReadOnlyDictionary<string, string> PeopleAliases = HeaderMap.Aliases(new Dictionary<string, string[]>
    {
        ["id"] = ["person_id", "employee_id", "工号", "员工编号", "编号"],
        ["name_zh"] = ["姓名", "中文名", "中文姓名"],
        ["name_en"] = ["english_name", "英文名", "英文姓名"],
        ["email"] = ["mail", "e_mail", "邮箱", "电子邮箱", "邮件"],
        ["department_id"] = ["department", "dept", "dept_id", "部门", "部门编号", "部门id"],
        ["title"] = ["job_title", "position", "职位", "职务", "岗位"],
        ["hire_date"] = ["start_date", "join_date", "joined", "入职日期", "入职时间"],
        ["manager_id"] = ["manager", "直属上级", "上级", "汇报对象", "直属上级工号"],
    });

    public DirectoryImportResult ImportFolder(string folder)
    {
        var departmentsPath = Path.Combine(folder, OrgDirectoryValidator.DepartmentsFile);
        var peoplePath = Path.Combine(folder, OrgDirectoryValidator.PeopleFile);
        var missing = new[] { departmentsPath, peoplePath }
            .Where(path => !File.Exists(path))
            .Select(path => new DirectoryImportError(Path.GetFileName(path), 0, "", DirectoryImportErrorCode.FileMissing, []))
            .ToList();
        if (missing.Count > 0)
        {
            return DirectoryImportResult.Failed(missing);
        }

        return Import(
            new ImportFile(OrgDirectoryValidator.DepartmentsFile, File.ReadAllBytes(departmentsPath)),
            new ImportFile(OrgDirectoryValidator.PeopleFile, File.ReadAllBytes(peoplePath)));
    }

    /// <summary>Imports files as uploaded: the encoding of each is detected and reported in <see cref="DirectoryImportResult.Files"/>.</summary>
    public DirectoryImportResult Import(ImportFile departmentsCsv, ImportFile peopleCsv)
    {
        var errors = new List<DirectoryImportError>();
        var files = new List<ImportedFile>();
        var pool = new StringPool();
        var departments = Decode(departmentsCsv.Content, OrgDirectoryValidator.DepartmentsFile, errors) is { } departmentsText
            ? ReadDepartments(departmentsText.Text, departmentsText.Encoding, files, errors, pool)
            : null;
        var people = Decode(peopleCsv.Content, OrgDirectoryValidator.PeopleFile, errors) is { } peopleText
            ? ReadPeople(peopleText.Text, peopleText.Encoding, files, errors, pool)
            : null;
        return Finish(departments, people, files, errors);
    }

    /// <summary>Imports text already decoded (tests, and callers that hold strings).</summary>
    public DirectoryImportResult Import(TextReader departmentsCsv, TextReader peopleCsv)
    {
        var errors = new List<DirectoryImportError>();
        var files = new List<ImportedFile>();
        var pool = new StringPool();
        var departments = ReadDepartments(departmentsCsv.ReadToEnd(), TextFileEncoding.Utf8, files, errors, pool);
        var people = ReadPeople(peopleCsv.ReadToEnd(), TextFileEncoding.Utf8, files, errors, pool);
        return Finish(departments, people, files, errors);
    }

    private DirectoryImportResult Finish(
        List<SourceLine<Department>>? departments, List<SourceLine<Person>>? people, List<ImportedFile> files, List<DirectoryImportError> errors)
    {
        if (departments is null || people is null)
        {
            return DirectoryImportResult.Failed(errors);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return OrgDirectoryValidator.Build(departments, people, today, errors) with { Files = files };
    }

    private static (string Text, TextFileEncoding Encoding)? Decode(byte[] content, string file, List<DirectoryImportError> errors)
    {
        var decoded = TextFileDecoder.Decode(content);
        if (decoded.Problem is { } problem)
        {
            errors.Add(new(file, problem.Line, problem.Column.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DirectoryImportErrorCode.Undecodable, [])
            { Reason = problem.Reason });
            return null;
        }

        return (decoded.Text!, decoded.Encoding!);
    }

    private static List<SourceLine<Department>>? ReadDepartments(
        string text, TextFileEncoding encoding, List<ImportedFile> files, List<DirectoryImportError> errors, StringPool pool) =>
        ReadRows(text, encoding, OrgDirectoryValidator.DepartmentsFile, DepartmentColumns, DepartmentAliases, files, errors, row =>
        {
            var id = row.Required("id");
            row.RequireName();
            if (id is null)
            {
                return null;
            }

            var keywords = row.Optional("keywords")?.Split([';', '；', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            return new Department(pool.Intern(id), row.Text("name_zh"), row.Text("name_en"), pool.InternOrNull(row.Optional("parent_id")),
                pool.InternOrNull(row.Optional("head_id")), row.Text("description"), keywords);
        });

    private static List<SourceLine<Person>>? ReadPeople(
        string text, TextFileEncoding encoding, List<ImportedFile> files, List<DirectoryImportError> errors, StringPool pool) =>
        ReadRows(text, encoding, OrgDirectoryValidator.PeopleFile, PeopleColumns, PeopleAliases, files, errors, row =>
        {
            var id = row.Required("id");
            row.RequireName();
            var departmentId = row.Required("department_id") ?? "";
            var hireDate = row.Date("hire_date");
            if (id is null)
            {
                return null;
            }

            return new Person(pool.Intern(id), row.Text("name_zh"), row.Text("name_en"), row.Text("email"), pool.Intern(departmentId),
                pool.Intern(row.Text("title")), hireDate, pool.InternOrNull(row.Optional("manager_id")));
        });

    /// <summary>
    /// One file's rows, each read by <paramref name="read"/> (null: the row is skipped; its errors are already recorded),
    /// or null when the file cannot be read at all; a readable file is listed in <paramref name="files"/>.
    /// </summary>
    private static List<SourceLine<T>>? ReadRows<T>(
        string text,
        TextFileEncoding encoding,
        string file,
        string[] requiredColumns,
        IReadOnlyDictionary<string, string> aliases,
        List<ImportedFile> files,
        List<DirectoryImportError> errors,
        Func<Row, T?> read)
        where T : class
    {
        if (Open(text, file, requiredColumns, aliases, errors) is not { } table)
        {
            return null;
        }

        files.Add(new ImportedFile(file, encoding, table.Records.Count));
        var rows = new List<SourceLine<T>>(table.Records.Count);
        foreach (var record in table.Records)
        {
            if (read(new Row(table, record, file, errors)) is { } value)
            {
                rows.Add(new(value, record.Line));
            }
        }

        return rows;
    }

    private static Table? Open(string text, string file, string[] requiredColumns, IReadOnlyDictionary<string, string> aliases, List<DirectoryImportError> errors)
    {
        var read = DelimitedText.Read(text);
        if (read.UnterminatedQuoteLine is { } quoteLine)
        {
            errors.Add(new(file, quoteLine, "", DirectoryImportErrorCode.UnterminatedQuote, []));
            return null;
        }

        if (read.Records.Count == 0)
        {
            errors.Add(new(file, 0, "", DirectoryImportErrorCode.EmptyFile, []));
            return null;
        }

        var header = HeaderMap.Build(read.Records[0].Fields, aliases);
        var missing = requiredColumns.Where(c => !header.Has(c)).ToList();
        foreach (var column in missing)
        {
            errors.Add(new(file, read.Records[0].Line, column, DirectoryImportErrorCode.MissingColumn, [column]));
        }

        if (missing.Count > 0)
        {
            return null;
        }

        if (read.Records.Count == 1)
        {
            var rows = file == OrgDirectoryValidator.DepartmentsFile ? "departments" : "people";
            errors.Add(new(file, read.Records[0].Line, "", DirectoryImportErrorCode.NoRows, [rows]));
            return null;
        }

        return new Table(header, read.Records.Skip(1).ToList());
    }

    private sealed record Table(HeaderMap Header, List<CsvRecord> Records);

    private sealed class Row(Table table, CsvRecord record, string file, List<DirectoryImportError> errors)
    {
        public string Text(string column) => table.Header.Field(record.Fields, column);

        public string? Optional(string column) => Text(column) is { Length: > 0 } value ? value : null;

        public string? Required(string column)
        {
            var value = Optional(column);
            if (value is null)
            {
                errors.Add(new(file, record.Line, column, DirectoryImportErrorCode.MissingField, [column]));
            }

            return value;
        }

        public void RequireName()
        {
            if (Optional("name_zh") is null && Optional("name_en") is null)
            {
                errors.Add(new(file, record.Line, "name_zh", DirectoryImportErrorCode.MissingField, ["name_zh / name_en"]));
            }
        }

        /// <summary>The date, or <see cref="DateOnly.MinValue"/> after reporting why it could not be read.</summary>
        public DateOnly Date(string column)
        {
            if (Required(column) is not { } text)
            {
                return DateOnly.MinValue;
            }

            // No culture: an admin's file may come from anywhere, so 3/4/2026 is refused as ambiguous rather than guessed.
            if (DateText.TryParse(text, culture: null, out var date, out var problem))
            {
                return date;
            }

            errors.Add(new(file, record.Line, column,
                problem == DateTextProblem.Ambiguous ? DirectoryImportErrorCode.AmbiguousDate : DirectoryImportErrorCode.BadDate, [text]));
            return DateOnly.MinValue;
        }
    }
}
