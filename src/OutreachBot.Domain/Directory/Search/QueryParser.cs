using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace OutreachBot.Domain.Directory.Search;

/// <summary>
/// Reads a need typed by a user into <see cref="QueryUnit"/>s. Chinese is segmented by SmartCn after the longest
/// thesaurus words are taken out; English is matched by stems, thesaurus phrases first. Before that, words nobody
/// knows are read as what they most likely are: an English word one edit away, two English words run together,
/// pinyin of a Chinese term, or Chinese characters that sound like a known term. Built once per directory.
/// </summary>
internal sealed class QueryParser
{
    private const int MaxHomophoneLength = 4;
    private const int MaxPinyinWords = 4;

    private static readonly Analyzer Segmenter = new SmartChineseAnalyzer(LuceneVersion.LUCENE_48);

    private readonly SearchVocabulary vocabulary;
    private readonly HashSet<string> latinVocabulary;
    private readonly Func<string, bool> indexed;
    private readonly Dictionary<string, List<string>> deletes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> pinyinTerms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> homophones = new(StringComparer.Ordinal);

    /// <param name="indexLatinWords">English words of the directory as written.</param>
    /// <param name="indexed">Whether the index holds a key (English stem or Chinese piece).</param>
    /// <param name="chineseNames">Department names and keywords in Chinese, for pinyin and homophones.</param>
    public QueryParser(SearchVocabulary vocabulary, IEnumerable<string> indexLatinWords, Func<string, bool> indexed, IEnumerable<string> chineseNames)
    {
        this.vocabulary = vocabulary;
        this.indexed = indexed;
        latinVocabulary = [.. indexLatinWords.Concat(vocabulary.EnglishSurfaceWords)];
        foreach (var word in latinVocabulary.Where(w => w.Length >= 4 && w.All(char.IsAsciiLetterLower)))
        {
            for (var i = 0; i < word.Length; i++)
            {
                var deleted = word.Remove(i, 1);
                var list = deletes.TryGetValue(deleted, out var found) ? found : deletes[deleted] = [];
                if (!list.Contains(word))
                {
                    list.Add(word);
                }
            }
        }

        foreach (var term in vocabulary.ChineseTerms.Concat(chineseNames).Where(t => t.Length >= 2))
        {
            if (ChineseText.PinyinKey(term) is { } key)
            {
                pinyinTerms.TryAdd(key, term);
            }

            if (term.Length <= MaxHomophoneLength && ChineseText.PinyinKey(term, " ") is { } spaced)
            {
                var list = homophones.TryGetValue(spaced, out var found) ? found : homophones[spaced] = [];
                if (!list.Contains(term))
                {
                    list.Add(term);
                }
            }
        }
    }

    public SearchQuery Parse(string query)
    {
        var folded = ChineseText.Fold(query);
        var units = new List<QueryUnit>();
        var unknown = false;
        var at = 0;
        while (at < folded.Length)
        {
            var chinese = ChineseText.IsCjk(folded[at]);
            var end = at;
            while (end < folded.Length && ChineseText.IsCjk(folded[end]) == chinese)
            {
                end++;
            }

            if (chinese)
            {
                ReadChinese(query, folded, at, end - at, units, null);
            }
            else
            {
                unknown |= ReadLatin(query, folded, at, end, units);
            }

            at = end;
        }

        return new SearchQuery(query, Deduplicate(units)) { HasUnknownWords = unknown };
    }

    /// <summary>A stretch without Chinese: corrections, then thesaurus phrases (longest first), then the other words.</summary>
    private bool ReadLatin(string query, string folded, int from, int to, List<QueryUnit> units)
    {
        var words = LatinWords.Tokens(folded[from..to], from);
        var read = new List<(LatinWord Word, QueryCorrection Correction, string Typed)>();
        var unknown = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (IsKnown(word))
            {
                read.Add((word, QueryCorrection.None, word.Text));
                continue;
            }

            if (TryPinyin(words, i, out var count, out var chinese))
            {
                var start = words[i].Start;
                var last = words[i + count - 1];
                var typed = query[start..(last.Start + last.Text.Length)];
                ReadChinese(chinese, chinese, 0, chinese.Length, units, (typed, QueryCorrection.Pinyin));
                i += count - 1;
                continue;
            }

            if (Correct(words, i) is { } corrected)
            {
                read.Add((new LatinWord(corrected, LatinWords.Stem(corrected), word.Start), QueryCorrection.Typo, word.Text));
                continue;
            }

            if (Split(word.Text) is { } parts)
            {
                read.Add((new LatinWord(parts.First, LatinWords.Stem(parts.First), word.Start), QueryCorrection.Split, word.Text));
                read.Add((new LatinWord(parts.Second, LatinWords.Stem(parts.Second), word.Start), QueryCorrection.Split, word.Text));
                continue;
            }

            unknown |= !vocabulary.IsStopWord(word.Text);
            read.Add((word, QueryCorrection.None, word.Text));
        }

        var covered = new bool[read.Count];
        for (var i = 0; i < read.Count; i++)
        {
            for (var n = Math.Min(vocabulary.MaxEnglishPhraseWords, read.Count - i); n >= 1; n--)
            {
                var phrase = string.Join(' ', read.Skip(i).Take(n).Select(r => r.Word.Stem));
                if (n == 1 && vocabulary.IsStopWord(read[i].Word.Text))
                {
                    break;
                }

                if (vocabulary.TryEnglish(phrase, out var ids))
                {
                    var correction = read.Skip(i).Take(n).Select(r => r.Correction).FirstOrDefault(c => c != QueryCorrection.None);
                    var typed = Typed(query, read, i, n);
                    var readAs = correction == QueryCorrection.None ? null : string.Join(' ', read.Skip(i).Take(n).Select(r => r.Word.Text));
                    units.Add(new QueryUnit(typed, phrase, QueryUnitKind.Capability, ids, false, correction, readAs) { Broader = BroaderEnglish(phrase, ids) });
                    Array.Fill(covered, true, i, n);
                    i += n - 1;
                    break;
                }
            }
        }

        for (var i = 0; i < read.Count; i++)
        {
            var (word, correction, _) = read[i];
            if (covered[i] || vocabulary.IsStopWord(word.Text) || word.Text.Length < 2)
            {
                continue;
            }

            units.Add(new QueryUnit(
                Typed(query, read, i, 1), word.Stem, QueryUnitKind.Word, [], vocabulary.IsGeneric(word.Text, word.Stem),
                correction, correction == QueryCorrection.None ? null : word.Text));
        }

        return unknown;
    }

    private static string Typed(string query, List<(LatinWord Word, QueryCorrection Correction, string Typed)> read, int i, int n)
    {
        var start = read[i].Word.Start;
        var last = read[i + n - 1];
        var end = last.Word.Start + last.Typed.Length;
        return end <= query.Length && end > start ? query[start..end] : last.Typed;
    }

    private bool IsKnown(LatinWord word) =>
        word.Text.Length < 3 || word.Text.Any(char.IsAsciiDigit) || vocabulary.IsStopWord(word.Text)
        || latinVocabulary.Contains(word.Text) || indexed(word.Stem) || vocabulary.TryEnglish(word.Stem, out _);

    /// <summary>Consecutive unknown words that are pinyin of a known Chinese term ("zhi fu", "zhifu"), longest first.</summary>
    private bool TryPinyin(List<LatinWord> words, int from, out int count, out string chinese)
    {
        for (count = Math.Min(MaxPinyinWords, words.Count - from); count >= 1; count--)
        {
            var slice = words.Skip(from).Take(count).ToList();
            if (slice.Any(w => ChineseText.PinyinSyllableCount(w.Text) == 0 || (w != slice[0] && IsKnown(w))))
            {
                continue;
            }

            var key = string.Concat(slice.Select(w => w.Text));
            if (slice.Sum(w => ChineseText.PinyinSyllableCount(w.Text)) >= 2 && pinyinTerms.TryGetValue(key, out var term))
            {
                chinese = term;
                return true;
            }
        }

        count = 0;
        chinese = "";
        return false;
    }

    /// <summary>
    /// The known word one edit away (insert, delete, replace or swap two letters). Words shorter than five letters are
    /// left alone: too many real words sit one letter from each other ("rent", "rest").
    /// Among several, the one that makes a thesaurus phrase with its neighbours wins, then a swap of two letters.
    /// </summary>
    private string? Correct(IReadOnlyList<LatinWord> words, int index)
    {
        var word = words[index].Text;
        if (word.Length < 5 || !word.All(char.IsAsciiLetterLower))
        {
            return null;
        }

        var candidates = new HashSet<string>(StringComparer.Ordinal);
        if (deletes.TryGetValue(word, out var longer))
        {
            candidates.UnionWith(longer);
        }

        for (var i = 0; i < word.Length; i++)
        {
            var deleted = word.Remove(i, 1);
            if (latinVocabulary.Contains(deleted) && deleted.Length >= 4)
            {
                candidates.Add(deleted);
            }

            if (deletes.TryGetValue(deleted, out var same))
            {
                candidates.UnionWith(same);
            }
        }

        return candidates
            .Where(c => c[0] == word[0] && !vocabulary.IsStopWord(c) && TextDistance.OptimalStringAlignment(word, c) == 1)
            .OrderByDescending(c => MakesPhrase(words, index, c))
            .ThenByDescending(c => c.Length == word.Length && TextDistance.Levenshtein(word, c) == 2)
            .ThenByDescending(c => indexed(LatinWords.Stem(c)))
            .ThenBy(c => c, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private bool MakesPhrase(IReadOnlyList<LatinWord> words, int index, string candidate)
    {
        var stem = LatinWords.Stem(candidate);
        return (index > 0 && vocabulary.TryEnglish(words[index - 1].Stem + " " + stem, out _))
            || (index + 1 < words.Count && vocabulary.TryEnglish(stem + " " + words[index + 1].Stem, out _));
    }

    private (string First, string Second)? Split(string word)
    {
        if (word.Length < 8 || !word.All(char.IsAsciiLetterLower))
        {
            return null;
        }

        for (var k = 4; k <= word.Length - 4; k++)
        {
            var (first, second) = (word[..k], word[k..]);
            if (latinVocabulary.Contains(first) && latinVocabulary.Contains(second) && !vocabulary.IsStopWord(first) && !vocabulary.IsStopWord(second))
            {
                return (first, second);
            }
        }

        return null;
    }

    /// <summary>
    /// A run of Chinese: homophones of known terms replaced, thesaurus words taken out longest first, the rest
    /// segmented; stop words dropped; single characters left over joined into one piece.
    /// </summary>
    private void ReadChinese(string query, string folded, int start, int length, List<QueryUnit> units, (string Typed, QueryCorrection Correction)? source)
    {
        var original = folded.Substring(start, length);
        var run = source is null ? CorrectHomophones(original) : original;
        var covered = new bool[run.Length];
        for (var i = 0; i < run.Length;)
        {
            var matched = 0;
            for (var n = Math.Min(vocabulary.MaxChineseTermLength, run.Length - i); n >= 2; n--)
            {
                if (vocabulary.TryChinese(run.Substring(i, n), out var ids))
                {
                    units.Add(Unit(i, n, run.Substring(i, n), QueryUnitKind.Capability, ids, false) with { Broader = BroaderChinese(run.Substring(i, n), ids) });
                    matched = n;
                    break;
                }
            }

            if (matched > 0)
            {
                Array.Fill(covered, true, i, matched);
                i += matched;
            }
            else
            {
                i++;
            }
        }

        var pending = new List<(int Start, int Length)>();
        foreach (var (tokenStart, tokenLength) in Segment(run))
        {
            if (covered.AsSpan(tokenStart, tokenLength).Contains(true))
            {
                Flush();
                continue;
            }

            var token = run.Substring(tokenStart, tokenLength);
            if (vocabulary.IsStopWord(token))
            {
                Flush();
            }
            else if (tokenLength == 1 && vocabulary.TryChinese(token, out var ids))
            {
                Flush();
                units.Add(Unit(tokenStart, 1, token, QueryUnitKind.Capability, ids, false));
            }
            else if (tokenLength == 1)
            {
                pending.Add((tokenStart, 1));
            }
            else
            {
                Flush();
                units.Add(Unit(tokenStart, tokenLength, token, QueryUnitKind.Word, [], vocabulary.IsGeneric(token, token)));
            }
        }

        Flush();

        void Flush()
        {
            if (pending.Count > 1)
            {
                var from = pending[0].Start;
                var to = pending[^1].Start + 1;
                units.Add(Unit(from, to - from, run[from..to], QueryUnitKind.Characters, [], false));
            }

            pending.Clear();
        }

        QueryUnit Unit(int at, int n, string key, QueryUnitKind kind, IReadOnlyList<int> capabilities, bool generic)
        {
            if (source is { } from)
            {
                return new QueryUnit(from.Typed, key, kind, capabilities, generic, from.Correction, key);
            }

            var typedText = query.Substring(start + at, n);
            var changed = !original.AsSpan(at, n).SequenceEqual(key);
            return new QueryUnit(typedText, key, kind, capabilities, generic, changed ? QueryCorrection.Homophone : QueryCorrection.None, changed ? key : null);
        }
    }

    /// <summary>
    /// Characters not part of any known word, replaced by a known term that sounds the same and shares at least one
    /// character in place ("扫码支负" → "扫码支付", "电子发漂" → "电子发票").
    /// </summary>
    private string CorrectHomophones(string run)
    {
        if (run.Length < 2)
        {
            return run;
        }

        var known = new bool[run.Length];
        for (var i = 0; i < run.Length; i++)
        {
            for (var n = 2; n <= Math.Min(vocabulary.MaxChineseTermLength, run.Length - i); n++)
            {
                var piece = run.Substring(i, n);
                if ((n <= MaxHomophoneLength && indexed(piece)) || vocabulary.TryChinese(piece, out _))
                {
                    Array.Fill(known, true, i, n);
                }
            }
        }

        if (!known.Contains(false))
        {
            return run;
        }

        var chars = run.ToCharArray();
        for (var n = MaxHomophoneLength; n >= 2; n--)
        {
            for (var i = 0; i + n <= chars.Length; i++)
            {
                if (!known.AsSpan(i, n).Contains(false))
                {
                    continue;
                }

                var window = new string(chars, i, n);
                if (ChineseText.PinyinKey(window, " ") is not { } key || !homophones.TryGetValue(key, out var candidates))
                {
                    continue;
                }

                var best = candidates
                    .Where(c => c != window && Enumerable.Range(0, n).All(k => c[k] == window[k] || !known[i + k]) && Enumerable.Range(0, n).Any(k => c[k] == window[k]))
                    .OrderByDescending(c => Enumerable.Range(0, n).Count(k => c[k] == window[k]))
                    .ThenBy(c => c, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (best is not null)
                {
                    best.CopyTo(0, chars, i, n);
                    Array.Fill(known, true, i, n);
                }
            }
        }

        return new string(chars);
    }

    internal static List<(int Start, int Length)> Segment(string text)
    {
        var tokens = new List<(int, int)>();
        using var stream = Segmenter.GetTokenStream("q", text);
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (offset.EndOffset > offset.StartOffset && offset.EndOffset <= text.Length)
            {
                tokens.Add((offset.StartOffset, offset.EndOffset - offset.StartOffset));
            }
        }

        stream.End();
        return tokens;
    }

    private int[] BroaderChinese(string term, int[] own)
    {
        var broader = new HashSet<int>();
        for (var i = 0; i < term.Length; i++)
        {
            for (var n = 2; i + n <= term.Length; n++)
            {
                if (n < term.Length && vocabulary.TryChinese(term.Substring(i, n), out var ids))
                {
                    broader.UnionWith(ids);
                }
            }
        }

        broader.ExceptWith(own);
        return [.. broader];
    }

    private int[] BroaderEnglish(string phrase, int[] own)
    {
        var stems = phrase.Split(' ');
        var broader = new HashSet<int>();
        for (var i = 0; i < stems.Length; i++)
        {
            for (var n = 1; i + n <= stems.Length; n++)
            {
                if (n < stems.Length && vocabulary.TryEnglish(string.Join(' ', stems, i, n), out var ids))
                {
                    broader.UnionWith(ids);
                }
            }
        }

        broader.ExceptWith(own);
        return [.. broader];
    }

    /// <summary>The same word twice counts once; words read as the same capabilities become one unit with several keys.</summary>
    private static List<QueryUnit> Deduplicate(List<QueryUnit> units)
    {
        var result = new List<QueryUnit>();
        foreach (var unit in units)
        {
            var same = result.FindIndex(u => u.Keys.Contains(unit.Key) || (u.Capabilities.Count > 0 && u.Capabilities.SequenceEqual(unit.Capabilities)));
            if (same < 0)
            {
                result.Add(unit);
            }
            else if (!result[same].Keys.Contains(unit.Key))
            {
                result[same] = result[same] with
                {
                    OtherKeys = [.. result[same].OtherKeys, unit.Key],
                    Broader = [.. result[same].Broader.Union(unit.Broader)],
                };
            }
        }

        return result;
    }
}
