using System.Collections.Frozen;

namespace OutreachBot.Features.Directory;

/// <summary>`iam &lt;email&gt;` over the live directory: e-mail (case-insensitive) → person, indexed once per directory version.</summary>
public sealed class LiveDirectoryLookup(LiveDirectory directory) : IOrgDirectoryLookup
{
    private EmailIndex? index;

    public Task<DirectoryPerson?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var person = Index().GetValueOrDefault(email.Trim());
        return Task.FromResult(person is null ? null : Describe(person));
    }

    public DirectoryPerson? FindById(string personId) =>
        directory.Current.Directory.FindPerson(personId) is { } person ? Describe(person) : null;

    private static DirectoryPerson Describe(Person person) => new(person.Id, DisplayName(person), person.Email.Trim().ToLowerInvariant());

    private FrozenDictionary<string, Person> Index()
    {
        var current = directory.Current.Directory;
        var cached = Volatile.Read(ref index);
        if (cached is not null && ReferenceEquals(cached.Directory, current))
        {
            return cached.ByEmail;
        }

        var byEmail = current.People
            .Where(p => p.Email.Length > 0)
            .GroupBy(p => p.Email, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        Volatile.Write(ref index, new EmailIndex(current, byEmail));
        return byEmail;
    }

    private static string DisplayName(Person person) =>
        person.NameZh.Length > 0 && person.NameEn.Length > 0 && person.NameZh != person.NameEn
            ? $"{person.NameZh} / {person.NameEn}"
            : person.Name(Language.Chinese);

    private sealed record EmailIndex(OrgDirectory Directory, FrozenDictionary<string, Person> ByEmail);
}
