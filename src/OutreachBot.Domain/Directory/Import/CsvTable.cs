using System.Text;

namespace OutreachBot.Domain.Directory.Import;

/// <summary>One CSV record with the physical line it starts on (1-based; the header is line 1).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; CRLF and LF both end a record;
/// a UTF-8 BOM is dropped; blank lines are skipped. It reports where a quote is left open instead of guessing.
/// </summary>
internal static class CsvTable
{
    public static (IReadOnlyList<CsvRecord> Records, int? UnterminatedQuoteLine) Read(TextReader reader)
    {
        var text = reader.ReadToEnd();
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var quoteLine = 0;
        var fieldStarted = false;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
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
                case '"' when field.Length == 0:
                    inQuotes = true;
                    quoteLine = line;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
        {
            return (records, quoteLine);
        }

        EndRecord();
        return (records, null);

        void EndRecord()
        {
            if (!fieldStarted && fields.Count == 0 && field.Length == 0)
            {
                return;
            }

            fields.Add(field.ToString());
            records.Add(new CsvRecord(recordLine, [.. fields]));
            fields.Clear();
            field.Clear();
            fieldStarted = false;
        }
    }

    /// <summary>Quotes a field when it holds a comma, a quote or a line break.</summary>
    public static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
