using System.Text;

namespace OutreachBot.Domain.StageTwo;

/// <summary>One CSV record and the 1-based line it starts on (a quoted field may span lines).</summary>
internal readonly record struct CsvRecord(int Line, string[] Fields);

/// <summary>
/// A small RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF).
/// Kept here rather than using CsvHelper 34, whose new span-based API cannot tell us the line a bad record starts on.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder field = new();
    private int line = 1;

    /// <summary>Returns false at the end of input; throws <see cref="MalformedCsvException"/> for an unterminated quote.</summary>
    public bool TryRead(out CsvRecord record)
    {
        var fields = new List<string>();
        var start = line;
        field.Clear();
        var quoted = false;
        var fieldWasQuoted = false;
        var any = false;

        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                if (quoted)
                {
                    throw new MalformedCsvException(start, $"unterminated quoted field starting on line {start}");
                }

                if (!any)
                {
                    record = default;
                    return false;
                }

                fields.Add(field.ToString());
                record = new CsvRecord(start, [.. fields]);
                return true;
            }

            any = true;
            var c = (char)next;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !fieldWasQuoted:
                    quoted = fieldWasQuoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldWasQuoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    line++;
                    fields.Add(field.ToString());
                    record = new CsvRecord(start, [.. fields]);
                    return true;
                default:
                    field.Append(c);
                    break;
            }
        }
    }
}

internal sealed class MalformedCsvException(int line, string message) : FormatException(message)
{
    public int Line { get; } = line;
}
