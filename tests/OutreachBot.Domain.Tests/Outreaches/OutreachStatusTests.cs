using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Domain.Tests.Outreaches;

public sealed class OutreachStatusTests
{
    private static readonly DateTimeOffset Now = OutreachBuilder.Start.AddDays(3);

    [Fact]
    public void Countdown_shows_days_and_hours_left_or_overdue()
    {
        var left = DeadlineCountdown.Between(Now, Now.AddDays(2).AddHours(5).AddMinutes(30));
        var overdue = DeadlineCountdown.Between(Now, Now.AddHours(-27));

        Assert.Equal(new DeadlineCountdown(2, 5, false), left);
        Assert.Equal("还剩 2 天 5 小时", left.Text.Zh);
        Assert.Equal(new DeadlineCountdown(1, 3, true), overdue);
        Assert.Equal("overdue by 1 day 3 hours", overdue.Text.En);
    }

    [Fact]
    public void Pipeline_lists_overdue_first_then_nearest_deadline_then_closed()
    {
        var views = new[]
        {
            View("closed", Now.AddDays(-10), TargetStage.Agreed),
            View("later", Now.AddDays(5), TargetStage.Contacted),
            View("overdue-1d", Now.AddDays(-1), TargetStage.Contacted),
            View("soon", Now.AddDays(1), TargetStage.Interested),
            View("overdue-3d", Now.AddDays(-3), TargetStage.NoCapacity),
        };

        var ordered = OutreachStatus.Order(views);

        Assert.Equal(["overdue-3d", "overdue-1d", "soon", "later", "closed"], ordered.Select(v => v.OutreachId));
        Assert.False(ordered[^1].IsOverdue);
    }

    [Fact]
    public void Two_hundred_outreaches_page_with_totals_over_all_of_them()
    {
        var views = Enumerable.Range(0, 200).Select(i => View($"o{i:D3}", Now.AddHours(i - 20), i % 2 == 0 ? TargetStage.Contacted : TargetStage.Agreed)).ToList();

        var page = OutreachStatus.Paginate(views, 3, 25);

        Assert.Equal((3, 25, 8), (page.Page, page.Items.Count, page.PageCount));
        Assert.Equal((200, 100, 10), (page.Totals.Outreaches, page.Totals.Open, page.Totals.Overdue));
        Assert.Equal(100, page.Totals.TargetsByStage[TargetStage.Agreed]);
        Assert.Equal(8, OutreachStatus.Paginate(views, 99, 25).Page);
    }

    [Theory]
    [InlineData("支付中台", "D042")]
    [InlineData("支付", "D042")]
    [InlineData("payments", "D042")]
    [InlineData("Payment Platfrom", "D042")]
    [InlineData("ＰＡＹＭＥＮＴＳ", "D042")]
    [InlineData("风控", "D077")]
    [InlineData("risk control", "D077")]
    [InlineData("d077", "D077")]
    public void Partner_is_found_by_fuzzy_name_in_either_language(string query, string expected)
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.Contacted).Targeting(OutreachBuilder.Risk).Build();

        var matches = OutreachStatus.FindPartner([OutreachStatus.View(outreach, "alice", Now)], query);

        Assert.Equal(expected, matches[0].Target.DepartmentId);
    }

    [Fact]
    public void Unrelated_query_matches_nothing()
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments).Build();

        Assert.Empty(OutreachStatus.FindPartner([OutreachStatus.View(outreach, "alice", Now)], "人力资源"));
    }

    [Fact]
    public void Status_shows_last_contact_and_the_stage_specific_next_action()
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.MeetingScheduled).Build();

        var target = OutreachStatus.View(outreach, "alice", Now).Targets.Single();

        Assert.Equal("李雷", target.LastContactPerson);
        Assert.Equal(new Phrase("Outreach.Next.MeetingScheduled.At", outreach.Targets.Single().Meeting!.At), target.NextAction);
    }

    [Fact]
    public async Task Status_includes_shared_outreaches_and_team_view_covers_members()
    {
        var time = new FakeTimeProvider(OutreachBuilder.Start);
        var repository = new OutreachRepository(new InMemoryEntityStore());
        var service = new OutreachService(repository, new NoAlternativeDepartments(), new NextActionPlaybook(), time);
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-alice").Targeting(OutreachBuilder.Payments).Build());
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-bob-shared").OwnedBy("bob").SharedWith(new OutreachSharing(null, null, ["alice"])).Build());
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-bob-private").OwnedBy("bob").Build());
        await repository.CreateAsync(new OutreachBuilder().WithId("outreach-carol").OwnedBy("carol").Build());

        var mine = await service.StatusAsync(Requester.User("alice"));
        var team = await service.TeamPipelineAsync(Requester.User("lead"), ["alice", "bob"]);
        var partner = await service.PartnerStatusAsync(Requester.User("alice"), "支付");

        Assert.Equal(["outreach-alice", "outreach-bob-shared"], mine.Select(v => v.OutreachId).Order());
        Assert.False(mine.Single(v => v.OutreachId == "outreach-bob-shared").IsOwnedByViewer);
        Assert.Equal(3, team.Totals.Outreaches);
        Assert.DoesNotContain(team.Items, v => v.OwnerKey == "carol");
        Assert.Equal("outreach-alice", Assert.Single(partner).Outreach.OutreachId);
    }

    private static OutreachStatusView View(string id, DateTimeOffset deadline, TargetStage stage) =>
        new(id, "idea", "alice", true, deadline, DeadlineCountdown.Between(Now, deadline), StageMachine.IsOpen(stage),
            [new TargetStatus("D042", OutreachBuilder.Payments.Name, stage, Now, null, null, null, null)], Now);
}
