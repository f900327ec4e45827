using System.Collections.Frozen;

namespace OutreachBot.Domain.Understanding;

public enum ShortAnswer
{
    Yes,
    No,
    Skip,
}

/// <summary>
/// Yes, no and "skip" as people say them (要 / 好的 / 行 / 可以 / 不用 / 算了 / 还不确定 / 先跳过 / not sure yet / nope / sure),
/// from <c>Data/answers.txt</c>. The whole answer is compared, so "不用担心这个接口" is no "no".
/// </summary>
public static class AnswerWords
{
    private static readonly FrozenDictionary<string, ShortAnswer[]> Words = UnderstandingData.Table("answers.txt")
        .SelectMany(row => row.Words.Select(word => (Word: word, Answer: Enum.Parse<ShortAnswer>(row.Key, ignoreCase: true))))
        .GroupBy(e => e.Word, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.Select(e => e.Answer).Distinct().ToArray(), StringComparer.Ordinal);

    /// <summary>What a whole answer says, or null when it is not one of the short answers.</summary>
    public static IReadOnlyList<ShortAnswer> Read(string? text)
    {
        var folded = Clean(text);
        return folded.Length > 0 && Words.TryGetValue(folded, out var answers) ? answers : [];
    }

    public static bool Is(string? text, ShortAnswer answer) => Read(text).Contains(answer);

    /// <summary>Yes → true, no → false, anything else → null.</summary>
    public static bool? YesOrNo(string? text)
    {
        var answers = Read(text);
        return answers.Contains(ShortAnswer.Yes) ? true : answers.Contains(ShortAnswer.No) ? false : null;
    }

    private static string Clean(string? text)
    {
        var folded = FoldedText.FoldWord(text ?? string.Empty);
        return folded.Trim().TrimEnd('.', '。', '!', '！', '~', '～', ',', '，', ' ').TrimStart(' ');
    }
}
