using System.Collections.Frozen;
using OutreachBot.Domain.Directory.Search;

namespace OutreachBot.Domain.Understanding;

/// <summary>
/// The small word lists names are read with: generic department endings ("部", "中心", "团队", "platform", "team"),
/// filler words around a name ("那边", "the", "guys"), and the search's generic words ("平台", "服务", "system"), which
/// never name a department on their own.
/// </summary>
public static class NameVocabulary
{
    private static readonly string[] ChineseSuffixes;
    private static readonly FrozenSet<string> EnglishSuffixes;
    private static readonly FrozenSet<string> Fillers;

    static NameVocabulary()
    {
        var lines = UnderstandingData.Lines("department-suffixes.txt").ToList();
        ChineseSuffixes = [.. lines[0].Split('|').Select(FoldedText.FoldWord).Where(w => w.Length > 0).OrderByDescending(w => w.Length)];
        EnglishSuffixes = lines[1].Split('|').Select(FoldedText.FoldWord).Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        var both = new List<string>();
        var start = new List<string>();
        var end = new List<string>();
        foreach (var line in UnderstandingData.Lines("fillers.txt"))
        {
            var (list, words) = line.StartsWith('<') ? (start, line[1..]) : line.StartsWith('>') ? (end, line[1..]) : (both, line);
            list.AddRange(words.Split('|').Select(FoldedText.FoldWord).Where(w => w.Length > 0));
        }

        Fillers = both.Concat(start).Concat(end).ToFrozenSet(StringComparer.Ordinal);
        FillersAtStart = [.. both.Concat(start).Distinct().OrderByDescending(w => w.Length)];
        FillersAtEnd = [.. both.Concat(end).Distinct().OrderByDescending(w => w.Length)];
    }

    /// <summary>Filler words that may be taken off the start of a need or name, longest first.</summary>
    public static IReadOnlyList<string> FillersAtStart { get; }

    /// <summary>Filler words that may be taken off the end, longest first.</summary>
    public static IReadOnlyList<string> FillersAtEnd { get; }

    public static bool IsFiller(string foldedWord) => Fillers.Contains(foldedWord);

    public static bool IsEnglishSuffix(string foldedWord) => EnglishSuffixes.Contains(foldedWord);

    /// <summary>A word that names no department by itself: a filler, a generic ending, or one of the search's generic words.</summary>
    public static bool IsGeneric(string foldedWord) =>
        Fillers.Contains(foldedWord) || EnglishSuffixes.Contains(foldedWord) || ChineseSuffixes.Contains(foldedWord)
        || SearchVocabulary.Default.IsGeneric(foldedWord, LatinWords.Stem(foldedWord));

    /// <summary>"语音交互团队" → 语音交互, "数据智能事业群" → 数据智能 (one ending; at least two characters stay).</summary>
    public static string StripChineseSuffix(string folded) => ChineseShortNames(folded).FirstOrDefault() ?? folded;

    /// <summary>
    /// The names left as generic endings come off one after another: "物联网平台部" → 物联网平台, 物联网. A second ending
    /// comes off only when three characters or more stay ("数据平台部" → 数据平台, not 数据).
    /// </summary>
    public static IEnumerable<string> ChineseShortNames(string folded)
    {
        var current = folded;
        for (var level = 0; level < 3; level++)
        {
            var suffix = ChineseSuffixes.FirstOrDefault(s => current.Length - s.Length >= (level == 0 ? 2 : 3) && current.EndsWith(s, StringComparison.Ordinal));
            if (suffix is null)
            {
                yield break;
            }

            current = current[..^suffix.Length];
            yield return current;
        }
    }

    /// <summary>"the Payments Platform team" → [payments]; leading "the" and generic trailing words go, one word at least stays.</summary>
    public static IReadOnlyList<string> StripEnglishSuffix(IReadOnlyList<string> words)
    {
        var list = words.ToList();
        while (list.Count > 1 && list[0] is "the" or "a" or "an" or "our" or "my")
        {
            list.RemoveAt(0);
        }

        while (list.Count > 1 && EnglishSuffixes.Contains(list[^1]))
        {
            list.RemoveAt(list.Count - 1);
        }

        return list;
    }
}
