using System.Text.RegularExpressions;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Tests.Features.Outreaches;

/// <summary>
/// What makes a drafted message sendable as written: it greets, it speaks to the reader (no 对方, no "their" about the
/// reader), its grammar holds where the user's notes were put in, and nothing of the machinery shows.
/// </summary>
public static partial class PitchAssert
{
    /// <param name="background">The product background as the user wrote it: its customers may stay "they".</param>
    public static void Sendable(string message, Language language, string? background = null)
    {
        var problems = Problems(message, language, background).ToList();
        Assert.True(problems.Count == 0, $"Not sendable as written ({string.Join("; ", problems)}):\n{message}");
    }

    public static IEnumerable<string> Problems(string message, Language language, string? background = null)
    {
        var lines = message.Split('\n');
        if (lines.Length < 3)
        {
            yield return "fewer than three lines";
        }

        if (message.Length > (language == Language.Chinese ? 460 : 1100))
        {
            yield return $"too long ({message.Length} characters)";
        }

        foreach (var leak in new[] { "{", "}", "**", "```", "null", "Phrase", "Sentence", "Action", "Quoted", "FirstContact", "KeywordSearch", "OrgChart" })
        {
            if (message.Contains(leak, StringComparison.Ordinal))
            {
                yield return $"shows “{leak}”";
            }
        }

        if (IsoTimestamp().IsMatch(message))
        {
            yield return "shows an ISO timestamp";
        }

        var problems = language == Language.Chinese ? Chinese(lines) : English(lines, Without(message, background, language));
        foreach (var problem in problems)
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> Chinese(string[] lines)
    {
        var message = string.Join('\n', lines);
        if (!lines[0].EndsWith("您好！", StringComparison.Ordinal) && !lines[0].EndsWith("你好！", StringComparison.Ordinal))
        {
            yield return "no greeting";
        }

        if (message.Contains("对方", StringComparison.Ordinal))
        {
            yield return "对方 addressed to the reader";
        }

        foreach (var broken in new[]
        {
            "贵部门贵部门", "贵部门你们", "你们贵部门", "您您", "的的", "是是", "这这", "想请贵部门想", "想请贵部门希望", "想请贵部门我们", "想请贵部门需要", "想请贵部门请",
            "想请贵部门提供提供", "想请贵部门提供贵部门", "想请贵部门提供你们", "想请贵部门在在", "好处是对", "好处是这", "「」", "“”", "我们希望我们", "这能这",
        })
        {
            if (message.Contains(broken, StringComparison.Ordinal))
            {
                yield return $"broken “{broken}”";
            }
        }

        if (ChineseDoublePunctuation().Match(message) is { Success: true } doubled)
        {
            yield return $"doubled punctuation “{doubled.Value}”";
        }

        foreach (var line in lines.Skip(1))
        {
            if (!line.EndsWith('。') && !line.EndsWith('！') && !line.EndsWith('？'))
            {
                yield return $"a line without its closing mark: “{line}”";
            }
        }
    }

    private static IEnumerable<string> English(string[] lines, string withoutBackground)
    {
        var message = string.Join('\n', lines);
        if (!lines[0].StartsWith("Hi ", StringComparison.Ordinal) && lines[0] != "Hello,")
        {
            yield return "no greeting";
        }

        if (TheyWords().Match(withoutBackground) is { Success: true } they)
        {
            yield return $"“{they.Value}” about the reader";
        }

        if (DoublePossessive().Match(message) is { Success: true } possessive)
        {
            yield return $"broken possessive “{possessive.Value}”";
        }

        var body = string.Join('\n', lines.Skip(1));
        foreach (var (pattern, why) in EnglishBreaks)
        {
            if (pattern.Match(body) is { Success: true } match)
            {
                yield return $"{why}: “{match.Value}”";
            }
        }

        foreach (var line in lines.Skip(1))
        {
            if (!line.EndsWith('.') && !line.EndsWith('!') && !line.EndsWith('?'))
            {
                yield return $"a line without its closing mark: “{line}”";
            }

            if (line.Length > 0 && char.IsLower(line[0]))
            {
                yield return $"a line starting in lower case: “{line}”";
            }
        }
    }

    private static readonly (Regex Pattern, string Why)[] EnglishBreaks =
    [
        (new Regex(@"[.!?]\s+[a-z]"), "a sentence starting in lower case"),
        (new Regex(@"\bcould (?:your|our|their|the|a|an)\b"), "a noun where a verb belongs"),
        (new Regex(@"\bthis means (?:this|it|we need|we'd)\b", RegexOptions.IgnoreCase), "a sentence spliced after “this means”"),
        (new Regex(@"need from you: (?:we|i|you|they)\b", RegexOptions.IgnoreCase), "a sentence spliced after a colon"),
        (new Regex(@"\b(\w+) \1\b", RegexOptions.IgnoreCase), "a doubled word"),
        (new Regex(@"\b(?:This This|We need We|We'd like We|to We)\b"), "a doubled subject"),
        (new Regex(@" [,.;:!?]| {2,}|,\.|\.\.(?!\.)|[,;:]$", RegexOptions.Multiline), "broken punctuation"),
        (new Regex(@"For your team, [A-Z]"), "a capital after a comma"),
        (new Regex(@"For your team, [^.!?\n]*\bfor (?:you|your team)\b"), "“for you” said twice"),
    ];

    private static string Without(string message, string? background, Language language)
    {
        if (background is null || NoteReader.Read(background, NoteRole.Background, language, new DepartmentRef("x", "某部门", "Some Department"), 240) is not { } read)
        {
            return message;
        }

        return message.Replace(read.Text, string.Empty, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex IsoTimestamp();

    [GeneratedRegex(@"[。，！？；：、][。，；：、]")]
    private static partial Regex ChineseDoublePunctuation();

    [GeneratedRegex(@"\b(?:they|them|their|theirs|themselves)\b|\bthey['’](?:re|ve|ll|d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TheyWords();

    [GeneratedRegex(@"s['’]s\b")]
    private static partial Regex DoublePossessive();
}
