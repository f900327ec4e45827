using System.Text;

namespace OutreachBot.Domain.Directory.Search;

public enum DepartmentField
{
    NameZh,
    NameEn,
    Keywords,
    Description,
    Titles,
}

/// <summary>A span of <see cref="SearchSnippet.Text"/> that matched the query.</summary>
public readonly record struct TextSpan(int Start, int Length);

/// <summary>The text of the field that matched best, cut around the first match, with the matched spans.</summary>
public sealed record SearchSnippet(DepartmentField Field, string Text, IReadOnlyList<TextSpan> Highlights)
{
    /// <summary>The text with each match wrapped in <paramref name="open"/> / <paramref name="close"/> (Markdown bold by default).</summary>
    public string Marked(string open = "**", string close = "**")
    {
        var builder = new StringBuilder(Text.Length + Highlights.Count * (open.Length + close.Length));
        var at = 0;
        foreach (var span in Highlights)
        {
            builder.Append(Text, at, span.Start - at).Append(open).Append(Text, span.Start, span.Length).Append(close);
            at = span.Start + span.Length;
        }

        return builder.Append(Text, at, Text.Length - at).ToString();
    }
}

/// <summary>One ranked department for a keyword search, ready to show: where it sits, who leads it, why it matched.</summary>
public sealed record DepartmentHit(
    Department Department,
    IReadOnlyList<Department> PathFromRoot,
    Person? Head,
    float Score,
    SearchSnippet Snippet);
