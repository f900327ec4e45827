using System.Text;
using System.Text.RegularExpressions;

namespace OutreachBot.Chat.Cards;

/// <summary>
/// Text for the Markdown a card host applies to TextBlocks, FactSets and expanded choices (links, emphasis, lists,
/// headings, …). Card text is plain text by default and is escaped here on its way into the card's JSON, so whatever a
/// user typed reaches another user as the characters they typed; Markdown exists only where the bot builds it
/// (<see cref="Link"/>, <see cref="Concat"/>).
/// </summary>
public sealed partial record CardMarkdown
{
    private CardMarkdown(string markup, string plain)
    {
        Markup = markup;
        Plain = plain;
    }

    /// <summary>What the host renders.</summary>
    public string Markup { get; }

    /// <summary>The same as readable text (for channels without cards): a link becomes "label (address)".</summary>
    public string Plain { get; }

    public static CardMarkdown Text(string plain) => new(Escape(plain), plain);

    /// <summary>A link the bot makes; the label is text, the address one the bot chose.</summary>
    public static CardMarkdown Link(string label, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var address = url.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);
        return new($"[{Escape(label)}]({address})", $"{label} ({url.AbsoluteUri})");
    }

    public static CardMarkdown Concat(params CardMarkdown[] parts) =>
        new(string.Concat(parts.Select(p => p.Markup)), string.Concat(parts.Select(p => p.Plain)));

    /// <summary>
    /// Plain text as Markdown that renders as exactly that text: every character that could start Markdown is
    /// backslash-escaped (CommonMark escapes, which the Adaptive Cards renderers honour), block markers at the start of
    /// a line (<c># </c>, <c>- </c>, <c>+ </c>, <c>1. </c>, <c>&gt;</c>, <c>---</c>, <c>===</c>, table rules) lose their meaning,
    /// leading indentation (a code block) is dropped, and <c>](</c> never appears unescaped, so not even a renderer that
    /// ignores escapes can build a link from it. Nor can a linkifier (Web Chat's markdown-it runs with <c>linkify</c>): the
    /// <c>:</c> after a scheme (<c>https:</c>, <c>mailto:</c>) and the second <c>/</c> of <c>//</c> are escaped, which
    /// splits a bare URL into pieces no linkifier matches while it still shows as typed. An <c>@</c> stays as it is: an
    /// e-mail address a linkifier turns into a mail link is the address as typed, while Teams' mobile renderers do not
    /// honour every escape and would show a backslash in each address.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 16);
        var lineStart = 0;
        while (true)
        {
            var end = text.IndexOf('\n', lineStart);
            EscapeLine(text.AsSpan(lineStart, (end < 0 ? text.Length : end) - lineStart), escaped);
            if (end < 0)
            {
                return escaped.ToString();
            }

            escaped.Append('\n');
            lineStart = end + 1;
        }
    }

    /// <summary>Removes the escapes <see cref="Escape"/> adds: what a Markdown renderer shows for escaped text.</summary>
    public static string Unescape(string markup) => EscapedCharacter().Replace(markup, "$1");

    private static void EscapeLine(ReadOnlySpan<char> line, StringBuilder escaped)
    {
        var start = 0;
        while (start < line.Length && line[start] is ' ' or '\t')
        {
            start++;
        }

        line = line[start..];
        if (IsRuleLine(line))
        {
            foreach (var c in line)
            {
                escaped.Append(c is '-' or '=' or '|' or ':' ? "\\" + c : c.ToString());
            }

            return;
        }

        var markerAt = BlockMarkerAt(line);
        char previous = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (i == markerAt || c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '~'
                || (c == '(' && previous == ']')
                || (c == ':' && char.IsAsciiLetter(previous) && i + 1 < line.Length && !char.IsWhiteSpace(line[i + 1]))
                || (c == '/' && previous == '/')
                || (c == '&' && Entity().IsMatch(line[i..])))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            previous = c;
        }
    }

    /// <summary>The index of the character that makes the line a heading or a list item, or -1.</summary>
    private static int BlockMarkerAt(ReadOnlySpan<char> line)
    {
        if (line.Length == 0)
        {
            return -1;
        }

        if (line[0] == '#' || (line[0] is '-' or '+' && (line.Length == 1 || line[1] is ' ' or '\t')))
        {
            return 0;
        }

        var digits = 0;
        while (digits < line.Length && digits < 10 && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < line.Length && line[digits] is '.' or ')' && (digits + 1 == line.Length || line[digits + 1] is ' ' or '\t')
            ? digits
            : -1;
    }

    /// <summary>A line of only <c>- = | :</c> and blanks: a setext underline, a thematic break or a table's delimiter row.</summary>
    private static bool IsRuleLine(ReadOnlySpan<char> line)
    {
        var marks = 0;
        foreach (var c in line)
        {
            if (c is '-' or '=')
            {
                marks++;
            }
            else if (c is not ('|' or ':' or ' ' or '\t' or '\r'))
            {
                return false;
            }
        }

        return marks > 0;
    }

    [GeneratedRegex(@"^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Entity();

    [GeneratedRegex(@"\\([\\`*_\[\]<>~()#+\-.!|:=&@/])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EscapedCharacter();
}
