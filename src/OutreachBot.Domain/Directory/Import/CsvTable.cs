using OutreachBot.Domain.Text;

namespace OutreachBot.Domain.Directory.Import;

/// <summary>Reads a whole directory CSV file, reporting where a quote is left open instead of guessing.</summary>
internal static class CsvTable
{
    public static (IReadOnlyList<CsvRecord> Records, int? UnterminatedQuoteLine) Read(TextReader reader)
    {
        var csv = new CsvRecordReader(reader);
        var records = new List<CsvRecord>();
        try
        {
            while (csv.TryRead(out var record))
            {
                records.Add(record);
            }
        }
        catch (MalformedCsvException exception)
        {
            return (records, exception.Line);
        }

        return (records, null);
    }

    public static string Escape(string value) => CsvRecordReader.Escape(value);
}
