using OutreachBot.DemoData;

namespace OutreachBot.Domain.Tests.Directory;

public sealed class DemoCompanyTests
{
    [Fact]
    public void The_generator_reproduces_the_committed_csv_files_byte_for_byte()
    {
        var generated = DemoCompanyGenerator.Generate();

        Assert.Equal(File.ReadAllBytes(Path.Combine(DemoCompany.Folder, "departments.csv")), System.Text.Encoding.UTF8.GetBytes(generated.DepartmentsCsv));
        Assert.Equal(File.ReadAllBytes(Path.Combine(DemoCompany.Folder, "people.csv")), System.Text.Encoding.UTF8.GetBytes(generated.PeopleCsv));
    }

    [Fact]
    public void The_demo_company_imports_cleanly_with_a_plausible_shape()
    {
        var directory = DemoCompany.Directory;
        var at = new DateOnly(2026, 11, 1);

        Assert.InRange(directory.Departments.Count, 140, 160);
        Assert.InRange(directory.People.Count, 2800, 3200);
        Assert.All(directory.Departments, d => Assert.NotNull(directory.Head(d.Id)));
        Assert.All(directory.People, p => Assert.InRange(p.TenureYears(at), 0, 20));
        Assert.True(directory.People.Count(p => p.TenureYears(at) >= 5) > 300);
        Assert.Equal(directory.People.Count, directory.People.Select(p => p.Email).Distinct().Count());
        Assert.Equal(["hq", "fintech", "pay-core"], directory.PathFromRoot("pay-core").Select(d => d.Id));
    }

    [Fact]
    public void A_different_seed_gives_a_different_staff_but_the_same_departments()
    {
        var a = DemoCompanyGenerator.Generate(1);
        var b = DemoCompanyGenerator.Generate(2);

        Assert.Equal(a.Departments.Select(d => d.Id), b.Departments.Select(d => d.Id));
        Assert.NotEqual(a.PeopleCsv, b.PeopleCsv);
    }
}
