using System.Globalization;
using OutreachBot.Domain.Text;

namespace OutreachBot.Domain.Directory.Import;

/// <summary>
/// Reads <c>departments.csv</c> and <c>people.csv</c> (UTF-8, header row, extra columns ignored) and validates the whole
/// directory first. A failed import returns every error and no directory, so the caller keeps the previous one.
/// </summary>
public sealed class OrgDirectoryImporter(TimeProvider time)
{
    private static readonly string[] DepartmentColumns = ["id", "name_zh", "name_en", "parent_id"];
    private static readonly string[] PeopleColumns = ["id", "name_zh", "name_en", "department_id", "hire_date"];

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

        using var departments = new StreamReader(departmentsPath, System.Text.Encoding.UTF8);
        using var people = new StreamReader(peoplePath, System.Text.Encoding.UTF8);
        return Import(departments, people);
    }

    public DirectoryImportResult Import(TextReader departmentsCsv, TextReader peopleCsv)
    {
        var errors = new List<DirectoryImportError>();
        var departments = ReadDepartments(departmentsCsv, errors);
        var people = ReadPeople(peopleCsv, errors);
        if (departments is null || people is null)
        {
            return DirectoryImportResult.Failed(errors);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return OrgDirectoryValidator.Build(departments, people, today, errors);
    }

    private static List<SourceLine<Department>>? ReadDepartments(TextReader reader, List<DirectoryImportError> errors)
    {
        const string file = OrgDirectoryValidator.DepartmentsFile;
        if (Open(reader, file, DepartmentColumns, errors) is not { } table)
        {
            return null;
        }

        var rows = new List<SourceLine<Department>>();
        foreach (var record in table.Records)
        {
            var row = new Row(table, record, file, errors);
            var id = row.Required("id");
            row.RequireName();
            if (id is null)
            {
                continue;
            }

            var keywords = row.Optional("keywords")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            rows.Add(new(new Department(id, row.Text("name_zh"), row.Text("name_en"), row.Optional("parent_id"), row.Optional("head_id"),
                row.Text("description"), keywords), record.Line));
        }

        return rows;
    }

    private static List<SourceLine<Person>>? ReadPeople(TextReader reader, List<DirectoryImportError> errors)
    {
        const string file = OrgDirectoryValidator.PeopleFile;
        if (Open(reader, file, PeopleColumns, errors) is not { } table)
        {
            return null;
        }

        var rows = new List<SourceLine<Person>>();
        foreach (var record in table.Records)
        {
            var row = new Row(table, record, file, errors);
            var id = row.Required("id");
            row.RequireName();
            var departmentId = row.Required("department_id") ?? "";
            var hireDate = row.Date("hire_date");
            if (id is null)
            {
                continue;
            }

            rows.Add(new(new Person(id, row.Text("name_zh"), row.Text("name_en"), row.Text("email"), departmentId, row.Text("title"),
                hireDate, row.Optional("manager_id")), record.Line));
        }

        return rows;
    }

    private static Table? Open(TextReader reader, string file, string[] requiredColumns, List<DirectoryImportError> errors)
    {
        var (records, unterminatedQuoteLine) = CsvTable.Read(reader);
        if (unterminatedQuoteLine is { } quoteLine)
        {
            errors.Add(new(file, quoteLine, "", DirectoryImportErrorCode.UnterminatedQuote, []));
            return null;
        }

        var header = records.Count > 0 ? records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList() : [];
        var missing = requiredColumns.Where(c => !header.Contains(c)).ToList();
        foreach (var column in missing)
        {
            errors.Add(new(file, 1, column, DirectoryImportErrorCode.MissingColumn, [column]));
        }

        return missing.Count > 0 ? null : new Table(header, records.Skip(1).ToList());
    }

    private sealed record Table(List<string> Header, List<CsvRecord> Records);

    private sealed class Row(Table table, CsvRecord record, string file, List<DirectoryImportError> errors)
    {
        public string Text(string column)
        {
            var index = table.Header.IndexOf(column);
            return index >= 0 && index < record.Fields.Count ? record.Fields[index].Trim() : "";
        }

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

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            errors.Add(new(file, record.Line, column, DirectoryImportErrorCode.BadDate, [text]));
            return DateOnly.MinValue;
        }
    }
}
