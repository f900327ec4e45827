using System.Globalization;
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
    AmbiguousDate,
    FutureDate,
    UnknownCurrency,
    CurrencyMismatch,
    MalformedCsv,
    Undecodable,
}

/// <summary>One reason a bids.csv cannot be imported; <see cref="Line"/> is the 1-based line in the file (the header is line 1).</summary>
/// <remarks>The message is the text of key <c>BidImportErrorCode.*</c> with the line, the column and the value.</remarks>
public sealed record BidImportError(int Line, string Column, BidImportErrorCode Code, Phrase Message);

/// <summary>Where the rows came from, so the reply can say how they were read.</summary>
public enum BidsSourceKind
{
    File,
    PastedText,
    Workbook,
}

public sealed record BidImportResult(IReadOnlyList<WinningBid> Bids, IReadOnlyList<BidImportError> Errors)
{
    /// <summary>True when the whole file was valid; otherwise <see cref="Bids"/> is empty (nothing is imported).</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Valid but without a single bid (a header-only file): importing it would only erase the previous import.</summary>
    public bool IsEmpty => Succeeded && Bids.Count == 0;

    public BidsSourceKind Source { get; init; } = BidsSourceKind.File;

    /// <summary>The text encoding a file was read in; null for pasted text and workbooks.</summary>
    public TextFileEncoding? Encoding { get; init; }

    /// <summary>False when the rows came without a header and were read in the standard column order.</summary>
    public bool HadHeader { get; init; } = true;

    /// <summary>Tab for rows pasted from a spreadsheet, comma for CSV.</summary>
    public char Delimiter { get; init; } = ',';
}

/// <summary>
/// Reads winning bids from a CSV file (UTF-8 with or without BOM, UTF-16, GBK/GB18030 — detected), rows pasted as text
/// (comma- or tab-separated, with or without the header) or rows a workbook reader extracted. Columns
/// competitor,project,customer,amount,currency,award_date,region in any order, named in any case or in Chinese (竞争对手,
/// 金额, 中标日期 …), extra columns ignored; without a header the rows are read in that order. Amounts and dates are read as
/// people write them (<see cref="MoneyText"/>, <see cref="DateText"/>); the currency may come with the amount (¥238万).
/// Every row is validated before anything is returned: one bad row means no bids.
/// </summary>
public sealed class BidsCsvImporter(TimeProvider time, TimeZoneInfo? timeZone = null)
{
    public static readonly IReadOnlyList<string> Columns = ["competitor", "project", "customer", "amount", "currency", "award_date", "region"];

    /// <summary>Columns a header must name; the currency may come with each amount instead, and the region may be left out.</summary>
    private static readonly string[] RequiredColumns = ["competitor", "project", "customer", "amount", "award_date"];

    private static readonly IReadOnlyDictionary<string, string> Aliases = HeaderMap.Aliases(new Dictionary<string, string[]>
    {
        ["competitor"] = ["vendor", "supplier", "winner", "winning_bidder", "company", "竞争对手", "中标单位", "中标人", "中标供应商", "中标厂商", "供应商", "厂商", "公司"],
        ["project"] = ["project_name", "tender", "项目", "项目名称", "标题", "招标项目"],
        ["customer"] = ["buyer", "purchaser", "client", "客户", "采购人", "采购单位", "招标人", "招标单位", "甲方"],
        ["amount"] = ["award_amount", "bid_amount", "value", "price", "金额", "中标金额", "成交金额", "合同金额", "中标价"],
        ["currency"] = ["币种", "货币", "币别"],
        ["award_date"] = ["date", "awarded", "award", "日期", "中标日期", "公告日期", "成交日期", "中标时间"],
        ["region"] = ["area", "province", "location", "地区", "区域", "省份", "所在地"],
    });

    /// <summary>Reads a CSV file's bytes in whatever encoding wrote it; dates like 3/4/2026 are refused as ambiguous.</summary>
    public BidImportResult Import(Stream csv)
    {
        using var buffer = new MemoryStream();
        csv.CopyTo(buffer);
        return ImportFile(buffer.ToArray(), culture: null);
    }

    /// <summary>A file's bytes; <paramref name="culture"/> says whether 3/4/2026 is March or April (en-US: March).</summary>
    public BidImportResult ImportFile(byte[] content, CultureInfo? culture)
    {
        var decoded = TextFileDecoder.Decode(content);
        if (decoded.Problem is { } problem)
        {
            return Failed(new BidImportError(problem.Line, "", BidImportErrorCode.Undecodable,
                new Phrase("BidImportErrorCode.Undecodable", problem.Line, problem.Column, problem.Reason)));
        }

        return ImportText(decoded.Text!, culture) with { Encoding = decoded.Encoding, Source = BidsSourceKind.File };
    }

    /// <summary>Rows pasted into the chat: tab-separated (from a spreadsheet) or comma-separated, with or without the header.</summary>
    public BidImportResult ImportText(string text, CultureInfo? culture)
    {
        var read = DelimitedText.Read(text);
        if (read.UnterminatedQuoteLine is { } line)
        {
            return Failed(new BidImportError(line, "", BidImportErrorCode.MalformedCsv,
                new Phrase("BidImportErrorCode.MalformedCsv", line))) with
            { Source = BidsSourceKind.PastedText };
        }

        return ImportRows(read.Records, culture) with { Source = BidsSourceKind.PastedText, Delimiter = read.Delimiter };
    }

    /// <summary>Rows with their line (or sheet row) numbers, e.g. from a workbook; the first may be the header.</summary>
    public BidImportResult ImportRows(IReadOnlyList<CsvRecord> records, CultureInfo? culture)
    {
        var rows = records.Where(r => !r.Fields.All(string.IsNullOrWhiteSpace)).ToList();
        if (rows.Count == 0)
        {
            return new BidImportResult([], []) { Source = BidsSourceKind.Workbook };
        }

        var header = HeaderMap.Build(rows[0].Fields, Aliases);
        var named = header.CountKnown(Columns);
        var hadHeader = named > 0;
        if (hadHeader)
        {
            var missing = RequiredColumns.Where(c => !header.Has(c)).ToList();
            if (missing.Count > 0)
            {
                return Failed([.. missing.Select(c => new BidImportError(rows[0].Line, c, BidImportErrorCode.MissingColumn, new Phrase("BidImportErrorCode.MissingColumn", c)))]);
            }
        }
        else
        {
            header = HeaderMap.Build(Columns, Aliases);
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), timeZone ?? TimeZoneInfo.Utc).DateTime);
        var errors = new List<BidImportError>();
        var bids = new List<WinningBid>();
        foreach (var record in hadHeader ? rows.Skip(1) : rows)
        {
            if (ParseRow(record.Fields, header, record.Line, today, culture, errors) is { } bid)
            {
                bids.Add(bid);
            }
        }

        return errors.Count == 0
            ? new BidImportResult(bids, []) { Source = BidsSourceKind.Workbook, HadHeader = hadHeader }
            : Failed([.. errors]) with { HadHeader = hadHeader };
    }

    private static WinningBid? ParseRow(
        IReadOnlyList<string> row, HeaderMap header, int line, DateOnly today, CultureInfo? culture, List<BidImportError> errors)
    {
        var before = errors.Count;
        string Field(string column, bool required = true)
        {
            var value = header.Field(row, column);
            if (value.Length == 0 && required)
            {
                errors.Add(new BidImportError(line, column, BidImportErrorCode.MissingValue, new Phrase("BidImportErrorCode.MissingValue", line, column)));
            }

            return value;
        }

        var competitor = Field("competitor");
        var project = Field("project");
        var customer = Field("customer");
        var amountText = Field("amount");
        var currencyText = Field("currency", required: false);
        var dateText = Field("award_date");
        var region = Field("region", required: false);

        decimal amount = 0;
        Currency? amountCurrency = null;
        var amountRead = false;
        if (amountText.Length > 0)
        {
            amountRead = MoneyText.TryParse(amountText, out amount, out amountCurrency, out var problem);
            if (!amountRead)
            {
                errors.Add(problem switch
                {
                    MoneyTextProblem.Negative => new BidImportError(line, "amount", BidImportErrorCode.NegativeAmount, new Phrase("BidImportErrorCode.NegativeAmount", line)),
                    MoneyTextProblem.TwoCurrencies => new BidImportError(line, "amount", BidImportErrorCode.CurrencyMismatch, new Phrase("BidImportErrorCode.CurrencyMismatch.InAmount", line, amountText)),
                    _ => new BidImportError(line, "amount", BidImportErrorCode.InvalidAmount, new Phrase("BidImportErrorCode.InvalidAmount", line, amountText)),
                });
            }
            else if (amount == 0)
            {
                errors.Add(new BidImportError(line, "amount", BidImportErrorCode.ZeroAmount, new Phrase("BidImportErrorCode.ZeroAmount", line)));
            }
        }

        Currency? columnCurrency = null;
        if (currencyText.Length > 0)
        {
            if (CurrencyNames.TryParse(currencyText, out var parsed))
            {
                columnCurrency = parsed;
            }
            else
            {
                errors.Add(new BidImportError(line, "currency", BidImportErrorCode.UnknownCurrency, new Phrase("BidImportErrorCode.UnknownCurrency", line, currencyText)));
            }
        }

        if (columnCurrency is { } fromColumn && amountCurrency is { } fromAmount && fromColumn != fromAmount)
        {
            errors.Add(new BidImportError(line, "currency", BidImportErrorCode.CurrencyMismatch, new Phrase("BidImportErrorCode.CurrencyMismatch", line, fromAmount.ToString(), fromColumn.ToString())));
        }

        var currency = columnCurrency ?? amountCurrency;
        if (currency is null && currencyText.Length == 0 && amountRead)
        {
            errors.Add(new BidImportError(line, "currency", BidImportErrorCode.MissingValue, new Phrase("BidImportErrorCode.MissingValue.Currency", line)));
        }

        var date = default(DateOnly);
        if (dateText.Length > 0)
        {
            if (!DateText.TryParse(dateText, culture, out date, out var problem))
            {
                errors.Add(problem == DateTextProblem.Ambiguous
                    ? new BidImportError(line, "award_date", BidImportErrorCode.AmbiguousDate, new Phrase("BidImportErrorCode.AmbiguousDate", line, dateText))
                    : new BidImportError(line, "award_date", BidImportErrorCode.InvalidDate, new Phrase("BidImportErrorCode.InvalidDate", line, dateText)));
            }
            else if (date > today)
            {
                errors.Add(new BidImportError(line, "award_date", BidImportErrorCode.FutureDate, new Phrase("BidImportErrorCode.FutureDate", line, dateText)));
            }
        }

        return errors.Count == before && currency is { } known
            ? new WinningBid(competitor, project, customer, new Money(amount, known), date, region)
            : null;
    }

    private static BidImportResult Failed(params BidImportError[] errors) => new([], errors);
}
