using System.Globalization;
using System.Text;
using OutreachBot.Domain.Text;

namespace OutreachBot.Domain.StageTwo;

/// <summary>A competitor's winning bid, as published in a tender result.</summary>
public sealed record WinningBid(string Competitor, string Project, string Customer, Money Amount, DateOnly AwardDate, string Region);

public enum BidImportErrorCode
{
    EmptyFile,
    MissingColumn,
    MissingValue,
    InvalidAmount,
    NegativeAmount,
    ZeroAmount,
    InvalidDate,
    FutureDate,
    UnknownCurrency,
    MalformedCsv,
}

/// <summary>One reason a bids.csv cannot be imported; <see cref="Line"/> is the 1-based line in the file (the header is line 1).</summary>
/// <remarks>The message is the text of key <c>BidImportErrorCode.*</c> with the line, the column and the value.</remarks>
public sealed record BidImportError(int Line, string Column, BidImportErrorCode Code, Phrase Message);

public sealed record BidImportResult(IReadOnlyList<WinningBid> Bids, IReadOnlyList<BidImportError> Errors)
{
    /// <summary>True when the whole file was valid; otherwise <see cref="Bids"/> is empty (nothing is imported).</summary>
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Reads bids.csv (UTF-8, header row, columns competitor,project,customer,amount,currency,award_date,region in any
/// order, extra columns ignored). Every row is validated before anything is returned: one bad row means no bids.
/// </summary>
public sealed class BidsCsvImporter(TimeProvider time, TimeZoneInfo? timeZone = null)
{
    public static readonly IReadOnlyList<string> Columns = ["competitor", "project", "customer", "amount", "currency", "award_date", "region"];

    private const string DateFormat = "yyyy-MM-dd";

    public BidImportResult Import(Stream csv)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), timeZone ?? TimeZoneInfo.Utc).DateTime);
        var errors = new List<BidImportError>();
        var bids = new List<WinningBid>();

        using var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var records = new CsvRecordReader(reader);
        try
        {
            if (!records.TryRead(out var header))
            {
                return Failed(new BidImportError(1, "", BidImportErrorCode.EmptyFile, new Phrase("BidImportErrorCode.EmptyFile")));
            }

            var index = HeaderIndex(header.Fields);
            var missingColumns = Columns.Where(c => !index.ContainsKey(c)).ToList();
            if (missingColumns.Count > 0)
            {
                return Failed([.. missingColumns.Select(c => new BidImportError(1, c, BidImportErrorCode.MissingColumn, new Phrase("BidImportErrorCode.MissingColumn", c)))]);
            }

            while (records.TryRead(out var record))
            {
                if (record.Fields.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                var bid = ParseRow(record.Fields, index, record.Line, today, errors);
                if (bid is not null && errors.Count == 0)
                {
                    bids.Add(bid);
                }
            }
        }
        catch (MalformedCsvException ex)
        {
            errors.Add(new BidImportError(ex.Line, "", BidImportErrorCode.MalformedCsv, new Phrase("BidImportErrorCode.MalformedCsv", ex.Line)));
        }

        return errors.Count == 0 ? new BidImportResult(bids, []) : Failed([.. errors]);
    }

    private static Dictionary<string, int> HeaderIndex(IReadOnlyList<string> header)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            index.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        }

        return index;
    }

    private static WinningBid? ParseRow(IReadOnlyList<string> row, Dictionary<string, int> index, int line, DateOnly today, List<BidImportError> errors)
    {
        var before = errors.Count;
        string Field(string column)
        {
            var value = index[column] < row.Count ? row[index[column]].Trim() : "";
            if (value.Length == 0)
            {
                errors.Add(new BidImportError(line, column, BidImportErrorCode.MissingValue, new Phrase("BidImportErrorCode.MissingValue", line, column)));
            }

            return value;
        }

        var competitor = Field("competitor");
        var project = Field("project");
        var customer = Field("customer");
        var amountText = Field("amount");
        var currencyText = Field("currency");
        var dateText = Field("award_date");
        var region = Field("region");

        decimal amount = 0;
        if (amountText.Length > 0)
        {
            if (!decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out amount))
            {
                errors.Add(new BidImportError(line, "amount", BidImportErrorCode.InvalidAmount, new Phrase("BidImportErrorCode.InvalidAmount", line, amountText)));
            }
            else if (amount < 0)
            {
                errors.Add(new BidImportError(line, "amount", BidImportErrorCode.NegativeAmount, new Phrase("BidImportErrorCode.NegativeAmount", line)));
            }
            else if (amount == 0)
            {
                errors.Add(new BidImportError(line, "amount", BidImportErrorCode.ZeroAmount, new Phrase("BidImportErrorCode.ZeroAmount", line)));
            }
        }

        var currency = default(Currency);
        if (currencyText.Length > 0 && !Currency.TryParse(currencyText, out currency))
        {
            errors.Add(new BidImportError(line, "currency", BidImportErrorCode.UnknownCurrency, new Phrase("BidImportErrorCode.UnknownCurrency", line, currencyText)));
        }

        var date = default(DateOnly);
        if (dateText.Length > 0)
        {
            if (!DateOnly.TryParseExact(dateText, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                errors.Add(new BidImportError(line, "award_date", BidImportErrorCode.InvalidDate, new Phrase("BidImportErrorCode.InvalidDate", line, dateText)));
            }
            else if (date > today)
            {
                errors.Add(new BidImportError(line, "award_date", BidImportErrorCode.FutureDate, new Phrase("BidImportErrorCode.FutureDate", line, dateText)));
            }
        }

        return errors.Count == before ? new WinningBid(competitor, project, customer, new Money(amount, currency), date, region) : null;
    }

    private static BidImportResult Failed(params BidImportError[] errors) => new([], errors);
}
