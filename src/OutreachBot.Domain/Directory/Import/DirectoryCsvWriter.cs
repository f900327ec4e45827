using System.Text;

namespace OutreachBot.Domain.Directory.Import;

/// <summary>Writes a directory in the import format (LF line ends, fields quoted only when needed), so export → import round-trips.</summary>
public static class DirectoryCsvWriter
{
    public static void WriteDepartments(IEnumerable<Department> departments, TextWriter writer)
    {
        writer.Write("id,name_zh,name_en,parent_id,head_id,description,keywords\n");
        foreach (var d in departments)
        {
            WriteRow(writer, d.Id, d.NameZh, d.NameEn, d.ParentId ?? "", d.HeadId ?? "", d.Description, string.Join(';', d.Keywords));
        }
    }

    public static void WritePeople(IEnumerable<Person> people, TextWriter writer)
    {
        writer.Write("id,name_zh,name_en,email,department_id,title,hire_date,manager_id\n");
        foreach (var p in people)
        {
            WriteRow(writer, p.Id, p.NameZh, p.NameEn, p.Email, p.DepartmentId, p.Title, OrgDirectoryValidator.Iso(p.HireDate), p.ManagerId ?? "");
        }
    }

    public static string DepartmentsText(IEnumerable<Department> departments)
    {
        using var writer = new StringWriter(new StringBuilder());
        WriteDepartments(departments, writer);
        return writer.ToString();
    }

    public static string PeopleText(IEnumerable<Person> people)
    {
        using var writer = new StringWriter(new StringBuilder());
        WritePeople(people, writer);
        return writer.ToString();
    }

    private static void WriteRow(TextWriter writer, params string[] fields)
    {
        writer.Write(string.Join(',', fields.Select(CsvRecordReader.Escape)));
        writer.Write('\n');
    }
}
