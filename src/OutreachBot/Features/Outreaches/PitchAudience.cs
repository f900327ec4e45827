using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Outreaches;

/// <summary>Who a message is addressed to, with what the card says about them.</summary>
/// <param name="Role">Why them: the department's head, a long-serving member (with years), or the person last contacted.</param>
public sealed record PitchAddressee(PitchPerson Person, AddresseeRole Role, int Years = 0, string? PersonId = null);

public enum AddresseeRole
{
    Head,
    Veteran,
    Contact,
}

/// <summary>
/// The directory's side of a message: who sends it (the user as the directory knows them), who receives it (the
/// head for a first contact, the longest-serving member for a question from the org chart, the person last contacted
/// for a follow-up), the introducer of a referral, 您 or 你, and the partner's business that matched what we need.
/// </summary>
public sealed class PitchAudience(LiveDirectory directory)
{
    public PitchAddressee? Addressee(string departmentId, PitchVariant variant, ContactEntry? lastContact, DateOnly today)
    {
        var org = directory.Current.Directory;
        if (variant is PitchVariant.CapabilityOnly or PitchVariant.MeetingInvitation && lastContact is not null)
        {
            var person = (lastContact.PersonId is { } id ? org.FindPerson(id) : null)
                ?? org.Members(departmentId).FirstOrDefault(p => Same(p.NameZh, lastContact.PersonName) || Same(p.NameEn, lastContact.PersonName));
            return new PitchAddressee(person is null ? new PitchPerson(lastContact.PersonName, lastContact.PersonName) : Of(person), AddresseeRole.Contact, 0, person?.Id);
        }

        if (org.FindDepartment(departmentId) is null)
        {
            return null;
        }

        if (variant == PitchVariant.AskForPointer)
        {
            var seniors = directory.Current.OrgChart.Describe(departmentId, today, 5).SeniorMembers;
            var veteran = seniors.FirstOrDefault(s => s.Department.Id == departmentId) ?? seniors.FirstOrDefault();
            if (veteran is not null)
            {
                return new PitchAddressee(Of(veteran.Person), AddresseeRole.Veteran, veteran.TenureYears, veteran.Person.Id);
            }
        }

        return org.Head(departmentId) is { } head ? new PitchAddressee(Of(head), AddresseeRole.Head, 0, head.Id) : null;
    }

    public PitchPeople People(ChatSession session, OutreachTarget target, PitchAddressee? addressee)
    {
        var org = directory.Current.Directory;
        var me = session.Profile.PersonId is { } personId ? org.FindPerson(personId) : null;
        var sender = me is null ? new PitchPerson(ChatName(session), ChatName(session)) : Of(me);
        var myDepartment = me is null ? null : org.FindDepartment(me.DepartmentId);
        var introducer = target.Route == LeadRoute.Referral && target.ReferralChain.LastOrDefault() is { } last
            ? org.FindPerson(last.PersonId) is { } known ? Of(known) : new PitchPerson(last.PersonName, last.PersonName)
            : null;
        return new PitchPeople(
            sender,
            myDepartment is null ? null : new BilingualText(myDepartment.NameZh, myDepartment.NameEn),
            addressee?.Person,
            FormFor(org, me, addressee),
            introducer);
    }

    /// <summary>
    /// For a keyword lead: the department's keyword that best matches what we need (the capability, the support asked,
    /// the idea), in each language; the other language's when only that one matches.
    /// </summary>
    public BilingualText? MatchedBusiness(Outreach outreach, OutreachTarget target)
    {
        if (directory.Current.Directory.FindDepartment(target.Department.Id) is not { } department)
        {
            return null;
        }

        var need = string.Join(' ', new[] { outreach.CapabilityNeeded, PitchSupport.For(outreach, target), outreach.ProductIdea }.OfType<string>());
        var matches = department.Keywords
            .Where(k => k.Trim().Length > 1)
            .Where(k => need.Contains(k.Trim(), StringComparison.OrdinalIgnoreCase)
                || (outreach.CapabilityNeeded is { Length: > 1 } capability && k.Contains(capability.Trim(), StringComparison.OrdinalIgnoreCase)))
            .Select(k => k.Trim())
            .OrderByDescending(k => k.Length)
            .ToList();
        var zh = matches.FirstOrDefault(k => NoteReader.LanguageOf(k) == Language.Chinese);
        var en = matches.FirstOrDefault(k => NoteReader.LanguageOf(k) == Language.English);
        return zh is null && en is null ? null : new BilingualText(zh ?? en!, en ?? zh!);
    }

    /// <summary>您 unless the addressee is a peer of my own department who joined after me and is nobody's head or my manager.</summary>
    public static FormOfAddress FormFor(OrgDirectory org, Person? me, PitchAddressee? addressee)
    {
        if (me is null || addressee is null || addressee.Role == AddresseeRole.Head || addressee.PersonId is not { } id || org.FindPerson(id) is not { } them)
        {
            return FormOfAddress.Respectful;
        }

        var isPeer = them.Id != me.Id
            && them.DepartmentId == me.DepartmentId
            && them.HireDate > me.HireDate
            && org.Departments.All(d => d.HeadId != them.Id)
            && org.ManagerChain(me.Id).All(m => m.Id != them.Id);
        return isPeer ? FormOfAddress.Familiar : FormOfAddress.Respectful;
    }

    private static PitchPerson Of(Person person) => new(person.NameZh, person.NameEn);

    private static bool Same(string name, string typed) => name.Length > 0 && string.Equals(name.Trim(), typed.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string ChatName(ChatSession session) =>
        session.Turn.Activity.From?.Name is { Length: > 0 } name ? name.Trim() : session.Text<OutreachTexts>("Name.Me");
}
