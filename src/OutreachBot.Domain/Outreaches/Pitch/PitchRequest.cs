namespace OutreachBot.Domain.Outreaches;

/// <summary>Which message: the first contact, the question to a veteran, or the answer to an outcome.</summary>
public enum PitchVariant
{
    /// <summary>The first-contact message to the person who can decide (a keyword hit's head, a referral's contact).</summary>
    FirstContact,

    /// <summary>Found through the org chart: ask a long-serving colleague there who the right person is.</summary>
    AskForPointer,

    /// <summary>After "no capacity": we need only their product capability, we coordinate the people; one more chat.</summary>
    CapabilityOnly,

    /// <summary>After "interested": the next meeting, with both leaders, and what their department is measured on.</summary>
    MeetingInvitation,
}

/// <summary>您 for a head, a senior or a stranger; 你 only for a peer of one's own department who is not senior.</summary>
public enum FormOfAddress
{
    Respectful,
    Familiar,
}

/// <summary>How the first message opens, from the way the lead was found.</summary>
public enum PitchOpening
{
    /// <summary>Names the introducer: "王磊建议我联系您".</summary>
    Referral,

    /// <summary>Names the business the search matched: "I searched the intranet for “payment gateway”…".</summary>
    Keyword,

    /// <summary>Found in the org chart.</summary>
    OrgChart,

    /// <summary>Nothing more specific is known.</summary>
    Plain,
}

/// <summary>The people around a message, as the directory knows them (the chat layer looks them up).</summary>
/// <param name="Introducer">The colleague who introduced us (the last of the referral chain).</param>
public sealed record PitchPeople(
    PitchPerson Sender,
    BilingualText? SenderDepartment,
    PitchPerson? Addressee,
    FormOfAddress Form = FormOfAddress.Respectful,
    PitchPerson? Introducer = null);

/// <summary>Everything a message is drafted from.</summary>
/// <param name="Prep">The three points; its support needed is the one for this department (see <see cref="PitchSupport"/>).</param>
/// <param name="MatchedBusiness">For a keyword lead: the department's business that matches what we need.</param>
/// <param name="Slot">For the no-capacity follow-up: the proposed time, written in <paramref name="Language"/>.</param>
public sealed record PitchRequest(
    PitchVariant Variant,
    Language Language,
    string ProductIdea,
    string? CapabilityNeeded,
    StageOnePrep Prep,
    DepartmentRef Department,
    LeadRoute Route,
    PitchPeople People,
    BilingualText? MatchedBusiness = null,
    string? Slot = null)
{
    /// <summary>The request for one target of an outreach, with its own support needed and the last introducer of its referral chain.</summary>
    public static PitchRequest For(
        Outreach outreach, OutreachTarget target, PitchVariant variant, Language language, PitchPeople people, BilingualText? matchedBusiness = null, string? slot = null)
    {
        var introducer = people.Introducer
            ?? (target.Route == LeadRoute.Referral && target.ReferralChain.LastOrDefault() is { } last ? new PitchPerson(last.PersonName, last.PersonName) : null);
        return new PitchRequest(
            variant,
            language,
            outreach.ProductIdea,
            outreach.CapabilityNeeded,
            outreach.Prep with { SupportNeeded = PitchSupport.For(outreach, target) },
            target.Department,
            target.Route ?? LeadRoute.OrgChart,
            people with { Introducer = introducer },
            matchedBusiness,
            slot);
    }

    /// <summary>The first message a lead calls for: a question to a veteran for an org-chart lead, else the pitch itself.</summary>
    public static PitchVariant FirstVariant(LeadRoute? route) => route is null or LeadRoute.OrgChart ? PitchVariant.AskForPointer : PitchVariant.FirstContact;
}

/// <summary>What we ask one department for: its own note when the PM wrote one, else the outreach's, else the capability needed.</summary>
public static class PitchSupport
{
    public static string? For(Outreach outreach, OutreachTarget target) =>
        Text(target.SupportNeeded) ?? Text(outreach.Prep.SupportNeeded) ?? Text(outreach.CapabilityNeeded);

    /// <summary>True when the department has a note of its own rather than the outreach's default.</summary>
    public static bool IsTailored(OutreachTarget target) => Text(target.SupportNeeded) is not null;

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
