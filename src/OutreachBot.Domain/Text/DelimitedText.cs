using System.Text;

namespace OutreachBot.Domain.Text;

/// <summary>The records of a delimited text, or the line where a quoted field opens and never closes.</summary>
public sealed record DelimitedRecords(IReadOnlyList<CsvRecord> Records, char Delimiter, int? UnterminatedQuoteLine);

/// <summary>
/// Reads comma- or tab-separated text (what a CSV file holds, or what a spreadsheet puts on the clipboard), telling the
/// delimiter from the first line. Records whose fields are all blank (Excel's trailing ",,,,," rows) are dropped.
/// </summary>
public static class DelimitedText
{
    public static DelimitedRecords Read(string text, char? delimiter = null)
    {
        var separator = delimiter ?? DetectDelimiter(text);
        var reader = new CsvRecordReader(new StringReader(text), separator);
        var records = new List<CsvRecord>();
        try
        {
            while (reader.TryRead(out var record))
            {
                if (!record.Fields.All(string.IsNullOrWhiteSpace))
                {
                    records.Add(record);
                }
            }
        }
        catch (MalformedCsvException exception)
        {
            return new(records, separator, exception.Line);
        }

        return new(records, separator, null);
    }

    /// <summary>Tab when the first non-blank line has at least as many tabs as commas (a pasted "2,380,000" keeps its commas), else comma.</summary>
    public static char DetectDelimiter(string text)
    {
        var line = FirstNonBlankLine(text);
        int tabs = 0, commas = 0;
        var quoted = false;
        foreach (var c in line)
        {
            quoted ^= c == '"';
            if (!quoted)
            {
                tabs += c == '\t' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
            }
        }

        return tabs > 0 && tabs >= commas ? '\t' : ',';
    }

    /// <summary>Walks the text line by line instead of splitting all of it: an HR export has hundreds of thousands of lines.</summary>
    private static ReadOnlySpan<char> FirstNonBlankLine(string text)
    {
        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            var end = rest.IndexOf('\n');
            var line = (end < 0 ? rest : rest[..end]).Trim(['\r', '\uFEFF']);
            if (!line.Trim().IsEmpty)
            {
                return line;
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return [];
    }
}

/// <summary>
/// Maps a header row to the importer's column names however a person or an HR system wrote them: case, spaces, hyphens
/// and full-width forms do not matter ("Hire Date", "hire-date", "ＨＩＲＥ＿ＤＡＴＥ" are all hire_date), and each column may
/// have aliases (e.g. Chinese headers such as 入职日期).
/// </summary>
public sealed class HeaderMap
{
    private readonly Dictionary<string, int> indexByColumn;

    private HeaderMap(Dictionary<string, int> indexByColumn) => this.indexByColumn = indexByColumn;

    /// <param name="aliases">Normalized alias → column name; every column name is its own alias.</param>
    public static HeaderMap Build(IReadOnlyList<string> header, IReadOnlyDictionary<string, string> aliases)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var key = Normalize(header[i]);
            var column = aliases.TryGetValue(key, out var known) ? known : key;
            index.TryAdd(column, i);
        }

        return new HeaderMap(index);
    }

    public bool Has(string column) => indexByColumn.ContainsKey(column);

    /// <summary>How many of <paramref name="columns"/> the header names.</summary>
    public int CountKnown(IEnumerable<string> columns) => columns.Count(indexByColumn.ContainsKey);

    /// <summary>The trimmed field of <paramref name="column"/> in <paramref name="fields"/>, or "" when absent.</summary>
    public string Field(IReadOnlyList<string> fields, string column) =>
        indexByColumn.TryGetValue(column, out var i) && i < fields.Count ? fields[i].Trim() : "";

    /// <summary>"Hire Date" → "hire_date"; "ＩＤ" → "id"; "入职 日期" → "入职_日期".</summary>
    public static string Normalize(string name)
    {
        var text = name.Normalize(NormalizationForm.FormKC).Trim().Trim('\uFEFF', '"', '\'').Trim().ToLowerInvariant();
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var separator = char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '/';
            if (!separator)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        return builder.ToString().TrimEnd('_');
    }

    /// <summary>An alias table from column → its other names, normalized.</summary>
    public static IReadOnlyDictionary<string, string> Aliases(IReadOnlyDictionary<string, string[]> names)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (column, others) in names)
        {
            aliases[Normalize(column)] = column;
            foreach (var other in others)
            {
                aliases.TryAdd(Normalize(other), column);
            }
        }

        return aliases;
    }
}
