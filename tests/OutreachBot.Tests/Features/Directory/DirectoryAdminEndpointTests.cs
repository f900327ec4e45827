using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OutreachBot.Domain.Directory;
using OutreachBot.Features.Directory;

namespace OutreachBot.Tests.Features.Directory;

public sealed class DirectoryAdminEndpointTests : IDisposable
{
    private const string Key = "test-admin-key-0123456789";
    private const string Departments = "id,name_zh,name_en,parent_id,head_id,description,keywords\nhq,总部,Headquarters,,P1,,\npay,支付部,Payments,hq,P2,收单,支付;payments\n";
    private const string People = "id,name_zh,name_en,email,department_id,title,hire_date,manager_id\nP1,王总,Wang Zong,wang@example.com,hq,CEO,2010-01-01,\nP2,李支付,Li Zhifu,li@example.com,pay,Director,2015-03-01,P1\n";

    private readonly List<BotTestHost> factories = [];

    public void Dispose()
    {
        foreach (var factory in factories)
        {
            factory.Dispose();
        }
    }

    private BotTestHost App(string? key)
    {
        var factory = new BotTestHost(key is null ? BotTestOptions.AsDeployed with { Directory = TestDirectory.Empty }
            : BotTestOptions.AsDeployed.With(("Admin:ApiKey", key)) with { Directory = TestDirectory.Empty });
        factories.Add(factory);
        return factory;
    }

    private static HttpRequestMessage Upload(string departments, string people, string? key = Key)
    {
        var form = new MultipartFormDataContent
        {
            { Csv(departments), "departments", "departments.csv" },
            { Csv(people), "people", "people.csv" },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, DirectoryAdminEndpoint.Route) { Content = form };
        if (key is not null)
        {
            request.Headers.Add(DirectoryAdminEndpoint.KeyHeader, key);
        }

        return request;
    }

    private static HttpRequestMessage Upload(byte[] departments, byte[] people)
    {
        var request = Upload("", "");
        request.Content = new MultipartFormDataContent
        {
            { new ByteArrayContent(departments), "departments", "departments.csv" },
            { new ByteArrayContent(people), "people", "people.csv" },
        };
        return request;
    }

    private static ByteArrayContent Csv(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    [Fact]
    public async Task Without_a_configured_key_the_endpoint_does_not_exist()
    {
        using var client = App(null).CreateClient();

        var response = await client.SendAsync(Upload(Departments, People));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_missing_or_wrong_key_is_unauthorized()
    {
        using var client = App(Key).CreateClient();

        var missing = await client.SendAsync(Upload(Departments, People, key: null));
        var wrong = await client.SendAsync(Upload(Departments, People, key: "guess"));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Uploaded_files_replace_the_live_directory_and_the_counts_come_back()
    {
        var app = App(Key);
        using var client = app.CreateClient();

        var response = await client.SendAsync(Upload(Departments, People));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<DirectoryImportSummary>();
        Assert.Equal((2, 2), (summary!.Departments, summary.People));
        var live = app.Services.GetRequiredService<LiveDirectory>().Current;
        Assert.Equal(summary.Version, live.Version);
        Assert.Equal("支付部", live.Directory.GetDepartment("pay").NameZh);
    }

    [Fact]
    public async Task A_bad_upload_reports_every_error_with_file_line_and_column_and_changes_nothing()
    {
        var app = App(Key);
        using var client = app.CreateClient();
        await client.SendAsync(Upload(Departments, People));
        var before = app.Services.GetRequiredService<LiveDirectory>().Current;
        var badPeople = People + "P3,张三,Zhang San,zhang@example.com,nowhere,Engineer,2020-13-01,P9\n";

        var response = await client.SendAsync(Upload(Departments, badPeople));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var failure = await response.Content.ReadFromJsonAsync<DirectoryImportFailure>();
        Assert.Equal(
            [("people.csv", 4, "department_id"), ("people.csv", 4, "hire_date"), ("people.csv", 4, "manager_id")],
            failure!.Errors.Select(e => (e.File, e.Line, e.Column)).Order());
        Assert.All(failure.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Same(before, app.Services.GetRequiredService<LiveDirectory>().Current);
    }

    [Fact]
    public async Task A_missing_file_is_reported_by_name()
    {
        using var client = App(Key).CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, DirectoryAdminEndpoint.Route)
        {
            Content = new MultipartFormDataContent { { Csv(Departments), "departments", "departments.csv" } },
        };
        request.Headers.Add(DirectoryAdminEndpoint.KeyHeader, Key);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var failure = await response.Content.ReadFromJsonAsync<DirectoryImportFailure>();
        Assert.Equal(("people.csv", "FileMissing"), (Assert.Single(failure!.Errors).File, failure.Errors[0].Code));
    }

    [Fact]
    public async Task A_folder_on_the_server_can_be_imported_by_JSON()
    {
        var app = App(Key);
        using var client = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, DirectoryAdminEndpoint.Route) { Content = JsonContent.Create(new { folder = DemoCompany.Folder }) };
        request.Headers.Add(DirectoryAdminEndpoint.KeyHeader, Key);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<DirectoryImportSummary>();
        Assert.Equal((147, 3019), (summary!.Departments, summary.People));
    }

    [Fact]
    public async Task A_JSON_body_without_a_folder_is_a_bad_request()
    {
        using var client = App(Key).CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, DirectoryAdminEndpoint.Route) { Content = new StringContent("{\"folder\": 3", Encoding.UTF8, "application/json") };
        request.Headers.Add(DirectoryAdminEndpoint.KeyHeader, Key);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("folder", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("departments.csv")]
    [InlineData("people.csv")]
    public async Task A_header_only_file_is_refused_and_the_live_directory_stays(string emptied)
    {
        var app = App(Key);
        using var client = app.CreateClient();
        await client.SendAsync(Upload(Departments, People));
        var before = app.Services.GetRequiredService<LiveDirectory>().Current;
        var departments = emptied == "departments.csv" ? Departments.Split('\n')[0] + "\n" : Departments;
        var people = emptied == "people.csv" ? People.Split('\n')[0] + "\n\n" : People;

        var response = await client.SendAsync(Upload(departments, people));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<DirectoryImportFailure>())!.Errors);
        Assert.Equal((emptied, 1, "NoRows"), (error.File, error.Line, error.Code));
        Assert.Contains("no rows", error.Message);
        Assert.Contains("没有数据", error.MessageZh);
        Assert.Same(before, app.Services.GetRequiredService<LiveDirectory>().Current);
        Assert.Equal(2, app.Services.GetRequiredService<LiveDirectory>().Current.Directory.People.Count);
    }

    [Fact]
    public async Task GBK_files_as_Excel_saves_them_on_Chinese_Windows_import_with_readable_names_and_the_encoding_is_stated()
    {
        var app = App(Key);
        using var client = app.CreateClient();
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

        var response = await client.SendAsync(Upload(gbk.GetBytes(Departments), Encoding.Unicode.GetBytes(People)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await response.Content.ReadFromJsonAsync<DirectoryImportSummary>())!;
        Assert.Equal([("departments.csv", "GBK", 2), ("people.csv", "UTF-16 LE without BOM", 2)], summary.Files.Select(f => (f.File, f.Encoding, f.Rows)));
        Assert.Equal("李支付", app.Services.GetRequiredService<LiveDirectory>().Current.Directory.GetPerson("P2").NameZh);
    }

    [Fact]
    public async Task Text_in_no_known_encoding_is_refused_with_file_line_and_column()
    {
        var app = App(Key);
        using var client = app.CreateClient();
        byte[] people = [.. Encoding.UTF8.GetBytes(People), .. "P3,"u8, 0xFF, 0xFF, (byte)'\n'];

        var response = await client.SendAsync(Upload(Encoding.UTF8.GetBytes(Departments), people));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<DirectoryImportFailure>())!.Errors);
        Assert.Equal(("people.csv", 4, "4", "Undecodable"), (error.File, error.Line, error.Column, error.Code));
        Assert.Empty(app.Services.GetRequiredService<LiveDirectory>().Current.Directory.People);
    }

    [Fact]
    public async Task People_joining_soon_are_imported_and_listed_in_the_summary()
    {
        var app = App(Key);
        using var client = app.CreateClient();
        var joining = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(30).ToString("yyyy/M/d", System.Globalization.CultureInfo.InvariantCulture);
        var people = People + $"P3,新同事,New Hire,new@example.com,pay,Engineer,{joining},P2\n";

        var response = await client.SendAsync(Upload(Departments, people));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await response.Content.ReadFromJsonAsync<DirectoryImportSummary>())!;
        var soon = Assert.Single(summary.JoiningSoon);
        Assert.Equal(("P3", "新同事", 4), (soon.Id, soon.NameZh, soon.Line));
        Assert.Equal(3, summary.People);
    }
}
