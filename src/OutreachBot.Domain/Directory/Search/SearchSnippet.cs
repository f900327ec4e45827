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

/// <summary>How a word of the query met the department.</summary>
public enum MatchKind
{
    /// <summary>The same word (English by stem).</summary>
    Exact,

    /// <summary>Another word of the same capability in the thesaurus, possibly in the other language.</summary>
    Synonym,

    /// <summary>A capability of a word inside the typed one ("付款" inside "扫码付款"): related, not the same.</summary>
    Related,

    /// <summary>Some of the characters of an unknown Chinese word.</summary>
    Partial,
}

/// <summary>
/// Why a department matched one word of the query, in words a user can check at a glance: "扫码付款 ≈ 支付 (keywords)".
/// <paramref name="Typed"/> is the user's text, <paramref name="ReadAs"/> what it was read as when corrected
/// (typo, homophone, pinyin), <paramref name="Matched"/> the department's own text that matched.
/// </summary>
public sealed record MatchReason(string Typed, QueryCorrection Correction, string? ReadAs, MatchKind Kind, DepartmentField Field, string Matched);

/// <summary>What earlier outreaches with a similar need ended in at this department; counts only, nothing private.</summary>
public sealed record HistoryNote(int Agreed, int Refused)
{
    public bool IsEmpty => Agreed == 0 && Refused == 0;
}

/// <summary>One ranked department for a keyword search, ready to show: where it sits, who leads it, why it matched.</summary>
public sealed record DepartmentHit(
    Department Department,
    IReadOnlyList<Department> PathFromRoot,
    Person? Head,
    float Score,
    SearchSnippet Snippet)
{
    /// <summary>Each matched word of the query, best field first; empty for a match by name similarity only.</summary>
    public IReadOnlyList<MatchReason> Reasons { get; init; } = [];

    /// <summary>Earlier outcomes of similar needs here, when they moved this department up or down.</summary>
    public HistoryNote? History { get; init; }

    /// <summary>True when every matched word is generic; such departments are never returned as hits.</summary>
    internal bool OnlyGeneric { get; init; }
}
