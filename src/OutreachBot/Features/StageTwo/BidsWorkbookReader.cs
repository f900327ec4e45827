using System.Globalization;
using MiniExcelLibs;

namespace OutreachBot.Features.StageTwo;

/// <summary>
/// Reads the first sheet of an .xlsx workbook into rows of text (MiniExcel, streaming), so a bids table saved from Excel
/// imports without a round trip through CSV. Dates become yyyy-MM-dd and numbers their plain invariant form; row
/// numbers are the sheet's, so errors point at the row Excel shows.
/// </summary>
public static class BidsWorkbookReader
{
    private const int MaxColumns = 64;

    public static bool IsWorkbook(string fileName, byte[] content) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase)
        || (content.Length > 4 && content.AsSpan().StartsWith("PK\u0003\u0004"u8));

    /// <summary>The rows, or null when the bytes are not a workbook MiniExcel can read.</summary>
    public static IReadOnlyList<CsvRecord>? Read(byte[] content, int maxRows)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var rows = new List<CsvRecord>();
            var number = 0;
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                number++;
                if (rows.Count >= maxRows)
                {
                    break;
                }

                rows.Add(new CsvRecord(number, [.. row.Values.Take(MaxColumns).Select(Cell)]));
            }

            return rows;
        }
        catch (Exception exception) when (exception is InvalidDataException or InvalidOperationException or System.Xml.XmlException or NotSupportedException or IOException or ArgumentException)
        {
            return null;
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number when Math.Abs(number) < 1e27 => ((decimal)number).ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
