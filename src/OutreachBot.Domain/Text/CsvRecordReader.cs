using System.Text;

namespace OutreachBot.Domain.Text;

/// <summary>One CSV record and the 1-based physical line it starts on (a quoted field may span lines).</summary>
public readonly record struct CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// A streaming RFC 4180 reader shared by every import (org directory, winning bids): quoted fields may hold commas,
/// doubled quotes and line breaks; CRLF, LF and a lone CR end a record; a UTF-8 BOM is dropped; blank lines are skipped.
/// An unterminated quote is reported with the line it opened on instead of being guessed at.
/// Our own rather than CsvHelper 34, whose span-based API cannot tell the line a bad record starts on.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder field = new();
    private int line = 1;
    private bool started;

    /// <summary>Returns false at the end of input; throws <see cref="MalformedCsvException"/> for an unterminated quote.</summary>
    public bool TryRead(out CsvRecord record)
    {
        if (!started)
        {
            started = true;
            if (reader.Peek() == '\uFEFF')
            {
                _ = reader.Read();
            }
        }

        var fields = new List<string>();
        var recordLine = line;
        var quoteLine = 0;
        var inQuotes = false;
        var fieldStarted = false;
        field.Clear();

        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                if (inQuotes)
                {
                    throw new MalformedCsvException(quoteLine, $"unterminated quoted field starting on line {quoteLine}");
                }

                return End(out record);
            }

            var c = (char)next;
            if (inQuotes)
            {
                if (c == '"' && reader.Peek() == '"')
                {
                    _ = reader.Read();
                    field.Append('"');
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = fieldStarted = true;
                    quoteLine = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\r' or '\n':
                    line++;
                    if (End(out record))
                    {
                        return true;
                    }

                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        bool End(out CsvRecord result)
        {
            if (!fieldStarted && fields.Count == 0 && field.Length == 0)
            {
                result = default;
                return false;
            }

            fields.Add(field.ToString());
            result = new CsvRecord(recordLine, [.. fields]);
            return true;
        }
    }

    /// <summary>Quotes a field when it holds a comma, a quote or a line break.</summary>
    public static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

public sealed class MalformedCsvException(int line, string message) : FormatException(message)
{
    public int Line { get; } = line;
}
