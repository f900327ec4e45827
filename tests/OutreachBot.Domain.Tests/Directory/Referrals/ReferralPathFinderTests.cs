using OutreachBot.Domain.Directory.Referrals;

namespace OutreachBot.Domain.Tests.Directory.Referrals;

public sealed class ReferralPathFinderTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 1);

    private static RecordedIntroduction Introduced(string introducer, string introduced, string to) => new(introducer, introduced, to, Earlier);

    private static string Describe(IntroductionPath path) =>
        string.Join(" ", path.Steps.Select(s => $"{s.From.Id}-{s.Via}->{s.To.Id}"));

    [Fact]
    public void No_path_when_nobody_connects_you_to_the_department()
    {
        var directory = new OrgBuilder().Department("hq").Department("x", "hq").Department("t", "hq")
            .Person("me", "x").Person("t1", "t").Build();
        var finder = new ReferralPathFinder(directory, []);

        var result = finder.FindPaths("me", "t");

        Assert.Equal(ReferralStatus.NoPath, result.Status);
        Assert.Empty(result.Paths);
    }

    [Fact]
    public void Several_equal_length_paths_come_back_in_a_stable_order()
    {
        var directory = new OrgBuilder().Department("hq").Department("x", "hq").Department("t", "hq")
            .Person("me", "x").Person("c1", "x").Person("c2", "x").Person("t1", "t").Person("t2", "t").Build();
        var finder = new ReferralPathFinder(directory, [Introduced("c2", "c2", "t2"), Introduced("c1", "c1", "t1")]);

        var result = finder.FindPaths("me", "t", top: 5);

        Assert.Equal(ReferralStatus.Found, result.Status);
        Assert.Equal(
            ["me-SameDepartment->c1 c1-PastIntroduction->t1", "me-SameDepartment->c2 c2-PastIntroduction->t2"],
            result.Paths.Select(Describe));
    }

    [Fact]
    public void Top_k_limits_the_number_of_equal_paths()
    {
        var directory = new OrgBuilder().Department("hq").Department("x", "hq").Department("t", "hq")
            .Person("me", "x").Person("c1", "x").Person("c2", "x").Person("t1", "t").Build();
        var finder = new ReferralPathFinder(directory, [Introduced("c1", "c1", "t1"), Introduced("c2", "c2", "t1")]);

        var result = finder.FindPaths("me", "t", top: 1);

        Assert.Equal(["me-SameDepartment->c1 c1-PastIntroduction->t1"], result.Paths.Select(Describe));
    }

    [Fact]
    public void A_cycle_of_recorded_introductions_still_gives_the_shortest_path()
    {
        var directory = new OrgBuilder().Department("hq").Department("x", "hq").Department("y", "hq").Department("z", "hq").Department("t", "hq")
            .Person("me", "x").Person("a", "y").Person("b", "z").Person("t1", "t").Build();
        var finder = new ReferralPathFinder(directory, [Introduced("me", "me", "a"), Introduced("a", "a", "b"), Introduced("b", "b", "me"), Introduced("b", "b", "t1")]);

        var result = finder.FindPaths("me", "t");

        Assert.Equal(["me-PastIntroduction->b b-PastIntroduction->t1"], result.Paths.Select(Describe));
    }

    [Fact]
    public void Manager_chain_links_you_upwards_and_down_into_another_department()
    {
        var directory = new OrgBuilder().Department("hq").Department("x", "hq").Department("t", "hq")
            .Person("ceo", "hq").Person("boss", "x", manager: "ceo").Person("me", "x", manager: "boss").Person("t1", "t", manager: "ceo").Build();
        var finder = new ReferralPathFinder(directory, []);

        var result = finder.FindPaths("me", "t");

        Assert.Equal(["me-Manager->boss boss-Manager->ceo ceo-DirectReport->t1"], result.Paths.Select(Describe));
    }

    [Fact]
    public void A_member_of_the_department_needs_no_introduction()
    {
        var directory = new OrgBuilder().Department("t").Person("me", "t").Build();

        var result = new ReferralPathFinder(directory, []).FindPaths("me", "t");

        Assert.Equal(ReferralStatus.AlreadyInDepartment, result.Status);
        Assert.Empty(Assert.Single(result.Paths).Steps);
    }

    [Fact]
    public void Unknown_person_or_department_is_a_status_not_an_exception()
    {
        var finder = new ReferralPathFinder(new OrgBuilder().Department("t").Person("me", "t").Build(), []);

        Assert.Equal(ReferralStatus.UnknownPerson, finder.FindPaths("ghost", "t").Status);
        Assert.Equal(ReferralStatus.UnknownDepartment, finder.FindPaths("me", "nowhere").Status);
    }

    [Fact]
    public void Paths_longer_than_the_hop_limit_are_not_searched()
    {
        var directory = new OrgBuilder().Department("hq").Department("x", "hq").Department("t", "hq")
            .Person("ceo", "hq").Person("boss", "x", manager: "ceo").Person("me", "x", manager: "boss").Person("t1", "t", manager: "ceo").Build();

        var result = new ReferralPathFinder(directory, [], new ReferralOptions(MaxHops: 2)).FindPaths("me", "t");

        Assert.Equal(ReferralStatus.NoPath, result.Status);
    }

    [Fact]
    public void Veterans_are_ranked_by_closeness_to_you_then_to_the_target()
    {
        var directory = new OrgBuilder().Department("hq").Department("x", "hq").Department("y", "hq").Department("t", "hq")
            .Person("me", "x", hired: "2025-01-01")
            .Person("newcomer", "x", hired: "2024-01-01")
            .Person("old-colleague", "x", hired: "2012-05-01")
            .Person("oldest-colleague", "x", hired: "2008-05-01")
            .Person("connector", "x", hired: "2019-06-01")
            .Person("far-veteran", "y", hired: "2010-01-01")
            .Person("t1", "t", hired: "2023-01-01")
            .Build();
        var finder = new ReferralPathFinder(directory, [Introduced("old-colleague", "old-colleague", "t1"), Introduced("connector", "connector", "far-veteran")]);

        var veterans = finder.FindVeterans("me", "t", Today);

        Assert.Equal(["old-colleague", "oldest-colleague", "connector", "far-veteran"], veterans.Select(v => v.Person.Id));
        Assert.Equal([1, 1, 1, 2], veterans.Select(v => v.HopsFromYou));
        Assert.Equal(14, veterans[0].TenureYears);
        Assert.Equal(1, veterans[0].HopsToTarget);
    }

    [Fact]
    public void The_veteran_threshold_is_configurable()
    {
        var directory = new OrgBuilder().Department("x").Department("t")
            .Person("me", "x").Person("three-years", "x", hired: "2023-06-01").Person("t1", "t").Build();

        var defaults = new ReferralPathFinder(directory, []).FindVeterans("me", "t", Today);
        var relaxed = new ReferralPathFinder(directory, [], new ReferralOptions(VeteranYears: 3)).FindVeterans("me", "t", Today);

        Assert.Empty(defaults);
        Assert.Equal(["three-years"], relaxed.Select(v => v.Person.Id));
        Assert.Null(relaxed[0].HopsToTarget);
    }

    [Fact]
    public void A_referral_chain_records_who_introduces_you_to_whom()
    {
        var directory = new OrgBuilder().Department("hq").Department("x", "hq").Department("t", "hq")
            .Person("ceo", "hq").Person("boss", "x", manager: "ceo").Person("me", "x", manager: "boss").Person("t1", "t", manager: "ceo").Build();
        var path = new ReferralPathFinder(directory, []).FindPaths("me", "t").Paths[0];
        var at = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

        var chain = ReferralChain.FromPath(path, at);

        Assert.Equal([new RecordedIntroduction("boss", "me", "ceo", at), new RecordedIntroduction("ceo", "me", "t1", at)], chain.Introductions);
    }

    [Fact]
    public void An_introduction_you_received_makes_the_next_search_shorter()
    {
        var directory = new OrgBuilder().Department("hq").Department("x", "hq").Department("t", "hq")
            .Person("ceo", "hq").Person("boss", "x", manager: "ceo").Person("me", "x", manager: "boss").Person("t1", "t", manager: "ceo").Build();
        var chain = ReferralChain.FromPath(new ReferralPathFinder(directory, []).FindPaths("me", "t").Paths[0], Earlier);

        var after = new ReferralPathFinder(directory, chain.Introductions).FindPaths("me", "t");

        Assert.Equal(["me-PastIntroduction->t1"], after.Paths.Select(Describe));
    }

    [Fact]
    public void A_path_avoids_top_executives_when_a_colleague_connects()
    {
        var directory = new OrgBuilder().Department("hq").Department("x", "hq").Department("y", "hq").Department("t", "hq")
            .Person("ceo", "hq").Person("vp", "y", manager: "ceo").Person("boss", "x", manager: "vp").Person("me", "x", manager: "boss")
            .Person("colleague", "x", manager: "boss").Person("t1", "t", manager: "ceo").Build();
        var finder = new ReferralPathFinder(directory, [Introduced("someone", "colleague", "t1")]);

        var result = finder.FindPaths("me", "t");

        Assert.False(result.ThroughTopExecutives);
        Assert.Equal(["me-SameDepartment->colleague colleague-PastIntroduction->t1"], result.Paths.Select(Describe));
    }

    [Fact]
    public void Only_when_nothing_else_connects_does_a_path_go_through_the_top_and_says_so()
    {
        var directory = new OrgBuilder().Department("hq").Department("x", "hq").Department("t", "hq")
            .Person("ceo", "hq").Person("boss", "x", manager: "ceo").Person("me", "x", manager: "boss").Person("t1", "t", manager: "ceo").Build();

        var result = new ReferralPathFinder(directory, []).FindPaths("me", "t");

        Assert.True(result.ThroughTopExecutives);
        Assert.Equal(["me-Manager->boss boss-Manager->ceo ceo-DirectReport->t1"], result.Paths.Select(Describe));
    }

    [Fact]
    public void A_recorded_introduction_links_only_the_two_who_met()
    {
        var directory = new OrgBuilder().Department("hq").Department("x", "hq").Department("y", "hq").Department("t", "hq")
            .Person("me", "x").Person("introducer", "y").Person("t1", "t").Build();

        var finder = new ReferralPathFinder(directory, [Introduced("introducer", "me", "t1")]);

        Assert.Equal(Connection.PastIntroduction, finder.Knows("me", "t1"));
        Assert.Null(finder.Knows("introducer", "t1"));
        Assert.Null(finder.Knows("introducer", "me"));
    }

    [Fact]
    public void Among_equally_short_paths_the_one_through_a_veteran_comes_first()
    {
        var directory = new OrgBuilder().Department("hq").Department("x", "hq").Department("t", "hq")
            .Person("me", "x", hired: "2025-01-01").Person("a-newcomer", "x", hired: "2025-02-01").Person("z-veteran", "x", hired: "2010-01-01")
            .Person("t1", "t").Person("t2", "t").Build();
        var finder = new ReferralPathFinder(directory, [Introduced("x1", "a-newcomer", "t1"), Introduced("x2", "z-veteran", "t2")]);

        var result = finder.FindPaths("me", "t", top: 1, at: Today);

        Assert.Equal(["me-SameDepartment->z-veteran z-veteran-PastIntroduction->t2"], result.Paths.Select(Describe));
    }
}
