namespace OutreachBot.Domain.Directory.Search;

public enum ContactReason
{
    /// <summary>Their job title names what the user needs.</summary>
    TitleFits,

    /// <summary>They lead the department.</summary>
    Head,

    /// <summary>They have been there longest: the colleague the article says to ask first.</summary>
    MostSenior,
}

/// <summary>A person worth asking about the need, and why: title, head or tenure.</summary>
public sealed record NeedContact(Person Person, Department Department, ContactReason Reason, int TenureYears, string? MatchedTitle);

/// <summary>
/// The two or three people to ask first about a need, from the departments that fit best: someone whose job title
/// names the need, the head, the longest-serving member. "Ask this person" is then one click from the search.
/// </summary>
public static class NeedContacts
{
    public static IReadOnlyList<NeedContact> For(DepartmentSearch search, string query, IReadOnlyList<DepartmentHit> hits, DateOnly today, int count = 3)
    {
        if (hits.Count == 0 || count < 1)
        {
            return [];
        }

        var directory = search.Directory;
        var read = search.Read(query);
        var top = hits[0];
        var departments = hits.Take(2).Where(h => h == top || h.Score >= top.Score * 0.8f).Select(h => h.Department).ToList();
        var contacts = new List<NeedContact>();

        foreach (var department in departments)
        {
            var fitting = directory.Members(department.Id)
                .Select(p => (Person: p, Title: MatchedTitle(search, read, p.Title)))
                .Where(x => x.Title is not null)
                .OrderByDescending(x => x.Person.Id == department.HeadId)
                .ThenBy(x => x.Person.HireDate)
                .ThenBy(x => x.Person.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            if (fitting.Person is { } person)
            {
                Add(person, department, ContactReason.TitleFits, fitting.Title);
            }
        }

        foreach (var department in departments)
        {
            if (directory.Head(department.Id) is { } head)
            {
                Add(head, department, ContactReason.Head, null);
            }
        }

        foreach (var department in departments)
        {
            var senior = directory.Members(department.Id)
                .Where(p => p.Id != department.HeadId)
                .OrderBy(p => p.HireDate)
                .ThenBy(p => p.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            if (senior is not null)
            {
                Add(senior, department, ContactReason.MostSenior, null);
            }
        }

        return [.. contacts.Take(count)];

        void Add(Person person, Department department, ContactReason reason, string? title)
        {
            if (contacts.Count < count && contacts.All(c => c.Person.Id != person.Id))
            {
                contacts.Add(new NeedContact(person, department, reason, person.TenureYears(today), title));
            }
        }
    }

    /// <summary>The title when it names a non-generic part of the need (the word itself or a word of the same capability).</summary>
    private static string? MatchedTitle(DepartmentSearch search, SearchQuery read, string title)
    {
        if (title.Length == 0)
        {
            return null;
        }

        var analysis = FieldAnalysis.Of(ChineseText.Fold(title), search.Vocabulary, withSpans: true);
        var fits = read.Units.Where(u => !u.Generic).Any(u =>
            u.Keys.Any(k => analysis.Find(k).Any()) || analysis.Capabilities.Any(c => c.Primary && u.Capabilities.Contains(c.Id)));
        return fits ? title : null;
    }
}
