using System.Collections.Frozen;
using System.Reflection;
using System.Text;

namespace OutreachBot.Domain.Directory.Search;

/// <summary>
/// Character-level folding and pinyin for search. Both tables come from ICU (ICU4N) through
/// tools/OutreachBot.ChineseTables and ship as embedded data, so nothing loads ICU at run time.
/// Folding keeps every character in place (one in, one out), so offsets in folded text are offsets in the original.
/// </summary>
public static class ChineseText
{
    private static readonly FrozenDictionary<char, char> Simplified = LoadSimplified();
    private static readonly (string[] Syllables, FrozenDictionary<char, int> ByChar) Pinyin = LoadPinyin();
    private static readonly FrozenSet<string> SyllableSet = Pinyin.Syllables.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    public static bool HasCjk(string text) => text.Any(IsCjk);

    /// <summary>Traditional → simplified, full-width → ASCII, upper → lower case; same length as the input.</summary>
    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = Fold(source[i]);
        }
    });

    public static char Fold(char c) => c switch
    {
        >= '\uff01' and <= '\uff5e' => char.ToLowerInvariant((char)(c - 0xfee0)),
        '\u3000' => ' ',
        < '\u0080' => char.ToLowerInvariant(c),
        _ when Simplified.TryGetValue(c, out var simple) => simple,
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>The toneless pinyin of a character (ü as v), or null for anything that is not a known Han character.</summary>
    public static string? PinyinOf(char c) => Pinyin.ByChar.TryGetValue(c, out var index) ? Pinyin.Syllables[index] : null;

    /// <summary>The syllables of a Chinese text joined without spaces ("支付" → "zhifu"); null when a character has no pinyin.</summary>
    public static string? PinyinKey(string text, string separator = "")
    {
        var builder = new StringBuilder(text.Length * 4);
        foreach (var c in text)
        {
            if (PinyinOf(c) is not { } syllable)
            {
                return null;
            }

            if (builder.Length > 0)
            {
                builder.Append(separator);
            }

            builder.Append(syllable);
        }

        return builder.ToString();
    }

    /// <summary>How many pinyin syllables a Latin word splits into (greedy, longest first), or 0 when it is not pinyin.</summary>
    public static int PinyinSyllableCount(string word)
    {
        var at = 0;
        var count = 0;
        while (at < word.Length)
        {
            var length = Math.Min(6, word.Length - at);
            while (length > 0 && !IsSyllableWithValidRest(word, at, length))
            {
                length--;
            }

            if (length == 0)
            {
                return 0;
            }

            at += length;
            count++;
        }

        return count;
    }

    /// <summary>A syllable here, and the rest still splits (so "xian" in "xianshi" is not cut to "xia" + "nshi").</summary>
    private static bool IsSyllableWithValidRest(string word, int at, int length)
    {
        if (!SyllableSet.Contains(word.Substring(at, length)))
        {
            return false;
        }

        var rest = at + length;
        if (rest == word.Length)
        {
            return true;
        }

        for (var next = Math.Min(6, word.Length - rest); next > 0; next--)
        {
            if (SyllableSet.Contains(word.Substring(rest, next)))
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenDictionary<char, char> LoadSimplified()
    {
        var map = new Dictionary<char, char>();
        foreach (var line in Lines("traditional-simplified.txt"))
        {
            if (line.Length == 2)
            {
                map[line[0]] = line[1];
            }
        }

        return map.ToFrozenDictionary();
    }

    private static (string[], FrozenDictionary<char, int>) LoadPinyin()
    {
        var syllables = new List<string>();
        var byChar = new Dictionary<char, int>();
        foreach (var line in Lines("pinyin.txt"))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            syllables.Add(line[..tab]);
            foreach (var c in line.AsSpan(tab + 1))
            {
                byChar.TryAdd(c, syllables.Count - 1);
            }
        }

        return ([.. syllables], byChar.ToFrozenDictionary());
    }

    internal static IEnumerable<string> Lines(string resource)
    {
        using var stream = typeof(ChineseText).Assembly.GetManifestResourceStream(ResourceName(resource))
            ?? throw new InvalidOperationException($"Embedded search data '{resource}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return line;
            }
        }
    }

    private static string ResourceName(string file) => "OutreachBot.Domain.Directory.Search.Data." + file;

    internal static Assembly Assembly => typeof(ChineseText).Assembly;
}
