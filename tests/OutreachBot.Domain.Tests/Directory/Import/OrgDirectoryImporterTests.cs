using System.Text;
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
    public void A_date_that_is_no_day_is_reported()
    {
        var csv = DirectoryCsvBuilder.SmallCompany().Person("p3", "pay", hired: "2020-02-30");

        var error = Assert.Single(csv.Import(time).Errors);

        Assert.Equal("people.csv line 4, column hire_date: “2020-02-30” is not a date; write it as yyyy-MM-dd", error.Located.En);
        Assert.Equal("“2020-02-30”不是日期，请写成 yyyy-MM-dd 格式", error.Message.Zh);
    }

    [Fact]
    public void Hire_dates_as_HR_systems_write_them_are_read()
    {
        var csv = DirectoryCsvBuilder.SmallCompany()
            .Person("p3", "pay", hired: "2020/1/31")
            .Person("p4", "pay", hired: "2019年7月1日")
            .Person("p5", "pay", hired: "2018-03-05 00:00:00")
            .Person("p6", "pay", hired: "25/12/2017");

        var result = csv.Import(time);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(
            [new DateOnly(2020, 1, 31), new DateOnly(2019, 7, 1), new DateOnly(2018, 3, 5), new DateOnly(2017, 12, 25)],
            new[] { "p3", "p4", "p5", "p6" }.Select(id => result.Directory!.GetPerson(id).HireDate));
    }

    [Fact]
    public void A_date_whose_day_and_month_could_be_swapped_is_refused_rather_than_guessed()
    {
        var csv = DirectoryCsvBuilder.SmallCompany().Person("p3", "pay", hired: "3/4/2020");

        var error = Assert.Single(csv.Import(time).Errors);

        Assert.Equal(DirectoryImportErrorCode.AmbiguousDate, error.Code);
    }

    [Fact]
    public void A_hire_date_after_today_is_a_person_joining_soon_imported_with_tenure_zero_and_listed()
    {
        var csv = DirectoryCsvBuilder.SmallCompany().Person("p3", "pay", hired: "2026-12-01").Person("p4", "pay", hired: "2026-11-02");

        var result = csv.Import(time);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(0, result.Directory!.TenureYears("p3", new DateOnly(2026, 11, 1)));
        Assert.Equal([("p4", new DateOnly(2026, 11, 2), 5), ("p3", new DateOnly(2026, 12, 1), 4)], result.JoiningSoon.Select(p => (p.PersonId, p.HireDate, p.Line)));
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

    [Theory]
    [InlineData("departments.csv", "", "departments.csv: the file is empty; it needs a header row and at least one row")]
    [InlineData("departments.csv", "id,name_zh,name_en,parent_id,head_id,description,keywords\n\n", "departments.csv line 1, column : the file has a header but no rows; an import without departments would leave everyone with an empty directory")]
    [InlineData("people.csv", "id,name_zh,name_en,email,department_id,title,hire_date,manager_id\n", "people.csv line 1, column : the file has a header but no rows; an import without people would leave everyone with an empty directory")]
    public void A_file_without_rows_is_refused_so_an_import_can_never_empty_the_directory(string file, string content, string expected)
    {
        var company = DirectoryCsvBuilder.SmallCompany();
        var departments = file == "departments.csv" ? content : company.DepartmentsCsv;
        var people = file == "people.csv" ? content : company.PeopleCsv;

        var result = new OrgDirectoryImporter(time).Import(new StringReader(departments), new StringReader(people));

        Assert.Null(result.Directory);
        Assert.Equal(expected, Assert.Single(result.Errors).Located.En);
    }

    [Theory]
    [InlineData(936, "GBK")]
    [InlineData(54936, "GBK")]
    [InlineData(1200, "UTF-16 LE")]
    [InlineData(1201, "UTF-16 BE")]
    [InlineData(65001, "UTF-8")]
    public void Files_in_the_encodings_HR_systems_write_import_with_their_Chinese_names_and_the_encoding_is_reported(int codePage, string name)
    {
        var company = DirectoryCsvBuilder.SmallCompany().Department("risk", parent: "hq", nameZh: "风险管理部").Person("p3", "risk", hired: "2019-05-01");
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? Encoding.GetEncoding(codePage);

        var result = new OrgDirectoryImporter(time).Import(
            new ImportFile("departments.csv", encoding.GetBytes(company.DepartmentsCsv)),
            new ImportFile("people.csv", encoding.GetBytes(company.PeopleCsv)));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("风险管理部", result.Directory!.GetDepartment("risk").NameZh);
        Assert.Equal("张三", result.Directory.GetPerson("p3").NameZh);
        Assert.All(result.Files, f => Assert.Equal(name, f.Encoding.Name));
        Assert.Equal([("departments.csv", 3), ("people.csv", 3)], result.Files.Select(f => (f.File, f.Rows)));
    }

    [Fact]
    public void Text_in_no_encoding_is_refused_with_the_line_and_column_where_it_goes_wrong()
    {
        var company = DirectoryCsvBuilder.SmallCompany();
        var people = Encoding.UTF8.GetBytes(company.PeopleCsv).Concat(new byte[] { (byte)'p', (byte)'9', (byte)',', 0xFF, 0x80, (byte)'\n' }).ToArray();

        var result = new OrgDirectoryImporter(time).Import(new ImportFile("departments.csv", Encoding.UTF8.GetBytes(company.DepartmentsCsv)), new ImportFile("people.csv", people));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("people.csv", 4, "4", DirectoryImportErrorCode.Undecodable), (error.File, error.Line, error.Column, error.Code));
        Assert.Contains("first unreadable byte 0xFF", error.Message.En);
        Assert.Contains("无法识别文件编码", error.Message.Zh);
    }

    [Fact]
    public void An_HR_export_with_spaced_or_Chinese_headers_tabs_and_trailing_blank_rows_imports()
    {
        var departments = "部门编号\t中文名称\tName EN\tParent ID\tHead ID\n hq\t总部\tHQ\t\tp1\n\t\t\t\t\n\n";
        var people = "工号,姓名,英文名,邮箱,部门,职位,入职日期,直属上级,工位\r\np1,王总,Wang,wang@example.com,hq,CEO,2010/1/1,,A-101\r\n,,,,,,,,\r\n\r\n";

        var result = new OrgDirectoryImporter(time).Import(new StringReader(departments), new StringReader(people));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(("总部", "王总", new DateOnly(2010, 1, 1)), (result.Directory!.GetDepartment("hq").NameZh, result.Directory.GetPerson("p1").NameZh, result.Directory.GetPerson("p1").HireDate));
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
            .Department("pay", parent: "ghost")
            .Person("p1", "hq");

        var error = Assert.Single(csv.Import(time).Errors, e => e.File == "departments.csv");

        Assert.Equal(4, error.Line);
    }
}
