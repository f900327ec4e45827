namespace OutreachBot.Domain.Text;

/// <summary>
/// One instance per distinct string while a directory is read: 500,000 people share a few thousand job titles and
/// department ids, and every manager id is someone's id, so keeping one copy of each saves about a third of the
/// directory's memory. Not thread-safe; use one per import or load.
/// </summary>
internal sealed class StringPool(int capacity = 0)
{
    private readonly HashSet<string> strings = new(capacity, StringComparer.Ordinal);

    public string Intern(string value)
    {
        if (value.Length == 0)
        {
            return "";
        }

        if (strings.TryGetValue(value, out var known))
        {
            return known;
        }

        strings.Add(value);
        return value;
    }

    public string? InternOrNull(string? value) => value is null ? null : Intern(value);
}
