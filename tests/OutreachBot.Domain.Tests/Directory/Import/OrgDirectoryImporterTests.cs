using Microsoft.Extensions.Time.Testing;
using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Directory.Import;

namespace OutreachBot.Domain.Tests.Directory.Import;

public sealed class OrgDirectoryImporterTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_clean_import_builds_the_directory_with_its_lookups()
    {
        var csv = DirectoryCsvBuilder.SmallCompany().Person("p3", "pay", manager: "p2", hired: "2015-06-30");

        var result = csv.Import(time);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Errors);
        var directory = result.Directory!;
        Assert.Equal(["pay"], directory.Children("hq").Select(d => d.Id));
        Assert.Equal(["p2", "p3"], directory.Members("pay").Select(p => p.Id));
        Assert.Equal(["p2", "p1"], directory.ManagerChain("p3").Select(p => p.Id));
        Assert.Equal(11, directory.TenureYears("p3", new DateOnly(2026, 11, 1)));
        Assert.Equal(["hq", "pay"], directory.PathFromRoot("pay").Select(d => d.Id));
        Assert.Equal("p2", directory.Head("pay")!.Id);
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_extra_columns_are_ignored()
    {
        var csv = new DirectoryCsvBuilder()
            .DepartmentLine("hq,总部,HQ,,p1,\"Pays, settles\nand \"\"clears\"\"\",支付;payment ; 收单")
            .PersonLine("p1,张三,San Zhang,p1@example.com,hq,\"Director, Payments\",2020-01-01,");

        var result = csv.Import(time);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var hq = result.Directory!.GetDepartment("hq");
        Assert.Equal("Pays, settles\nand \"clears\"", hq.Description);
        Assert.Equal(["支付", "payment", "收单"], hq.Keywords);
        Assert.Equal("Director, Payments", result.Directory.GetPerson("p1").Title);
    }

    [Fact]
    public void Extra_columns_in_any_order_are_ignored()
    {
        var departments = "keywords,cost_center,id,name_en,name_zh,parent_id,head_id,description\n支付,CC1,hq,HQ,总部,,,\n";
        var people = "id,department_id,name_en,name_zh,hire_date,badge\np1,hq,San,三,2020-01-01,B7\n";

        var result = new OrgDirectoryImporter(time).Import(new StringReader(departments), new StringReader(people));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("总部", result.Directory!.GetDepartment("hq").NameZh);
    }

    [Fact]
    public void Missing_required_field_is_reported_with_file_line_and_column()
    {
        var csv = DirectoryCsvBuilder.SmallCompany().PersonLine("p3,李四,Si Li,p3@example.com,,工程师,2020-01-01,p2");

        var error = Assert.Single(csv.Import(time).Errors);

        Assert.Equal("people.csv line 4, column department_id: “department_id” is required but empty", error.Located.En);
        Assert.Equal("people.csv 第 4 行，department_id 列：“department_id”为必填项，但内容为空", error.Located.Zh);
        Assert.Equal(DirectoryImportErrorCode.MissingField, error.Code);
    }

    [Fact]
    public void Duplicate_id_names_the_line_that_used_it_first()
    {
        var csv = DirectoryCsvBuilder.SmallCompany().Department("pay", parent: "hq");

        var error = Assert.Single(csv.Import(time).Errors);

        Assert.Equal("departments.csv line 4, column id: id “pay” is already used on line 3", error.Located.En);
        Assert.Equal("编号“pay”已在第 3 行使用", error.Message.Zh);
    }

    [Fact]
    public void Unknown_parent_is_reported()
    {
        var csv = DirectoryCsvBuilder.SmallCompany().Department("risk", parent: "fintech");

        var error = Assert.Single(csv.Import(time).Errors);

        Assert.Equal("departments.csv line 4, column parent_id: parent department “fintech” does not exist", error.Located.En);
        Assert.Equal("上级部门“fintech”不存在", error.Message.Zh);
    }

    [Fact]
    public void Unknown_head_is_reported()
    {
        var csv = DirectoryCsvBuilder.SmallCompany().Department("risk", parent: "hq", head: "p404");

        var error = Assert.Single(csv.Import(time).Errors);

        Assert.Equal("departments.csv line 4, column head_id: department head “p404” is not in people.csv", error.Located.En);
    }

    [Fact]
    public void Unknown_manager_and_unknown_department_are_both_reported()
    {
        var csv = DirectoryCsvBuilder.SmallCompany().Person("p3", "legal", manager: "p404");

        var errors = csv.Import(time).Errors.Select(e => e.Located.En);

        Assert.Equal(
            [
                "people.csv line 4, column department_id: department “legal” is not in departments.csv",
                "people.csv line 4, column manager_id: manager “p404” is not in people.csv",
            ],
            errors);
    }

    [Fact]
    public void A_cycle_in_the_department_tree_is_reported_once_with_the_loop()
    {
        var csv = DirectoryCsvBuilder.SmallCompany()
            .Department("a", parent: "c")
            .Department("b", parent: "a")
            .Department("c", parent: "b");

        var error = Assert.Single(csv.Import(time).Errors);

        Assert.Equal("departments.csv line 4, column parent_id: the department tree loops: a → c → b → a", error.Located.En);
        Assert.Equal("部门层级出现循环：a → c → b → a", error.Message.Zh);
    }

    [Fact]
    public void A_cycle_in_manager_chains_is_reported()
    {
        var csv = DirectoryCsvBuilder.SmallCompany()
            .Person("p3", "pay", manager: "p4")
            .Person("p4", "pay", manager: "p3");

        var error = Assert.Single(csv.Import(time).Errors);

        Assert.Equal("people.csv line 4, column manager_id: the manager chain loops: p3 → p4 → p3", error.Located.En);
    }

    [Fact]
    public void A_date_not_in_iso_form_is_reported()
    {
        var csv = DirectoryCsvBuilder.SmallCompany().Person("p3", "pay", hired: "2020/01/31");

        var error = Assert.Single(csv.Import(time).Errors);

        Assert.Equal("people.csv line 4, column hire_date: “2020/01/31” is not a date in the form yyyy-MM-dd", error.Located.En);
        Assert.Equal("“2020/01/31”不是 yyyy-MM-dd 格式的日期", error.Message.Zh);
    }

    [Fact]
    public void A_hire_date_after_today_is_reported()
    {
        var csv = DirectoryCsvBuilder.SmallCompany().Person("p3", "pay", hired: "2026-11-02");

        var error = Assert.Single(csv.Import(time).Errors);

        Assert.Equal("people.csv line 4, column hire_date: hire date 2026-11-02 is after today (2026-11-01)", error.Located.En);
    }

    [Fact]
    public void A_missing_header_column_stops_the_file_and_says_which()
    {
        var departments = "id,name_zh,name_en,head_id\nhq,总部,HQ,\n";

        var result = new OrgDirectoryImporter(time).Import(new StringReader(departments), new StringReader(DirectoryCsvBuilder.SmallCompany().PeopleCsv));

        var error = Assert.Single(result.Errors);
        Assert.Equal("departments.csv line 1, column parent_id: the header has no column “parent_id”", error.Located.En);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_where_it_opens()
    {
        var csv = DirectoryCsvBuilder.SmallCompany().DepartmentLine("risk,风控,Risk,hq,,\"never closed,");

        var error = Assert.Single(csv.Import(time).Errors);

        Assert.Equal("departments.csv line 4, column : a quoted field opened here is never closed", error.Located.En);
    }

    [Fact]
    public void Every_bad_row_is_reported_and_no_directory_is_returned()
    {
        var csv = DirectoryCsvBuilder.SmallCompany()
            .Department("risk", parent: "nowhere")
            .Person("p3", "pay", hired: "yesterday")
            .Person("p4", "pay", manager: "ghost");

        var result = csv.Import(time);

        Assert.False(result.Succeeded);
        Assert.Null(result.Directory);
        Assert.Equal(
            [DirectoryImportErrorCode.UnknownParent, DirectoryImportErrorCode.BadDate, DirectoryImportErrorCode.UnknownManager],
            result.Errors.Select(e => e.Code));
        Assert.Equal([4, 4, 5], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void A_line_break_inside_quotes_does_not_shift_the_line_numbers_of_later_rows()
    {
        var csv = new DirectoryCsvBuilder()
            .DepartmentLine("hq,总部,HQ,,,\"line one\nline two\",")
            .Department("pay", parent: "ghost");

        var error = Assert.Single(csv.Import(time).Errors, e => e.File == "departments.csv");

        Assert.Equal(4, error.Line);
    }
}
