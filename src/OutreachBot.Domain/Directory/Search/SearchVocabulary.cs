using System.Collections.Frozen;

namespace OutreachBot.Domain.Directory.Search;

/// <summary>One line of the thesaurus: a business capability and its words in both languages.</summary>
public sealed record Capability(int Id, IReadOnlyList<string> Terms)
{
    /// <summary>The first word of the line in the given script (Chinese or not), else the first word.</summary>
    public string Label(bool chinese) => Terms.FirstOrDefault(t => ChineseText.HasCjk(t) == chinese) ?? Terms[0];
}

/// <summary>
/// The words search treats specially, all data (Directory/Search/Data): stop words that never match, generic words that
/// never match on their own, and the bilingual thesaurus of business capabilities. Immutable and shared.
/// </summary>
public sealed class SearchVocabulary
{
    private readonly FrozenSet<string> stopWords;
    private readonly FrozenSet<string> genericWords;
    private readonly FrozenDictionary<string, int[]> chineseTerms;
    private readonly FrozenDictionary<string, int[]> englishPhrases;
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> chineseLookup;

    private SearchVocabulary(IReadOnlyList<Capability> capabilities, FrozenSet<string> stopWords, FrozenSet<string> genericWords)
    {
        Capabilities = capabilities;
        this.stopWords = stopWords;
        this.genericWords = genericWords;
        var chinese = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var english = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var capability in capabilities)
        {
            foreach (var term in capability.Terms)
            {
                var folded = ChineseText.Fold(term).Trim();
                if (ChineseText.HasCjk(folded))
                {
                    if (folded.All(ChineseText.IsCjk))
                    {
                        Add(chinese, folded, capability.Id);
                    }
                }
                else if (LatinWords.Stems(folded) is { Length: > 0 } stems)
                {
                    Add(english, string.Join(' ', stems), capability.Id);
                }
            }
        }

        chineseTerms = chinese.ToFrozenDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        chineseLookup = chineseTerms.GetAlternateLookup<ReadOnlySpan<char>>();
        englishPhrases = english.ToFrozenDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        MaxChineseTermLength = chinese.Keys.Select(k => k.Length).DefaultIfEmpty(1).Max();
        MaxEnglishPhraseWords = english.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
        EnglishSurfaceWords = capabilities.SelectMany(c => c.Terms).Where(t => !ChineseText.HasCjk(t))
            .SelectMany(t => LatinWords.Tokens(ChineseText.Fold(t)).Select(w => w.Text)).ToFrozenSet(StringComparer.Ordinal);

        static void Add(Dictionary<string, List<int>> map, string key, int id)
        {
            var list = map.TryGetValue(key, out var found) ? found : map[key] = [];
            if (!list.Contains(id))
            {
                list.Add(id);
            }
        }
    }

    /// <summary>The vocabulary shipped with the bot.</summary>
    public static SearchVocabulary Default { get; } = Create();

    public IReadOnlyList<Capability> Capabilities { get; }

    public int MaxChineseTermLength { get; }

    public int MaxEnglishPhraseWords { get; }

    /// <summary>Every English word of the thesaurus as written (lower case), to tell a typo from a word we know.</summary>
    public FrozenSet<string> EnglishSurfaceWords { get; }

    public IEnumerable<string> ChineseTerms => chineseTerms.Keys;

    /// <summary>The shipped vocabulary plus company-specific thesaurus lines (same format as the shipped file).</summary>
    public static SearchVocabulary Create(string? extraThesaurus = null)
    {
        var lines = ChineseText.Lines("thesaurus.txt").Concat(extraThesaurus is null ? [] : extraThesaurus.Split('\n'));
        var capabilities = new List<Capability>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var terms = line.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (terms.Length > 0)
            {
                capabilities.Add(new Capability(capabilities.Count, terms));
            }
        }

        return new SearchVocabulary(capabilities, Words("stopwords.txt", stem: false), Words("generic.txt", stem: true));
    }

    public bool IsStopWord(string foldedWord) => stopWords.Contains(foldedWord);

    /// <summary>Generic words are compared by stem for English ("services" as "service").</summary>
    public bool IsGeneric(string foldedWord, string stem) => genericWords.Contains(foldedWord) || genericWords.Contains(stem);

    public bool TryChinese(string term, out int[] capabilityIds) => chineseTerms.TryGetValue(term, out capabilityIds!);

    /// <summary>The same lookup without making a string (a field is scanned at every position).</summary>
    public bool TryChinese(ReadOnlySpan<char> term, out int[] capabilityIds) => chineseLookup.TryGetValue(term, out capabilityIds!);

    public bool TryEnglish(string stemmedPhrase, out int[] capabilityIds) => englishPhrases.TryGetValue(stemmedPhrase, out capabilityIds!);

    private static FrozenSet<string> Words(string file, bool stem) =>
        ChineseText.Lines(file)
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(ChineseText.Fold)
            .SelectMany(word => stem && !ChineseText.HasCjk(word) ? [word, LatinWords.Stem(word)] : new[] { word })
            .ToFrozenSet(StringComparer.Ordinal);
}

/// <summary>A Latin word of folded text with its place and stem.</summary>
public readonly record struct LatinWord(string Text, string Stem, int Start);

/// <summary>
/// Latin-script words (letters and digits) and a light English stem: plurals, -ing and -ed, and a final e, so
/// "payments"/"payment", "reviewing"/"review" and "scheduling"/"schedule" meet, while "production" stays apart from
/// "product" and "internal" from "international" (a full Porter stemmer joins those, which search cannot afford).
/// </summary>
public static class LatinWords
{
    /// <summary>Words of folded (lower-case) text; anything but a-z and 0-9 separates them.</summary>
    public static List<LatinWord> Tokens(string folded, int offset = 0)
    {
        var words = new List<LatinWord>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && (char.IsAsciiLetterLower(folded[i]) || char.IsAsciiDigit(folded[i]));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var text = folded[start..i];
                words.Add(new LatinWord(text, Stem(text), start + offset));
                start = -1;
            }
        }

        return words;
    }

    public static string[] Stems(string folded) => [.. Tokens(folded).Select(w => w.Stem)];

    public static string Stem(string word)
    {
        if (word.Length < 4 || word.Any(char.IsAsciiDigit))
        {
            return word;
        }

        var stem = word;
        if (stem.EndsWith("ies", StringComparison.Ordinal) && stem.Length > 4)
        {
            stem = stem[..^3] + "y";
        }
        else if (stem.EndsWith("sses", StringComparison.Ordinal) || stem.EndsWith("xes", StringComparison.Ordinal)
            || stem.EndsWith("ches", StringComparison.Ordinal) || stem.EndsWith("shes", StringComparison.Ordinal) || stem.EndsWith("zes", StringComparison.Ordinal))
        {
            stem = stem[..^2];
        }
        else if (stem.EndsWith('s') && !stem.EndsWith("ss", StringComparison.Ordinal) && !stem.EndsWith("us", StringComparison.Ordinal) && !stem.EndsWith("is", StringComparison.Ordinal))
        {
            stem = stem[..^1];
        }
        else if (stem.EndsWith("ing", StringComparison.Ordinal) && stem.Length >= 6 && HasVowel(stem.AsSpan(0, stem.Length - 3)))
        {
            stem = Undouble(stem[..^3]);
        }
        else if (stem.EndsWith("ed", StringComparison.Ordinal) && stem.Length >= 5 && HasVowel(stem.AsSpan(0, stem.Length - 2)))
        {
            stem = Undouble(stem[..^2]);
        }

        return stem.Length > 3 && stem.EndsWith('e') ? stem[..^1] : stem;
    }

    private static bool HasVowel(ReadOnlySpan<char> text) => text.IndexOfAny("aeiouy") >= 0;

    private static string Undouble(string stem) =>
        stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') ? stem[..^1] : stem;
}
