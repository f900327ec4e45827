using OutreachBot.DemoData;
using OutreachBot.Domain.Directory.Import;
using OutreachBot.Domain.Directory.Referrals;

namespace OutreachBot.Domain.Tests.Directory.Referrals;

public sealed class ReferralPathFinderBothWaysTests
{
    [Theory]
    [InlineData(300, 3_000, 1)]
    [InlineData(120, 6_000, 2)]
    public void Searching_from_both_ends_gives_the_same_paths_as_searching_from_the_person(int departments, int people, int seed)
    {
        var generated = DemoCompanyGenerator.GenerateSynthetic(departments, people, seed);
        var directory = new OrgDirectoryImporter(new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)))
            .Import(new StringReader(generated.DepartmentsCsv), new StringReader(generated.PeopleCsv)).Directory!;
        var random = new Random(seed);
        var introductions = Enumerable.Range(0, people / 10).Select(_ => new RecordedIntroduction(
            Any(directory.People, random).Id, Any(directory.People, random).Id, Any(directory.People, random).Id, DateTimeOffset.UnixEpoch)).ToList();
        var finder = new ReferralPathFinder(directory, introductions, new ReferralOptions(MaxHops: 4));
        var statuses = new HashSet<ReferralStatus>();

        for (var i = 0; i < 400; i++)
        {
            var person = Any(directory.People, random).Id;
            var department = Any(directory.Departments, random).Id;
            DateOnly? at = i % 2 == 0 ? null : new DateOnly(2026, 11, 1);
            var expected = finder.FindPathsOneWay(person, department, top: 3, at);

            var actual = finder.FindPaths(person, department, top: 3, at);

            Assert.Equal(Describe(expected), Describe(actual));
            statuses.Add(actual.Status);
        }

        Assert.Contains(ReferralStatus.Found, statuses);
        Assert.Contains(ReferralStatus.NoPath, statuses);
    }

    private static T Any<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private static string Describe(ReferralPaths result) =>
        $"{result.Status} {result.ThroughTopExecutives}: " + string.Join(" | ", result.Paths.Select(path =>
            path.From.Id + string.Concat(path.Steps.Select(s => $" -{s.Via}-> {s.To.Id}"))));
}
