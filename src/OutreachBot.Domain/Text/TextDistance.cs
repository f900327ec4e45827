namespace OutreachBot.Domain.Text;

/// <summary>Edit distances for typo tolerance (command names, department names, search terms).</summary>
public static class TextDistance
{
    /// <summary>Insertions, deletions and substitutions, each costing one.</summary>
    public static int Levenshtein(string a, string b) => Compute(a, b, allowTranspositions: false);

    /// <summary>Like <see cref="Levenshtein"/>, and swapping two adjacent characters also costs one ("stauts" → "status").</summary>
    public static int OptimalStringAlignment(string a, string b) => Compute(a, b, allowTranspositions: true);

    private static int Compute(string a, string b, bool allowTranspositions)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (allowTranspositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
