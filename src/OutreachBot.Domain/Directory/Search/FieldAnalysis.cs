namespace OutreachBot.Domain.Directory.Search;

/// <summary>
/// A thesaurus capability mentioned in a text, and where. <paramref name="Primary"/> for the longest words (what the
/// text is about); false for words inside them ("支付" inside "聚合支付", "balance" inside "load balancing").
/// </summary>
internal readonly record struct CapabilityMention(int Id, TextSpan Span, bool Primary);

/// <summary>
/// A department field as search sees it (folded text): its English words with stems, every two- to four-character
/// piece of its Chinese, and every thesaurus capability it mentions, nested ones included ("聚合支付" mentions
/// both aggregated payments and payments).
/// </summary>
internal sealed class FieldAnalysis
{
    private const int MaxGram = 4;

    private readonly string text;

    private FieldAnalysis(string text, List<LatinWord> latinWords, List<string> chineseGrams, List<CapabilityMention> capabilities)
    {
        this.text = text;
        LatinWords = latinWords;
        ChineseGrams = chineseGrams;
        Capabilities = capabilities;
    }

    public IReadOnlyList<LatinWord> LatinWords { get; }

    /// <summary>Chinese pieces of two to four characters, and longer thesaurus words and phrases (so they match exactly too).</summary>
    public IReadOnlyList<string> ChineseGrams { get; }

    public IReadOnlyList<CapabilityMention> Capabilities { get; }

    /// <param name="withSpans">For explaining a hit: keep the text to find words in, skip the pieces (only the index needs them).</param>
    public static FieldAnalysis Of(string folded, SearchVocabulary vocabulary, bool withSpans = false)
    {
        var latin = Search.LatinWords.Tokens(folded);
        var grams = new List<string>();
        var mentions = new List<CapabilityMention>();
        foreach (var (start, length) in Runs(folded))
        {
            for (var i = start; i < start + length; i++)
            {
                for (var n = 2; !withSpans && n <= MaxGram && i + n <= start + length; n++)
                {
                    grams.Add(folded.Substring(i, n));
                }

                for (var n = length == 1 ? 1 : 2; n <= vocabulary.MaxChineseTermLength && i + n <= start + length; n++)
                {
                    if (vocabulary.TryChinese(folded.AsSpan(i, n), out var ids))
                    {
                        if (n > MaxGram && !withSpans)
                        {
                            grams.Add(folded.Substring(i, n));
                        }

                        mentions.AddRange(ids.Select(id => new CapabilityMention(id, new TextSpan(i, n), false)));
                    }
                }
            }
        }

        for (var i = 0; i < latin.Count; i++)
        {
            var phrase = latin[i].Stem;
            for (var n = 1; n <= vocabulary.MaxEnglishPhraseWords && i + n <= latin.Count; n++)
            {
                if (n > 1)
                {
                    phrase += " " + latin[i + n - 1].Stem;
                }

                if (vocabulary.TryEnglish(phrase, out var ids))
                {
                    if (n > 1)
                    {
                        grams.Add(phrase);
                    }

                    var end = latin[i + n - 1].Start + latin[i + n - 1].Text.Length;
                    mentions.AddRange(ids.Select(id => new CapabilityMention(id, new TextSpan(latin[i].Start, end - latin[i].Start), false)));
                }
            }
        }

        return new FieldAnalysis(withSpans ? folded : "", latin, [.. grams.Distinct(StringComparer.Ordinal)], MarkPrimary(mentions));
    }

    /// <summary>Longest first, left to right, without overlap: those are primary; the ones inside them are not.</summary>
    private static List<CapabilityMention> MarkPrimary(List<CapabilityMention> mentions)
    {
        var ordered = mentions.OrderBy(m => m.Span.Start).ThenByDescending(m => m.Span.Length).ToList();
        var end = -1;
        var primarySpan = new TextSpan(-1, 0);
        for (var i = 0; i < ordered.Count; i++)
        {
            var span = ordered[i].Span;
            if (span == primarySpan || span.Start >= end)
            {
                ordered[i] = ordered[i] with { Primary = true };
                primarySpan = span;
                end = Math.Max(end, span.Start + span.Length);
            }
        }

        return ordered;
    }

    /// <summary>Where a unit key occurs: Chinese as a substring, English as a run of words by stem.</summary>
    public IEnumerable<TextSpan> Find(string key)
    {
        if (key.Length == 0 || text.Length == 0)
        {
            yield break;
        }

        if (ChineseText.HasCjk(key))
        {
            for (var at = text.IndexOf(key, StringComparison.Ordinal); at >= 0; at = text.IndexOf(key, at + key.Length, StringComparison.Ordinal))
            {
                yield return new TextSpan(at, key.Length);
            }

            yield break;
        }

        var stems = key.Split(' ');
        for (var i = 0; i + stems.Length <= LatinWords.Count; i++)
        {
            var all = true;
            for (var k = 0; k < stems.Length && all; k++)
            {
                all = LatinWords[i + k].Stem == stems[k];
            }

            if (all)
            {
                var last = LatinWords[i + stems.Length - 1];
                yield return new TextSpan(LatinWords[i].Start, last.Start + last.Text.Length - LatinWords[i].Start);
            }
        }
    }

    /// <summary>Runs of Chinese characters: (start, length).</summary>
    public static IEnumerable<(int Start, int Length)> Runs(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var cjk = i < text.Length && ChineseText.IsCjk(text[i]);
            if (cjk && start < 0)
            {
                start = i;
            }
            else if (!cjk && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }
}
