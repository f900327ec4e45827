namespace OutreachBot.Domain.Directory.Search;

/// <summary>How a word of the query was read before matching.</summary>
public enum QueryCorrection
{
    None,

    /// <summary>An English word one edit away from a word the directory or the thesaurus knows ("kubernets" → "kubernetes").</summary>
    Typo,

    /// <summary>Chinese characters that sound like a known term ("支负" → "支付").</summary>
    Homophone,

    /// <summary>Pinyin typed for a Chinese term ("zhifu" → "支付").</summary>
    Pinyin,

    /// <summary>Two English words typed as one ("videoconferencing").</summary>
    Split,
}

public enum QueryUnitKind
{
    /// <summary>A thesaurus word: matches every word of its capability, in either language.</summary>
    Capability,

    /// <summary>A word the thesaurus does not know: matches itself (English by stem).</summary>
    Word,

    /// <summary>Chinese characters the segmenter could not make a word of: matched by their two-character pieces.</summary>
    Characters,
}

/// <summary>
/// One thing the user asked for: the text as typed, what it was read as, and what it matches.
/// <paramref name="Key"/> is the folded Chinese text or the English stems joined by spaces.
/// </summary>
public sealed record QueryUnit(
    string Typed,
    string Key,
    QueryUnitKind Kind,
    IReadOnlyList<int> Capabilities,
    bool Generic,
    QueryCorrection Correction = QueryCorrection.None,
    string? CorrectedTo = null)
{
    public bool IsChinese => ChineseText.HasCjk(Key);

    /// <summary>Other words of the query read as the same capability ("站内搜索" and "排序"): exact matches of these count too.</summary>
    public IReadOnlyList<string> OtherKeys { get; init; } = [];

    /// <summary>Capabilities of the words inside this one ("付款" inside "扫码付款"): a weaker match.</summary>
    public IReadOnlyList<int> Broader { get; init; } = [];

    public IEnumerable<string> Keys => OtherKeys.Prepend(Key);
}

/// <summary>A query read for matching: its units, none of them stop words. Empty when nothing is left to look for.</summary>
public sealed record SearchQuery(string Text, IReadOnlyList<QueryUnit> Units)
{
    /// <summary>True when only generic words (or nothing) are left: such a query finds nothing.</summary>
    public bool IsEmpty => Units.All(u => u.Generic);

    /// <summary>Some English word was neither known nor correctable (then a name-similarity fallback may still help).</summary>
    public bool HasUnknownWords { get; init; }

    /// <summary>
    /// Keys that stand for the need when comparing it with other needs: each capability as "#" and its first thesaurus
    /// word (stable when lines are added), other words as their key. Not the text typed.
    /// </summary>
    public IReadOnlyList<string> NeedKeys(SearchVocabulary vocabulary) =>
        [.. Units.Where(u => !u.Generic)
            .SelectMany(u => u.Kind == QueryUnitKind.Capability ? u.Capabilities.Select(c => "#" + vocabulary.Capabilities[c].Terms[0]) : [u.Key])
            .Distinct(StringComparer.Ordinal)];
}
