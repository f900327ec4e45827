namespace OutreachBot.Domain.Directory.Referrals;

/// <summary>
/// A past introduction: <see cref="IntroducerId"/> introduced <see cref="IntroducedId"/> to <see cref="ToPersonId"/>.
/// In the referral graph it links the two who met, in both directions; it invents nothing about the introducer
/// (who they know comes from the directory or from introductions of their own).
/// </summary>
public sealed record RecordedIntroduction(string IntroducerId, string IntroducedId, string ToPersonId, DateTimeOffset At);

/// <summary>The chain of introductions recorded on an outreach: who introduced you to whom, and when.</summary>
public sealed record ReferralChain(IReadOnlyList<RecordedIntroduction> Introductions)
{
    /// <summary>
    /// The introductions a path asks for: on you → A → B → C, A introduces you to B, then B introduces you to C.
    /// A one-step path (you already know someone in the department) needs none.
    /// </summary>
    public static ReferralChain FromPath(IntroductionPath path, DateTimeOffset at)
    {
        var you = path.From.Id;
        var introductions = new List<RecordedIntroduction>();
        for (var i = 1; i < path.Steps.Count; i++)
        {
            introductions.Add(new RecordedIntroduction(path.Steps[i].From.Id, you, path.Steps[i].To.Id, at));
        }

        return new ReferralChain(introductions);
    }
}

public enum Connection
{
    Manager,
    DirectReport,
    SameDepartment,
    PastIntroduction,
}

/// <summary>One hop: <see cref="From"/> knows <see cref="To"/> through <see cref="Via"/>.</summary>
public sealed record PathStep(Person From, Person To, Connection Via);

/// <summary>A chain of acquaintances from a person to someone in the target department.</summary>
public sealed record IntroductionPath(Person From, IReadOnlyList<PathStep> Steps)
{
    public Person To => Steps.Count == 0 ? From : Steps[^1].To;

    public int Length => Steps.Count;
}

public enum ReferralStatus
{
    Found,
    AlreadyInDepartment,
    NoPath,
    UnknownPerson,
    UnknownDepartment,
}

/// <param name="ThroughTopExecutives">Every path found goes through the CEO or someone reporting to them: shown only because nothing else exists.</param>
public sealed record ReferralPaths(ReferralStatus Status, IReadOnlyList<IntroductionPath> Paths, bool ThroughTopExecutives = false);

/// <summary>A long-serving colleague who could introduce you: how close to you, and how close to the target.</summary>
public sealed record VeteranIntroducer(Person Person, Department Department, int TenureYears, int HopsFromYou, int? HopsToTarget);

public sealed record ReferralOptions(int VeteranYears = 5, int MaxHops = 6)
{
    public static ReferralOptions Default { get; } = new();
}
