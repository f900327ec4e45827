using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace OutreachBot.Domain.Text;

/// <summary>The encoding a text file was read in, as a person would name it ("UTF-8", "UTF-16 LE", "GBK").</summary>
public sealed record TextFileEncoding(string Name, bool ByteOrderMark)
{
    public static readonly TextFileEncoding Utf8 = new("UTF-8", false);
    public static readonly TextFileEncoding Utf8WithBom = new("UTF-8", true);
    public static readonly TextFileEncoding Utf16LittleEndian = new("UTF-16 LE", true);
    public static readonly TextFileEncoding Utf16BigEndian = new("UTF-16 BE", true);
    public static readonly TextFileEncoding Utf16LittleEndianNoBom = new("UTF-16 LE", false);
    public static readonly TextFileEncoding Utf16BigEndianNoBom = new("UTF-16 BE", false);
    public static readonly TextFileEncoding Gbk = new("GBK", false);
    public static readonly TextFileEncoding Gb18030 = new("GB18030", false);

    /// <summary>"UTF-8 with BOM", "UTF-16 LE without BOM", "GBK".</summary>
    public string Describe(bool chinese) => Name.StartsWith("UTF", StringComparison.Ordinal)
        ? chinese ? $"{Name}（{(ByteOrderMark ? "带" : "无")} BOM）" : $"{Name} {(ByteOrderMark ? "with" : "without")} BOM"
        : Name;

    public override string ToString() => Describe(chinese: false);
}

/// <summary>Why a file could not be read as text, and where: 1-based line and column (in characters) of the first bad byte.</summary>
public sealed record UndecodableText(int Line, int Column, Phrase Reason);

public sealed record TextDecodeResult(string? Text, TextFileEncoding? Encoding, UndecodableText? Problem)
{
    public bool Succeeded => Text is not null;
}

/// <summary>
/// Reads the bytes of an uploaded text file whatever wrote it: UTF-8 with or without a byte order mark, UTF-16 (LE/BE,
/// with a BOM, or without one when the zero bytes say so), and GBK/GB18030 — what Excel writes on Chinese Windows.
/// Decoding is strict: a file that is none of these is refused with the place it goes wrong, never read as U+FFFD.
/// </summary>
public static class TextFileDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> StrictGbk = new(() => CodePage(936));
    private static readonly Lazy<Encoding> StrictGb18030 = new(() => CodePage(54936));

    private const int SampleBytes = 8192;

    public static TextDecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return Refused(1, 1, new Phrase("Text.Undecodable.Zip"));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Strict(bytes[3..], StrictUtf8, TextFileEncoding.Utf8WithBom);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Strict(bytes[2..], StrictUtf16Le, TextFileEncoding.Utf16LittleEndian);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Strict(bytes[2..], StrictUtf16Be, TextFileEncoding.Utf16BigEndian);
        }

        if (LooksLikeUtf16(bytes, out var bigEndian))
        {
            var utf16 = Strict(bytes, bigEndian ? StrictUtf16Be : StrictUtf16Le, bigEndian ? TextFileEncoding.Utf16BigEndianNoBom : TextFileEncoding.Utf16LittleEndianNoBom);
            if (utf16.Succeeded)
            {
                return utf16;
            }
        }

        var utf8 = Strict(bytes, StrictUtf8, TextFileEncoding.Utf8);
        if (utf8.Succeeded)
        {
            return utf8;
        }

        // Not UTF-8: GBK when every byte is GBK, else GB18030 (its superset, with four-byte sequences), else refused
        // where UTF-8 first failed — the encoding the file most likely meant to be in.
        foreach (var (encoding, kind) in new[] { (StrictGbk.Value, TextFileEncoding.Gbk), (StrictGb18030.Value, TextFileEncoding.Gb18030) })
        {
            var legacy = Strict(bytes, encoding, kind);
            if (legacy.Succeeded && !HasUserDefinedCharacters(legacy.Text!))
            {
                return legacy;
            }
        }

        return utf8;
    }

    /// <summary>Zero bytes that fall on one side of each pair and (almost) never on the other: ASCII in UTF-16.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        if (bytes.Length < 4 || bytes.Length % 2 != 0)
        {
            return false;
        }

        var sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                if (i % 2 == 0)
                {
                    evenZeros++;
                }
                else
                {
                    oddZeros++;
                }
            }
        }

        var pairs = sample.Length / 2;
        var threshold = Math.Max(2, pairs / 10);
        if (oddZeros >= threshold && evenZeros <= pairs / 100)
        {
            return true;
        }

        bigEndian = evenZeros >= threshold && oddZeros <= pairs / 100;
        return bigEndian;
    }

    private static TextDecodeResult Strict(ReadOnlySpan<byte> bytes, Encoding encoding, TextFileEncoding kind)
    {
        string text;
        try
        {
            text = encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ReferenceEquals(encoding, StrictUtf8) ? Utf8Problem(bytes) : new(null, null, null);
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var (line, column) = Position(text.AsSpan(0, nul));
            return Refused(line, column, new Phrase("Text.Undecodable.Nul"));
        }

        return new(text, kind, null);
    }

    private static TextDecodeResult Utf8Problem(ReadOnlySpan<byte> bytes)
    {
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            var (line, column) = Position(chars.AsSpan(0, charsWritten));
            var bad = bytesRead < bytes.Length ? $"0x{bytes[bytesRead]:X2}" : "";
            return Refused(line, column, new Phrase("Text.Undecodable.Encoding", bad));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Line and column (1-based) of the character just after <paramref name="before"/>.</summary>
    private static (int Line, int Column) Position(ReadOnlySpan<char> before)
    {
        var line = 1 + before.Count('\n');
        var lastBreak = before.LastIndexOf('\n');
        return (line, before.Length - lastBreak);
    }

    /// <summary>GB18030's user-defined and private-use areas hold no real names: text landing there was not GB18030.</summary>
    private static bool HasUserDefinedCharacters(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\uE000' and <= '\uF8FF')
            {
                return true;
            }
        }

        return false;
    }

    private static TextDecodeResult Refused(int line, int column, Phrase reason) => new(null, null, new UndecodableText(line, column, reason));

    private static Encoding CodePage(int codePage) =>
        CodePagesEncodingProvider.Instance.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException($"Code page {codePage} is not available.");
}
