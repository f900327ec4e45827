using System.Text;
using OutreachBot.Domain.Directory.Search;

namespace OutreachBot.Domain.Understanding;

/// <summary>
/// A message as the recognizer reads it: folded like a search query (traditional → simplified, full-width → ASCII,
/// lower case: <see cref="ChineseText.Fold(string)"/>), runs of spaces made one, apostrophes dropped ("isn't" → isnt,
/// "Han Yu's team" → han yu team, "what's" → what). Every character keeps its place in the original, so what is left
/// of a sentence (a need, an idea) can be returned as the user wrote it.
/// </summary>
public sealed class FoldedText
{
    private readonly int[] origin;

    public FoldedText(string original)
    {
        Original = original ?? string.Empty;
        var builder = new StringBuilder(Original.Length);
        var map = new List<int>(Original.Length + 1);
        for (var i = 0; i < Original.Length; i++)
        {
            var c = ChineseText.Fold(Original[i]);
            if (c is '\'' or '’' or '‘' or '`')
            {
                // "team's" / "what's" → the word alone; "isn't" → isnt.
                if (i + 1 < Original.Length && char.ToLowerInvariant(Original[i + 1]) == 's' && (i + 2 == Original.Length || !char.IsLetterOrDigit(Original[i + 2])))
                {
                    i++;
                }

                continue;
            }

            if (char.IsWhiteSpace(c) || c == '\u00a0')
            {
                if (builder.Length == 0 || builder[^1] == ' ')
                {
                    continue;
                }

                c = ' ';
            }

            builder.Append(c);
            map.Add(i);
        }

        while (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
            map.RemoveAt(map.Count - 1);
        }

        map.Add(Original.Length);
        Text = builder.ToString();
        origin = [.. map];
        Tokens = Tokenize(Text);
    }

    public string Original { get; }

    /// <summary>The folded text.</summary>
    public string Text { get; }

    /// <summary>Each Chinese character is a token; a run of Latin letters and digits (with inner - . _ + #) is one.</summary>
    public IReadOnlyList<TextToken> Tokens { get; }

    public bool HasCjk => Text.Any(ChineseText.IsCjk);

    /// <summary>The original text behind folded positions [start, end).</summary>
    public string OriginalSpan(int start, int end) =>
        start >= end ? string.Empty : Original[origin[start]..(end >= origin.Length ? Original.Length : origin[end - 1] + 1)];

    /// <summary>A word or phrase folded the way <see cref="Text"/> is (for lexicon entries).</summary>
    public static string FoldWord(string word) => new FoldedText(word.Trim()).Text;

    /// <summary>Letters and digits only, folded: how names are compared ("Anti-Fraud" → antifraud, "e-invoicing" → einvoicing).</summary>
    public static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var folded = ChineseText.Fold(c);
            if (char.IsLetterOrDigit(folded))
            {
                builder.Append(folded);
            }
        }

        return builder.ToString();
    }

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && !ChineseText.IsCjk(c);

    /// <summary>True when [start, end) stands alone as words (no letter or digit glued to either side; Chinese needs no spaces).</summary>
    public bool IsWordBoundary(int start, int end)
    {
        var first = Text[start];
        var last = Text[end - 1];
        var leftOk = start == 0 || !IsWordChar(first) || !IsWordChar(Text[start - 1]);
        var rightOk = end == Text.Length || !IsWordChar(last) || !IsWordChar(Text[end]);
        return leftOk && rightOk;
    }

    /// <summary>Every place <paramref name="word"/> (folded) occurs: Chinese anywhere, Latin as whole words.</summary>
    public IEnumerable<int> Find(string word)
    {
        if (word.Length == 0)
        {
            yield break;
        }

        var at = 0;
        while ((at = Text.IndexOf(word, at, StringComparison.Ordinal)) >= 0)
        {
            if (IsWordBoundary(at, at + word.Length))
            {
                yield return at;
            }

            at++;
        }
    }

    private static List<TextToken> Tokenize(string text)
    {
        var tokens = new List<TextToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (ChineseText.IsCjk(c))
            {
                tokens.Add(new TextToken(i, i + 1, c.ToString(), true));
                i++;
            }
            else if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < text.Length && !ChineseText.IsCjk(text[i]) && (char.IsLetterOrDigit(text[i])
                    || (text[i] is '-' or '.' or '_' or '+' or '#' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && !ChineseText.IsCjk(text[i + 1]))))
                {
                    i++;
                }

                tokens.Add(new TextToken(start, i, text[start..i], false));
            }
            else
            {
                i++;
            }
        }

        return tokens;
    }
}

/// <summary>One token of a <see cref="FoldedText"/>: [Start, End) in the folded text.</summary>
public readonly record struct TextToken(int Start, int End, string Text, bool IsCjk)
{
    /// <summary>Letters and digits only, English words by their stem ("e-invoicing" → einvoic, "databases" → databas).</summary>
    public string Key => IsCjk ? Text : LatinWords.Stem(FoldedText.Key(Text));
}
