using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OutreachBot.Domain.Text;

public enum DateTextProblem
{
    None,
    NotADate,
    NoSuchDay,
    Ambiguous,
}

/// <summary>
/// Reads a date as people and spreadsheets write it: 2026-03-18, 2026/3/18, 2026.3.18, 20260318, 2026年3月18日,
/// 18 March 2026, March 18, 2026, and 3/18/2026 or 18/3/2026 — day and month in the order of the reader's culture
/// (en-US: month first), or either way when one of them is over 12. A time after the date (Excel's "2026/3/18 0:00") is
/// ignored. When day and month could be swapped and the culture does not say which comes first, it is ambiguous.
/// </summary>
public static partial class DateText
{
    private static readonly string[] NamedMonthForms =
        ["d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "MMM d yyyy", "d-MMM-yyyy", "d-MMMM-yyyy", "MMMM d, yyyy", "MMM d, yyyy", "d MMM, yyyy"];

    public static bool TryParse(string? text, CultureInfo? culture, out DateOnly date, out DateTextProblem problem)
    {
        date = default;
        problem = DateTextProblem.NotADate;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // What HR exports write 500,000 times: 2026-03-18, read without normalizing or any pattern.
        if (text.Length == 10 && text[4] == '-' && text[7] == '-' && IsAsciiDigits(text.AsSpan(0, 4)) && IsAsciiDigits(text.AsSpan(5, 2)) && IsAsciiDigits(text.AsSpan(8, 2)))
        {
            return Make(int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture), int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture),
                int.Parse(text.AsSpan(8, 2), CultureInfo.InvariantCulture), out date, out problem);
        }

        var t = text.Normalize(NormalizationForm.FormKC).Trim();
        t = TimeSuffix().Replace(t, "");

        var match = YearFirst().Match(t);
        if (match.Success)
        {
            return Make(Number(match, "y"), Number(match, "m"), Number(match, "d"), out date, out problem);
        }

        match = Compact().Match(t);
        if (match.Success)
        {
            return Make(Number(match, "y"), Number(match, "m"), Number(match, "d"), out date, out problem);
        }

        match = YearLast().Match(t);
        if (match.Success)
        {
            var (a, b, year) = (Number(match, "a"), Number(match, "b"), Number(match, "y"));
            var monthFirst = a <= 12 && (b > 12 || (MonthComesFirst(culture) ?? (a == b ? true : null)) == true);
            var dayFirst = b <= 12 && (a > 12 || (MonthComesFirst(culture) ?? (a == b ? false : null)) == false);
            if (monthFirst)
            {
                return Make(year, a, b, out date, out problem);
            }

            if (dayFirst)
            {
                return Make(year, b, a, out date, out problem);
            }

            problem = a <= 12 && b <= 12 ? DateTextProblem.Ambiguous : DateTextProblem.NoSuchDay;
            return false;
        }

        if (DateTime.TryParseExact(t, NamedMonthForms, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var named))
        {
            date = DateOnly.FromDateTime(named);
            problem = DateTextProblem.None;
            return true;
        }

        return false;
    }

    /// <summary>True when the culture writes the month before the day (en-US), false for day first (en-GB), null when the year leads (zh-CN).</summary>
    private static bool? MonthComesFirst(CultureInfo? culture)
    {
        var pattern = culture?.DateTimeFormat.ShortDatePattern;
        if (pattern is null || pattern.TrimStart().StartsWith('y'))
        {
            return null;
        }

        var month = pattern.IndexOf('M', StringComparison.Ordinal);
        var day = pattern.IndexOf('d', StringComparison.Ordinal);
        return month < 0 || day < 0 ? null : month < day;
    }

    private static bool Make(int year, int month, int day, out DateOnly date, out DateTextProblem problem)
    {
        date = default;
        if (year is < 1900 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            problem = DateTextProblem.NoSuchDay;
            return false;
        }

        date = new DateOnly(year, month, day);
        problem = DateTextProblem.None;
        return true;
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*[日号]?$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Compact();

    [GeneratedRegex(@"^(?<a>\d{1,2})\s*[-/.]\s*(?<b>\d{1,2})\s*[-/.]\s*(?<y>\d{4})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex YearLast();

    /// <summary>" 0:00", " 00:00:00", "T08:30:00Z", "T08:30:00+08:00" after the date.</summary>
    [GeneratedRegex(@"(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[AaPp][Mm])?$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TimeSuffix();
}
