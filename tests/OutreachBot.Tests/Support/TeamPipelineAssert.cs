namespace OutreachBot.Tests.Support;

/// <summary>What a lead reads in <c>pipeline team</c> / <c>看板 团队</c>: the title, the team's size, and whose outreaches are in it.</summary>
public static class TeamPipelineAssert
{
    /// <summary>
    /// <paramref name="seen"/> is the team pipeline in <paramref name="locale"/>'s words, counts <paramref name="people"/> in
    /// the team and <paramref name="users"/> of them using the bot, lists every outreach of <paramref name="shown"/> and none
    /// of <paramref name="hidden"/>.
    /// </summary>
    public static void Shows(string seen, string locale, int people, int users, string[] shown, string[] hidden)
    {
        var chinese = locale.StartsWith("zh", StringComparison.Ordinal);

        Assert.Contains(chinese ? "团队看板" : "Team pipeline", seen);
        Assert.Contains(chinese ? $"团队共 {people} 人，其中 {users} 人在用 OutreachBot" : $"{people} people in your team · {users} of them use OutreachBot", seen);
        Assert.All(shown, idea => Assert.Contains(idea, seen));
        Assert.All(hidden, idea => Assert.DoesNotContain(idea, seen));
    }
}
