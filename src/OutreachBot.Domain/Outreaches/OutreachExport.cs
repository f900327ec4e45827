using System.Text;

namespace OutreachBot.Domain.Outreaches;

/// <summary>
/// CSV (RFC 4180, UTF-8 with a BOM so Excel opens Chinese correctly) and Markdown of the pipeline and timelines, in the
/// reader's language and time zone (<see cref="Copy"/>); people are named by <c>nameOf</c> (a user key → a name).
/// Cells that a spreadsheet would run as a formula are neutralized with a leading apostrophe. The user's own text is
/// kept exactly as typed, full-width punctuation included.
/// </summary>
public static class OutreachExport
{
    private static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static byte[] PipelineCsv(IEnumerable<OutreachStatusView> views, Copy copy, Func<string, string> nameOf) =>
        Csv(PipelineHeaders(copy), PipelineRows(views, copy, nameOf));

    /// <summary>Every event of every outreach, one table, the product idea first so rows of one outreach sort together.</summary>
    public static byte[] TimelinesCsv(IEnumerable<OutreachHistory> histories, Copy copy, Func<string, string> nameOf) =>
        Csv(
            [copy.Text("Export.Header.Idea"), .. TimelineHeaders(copy)],
            Ordered(histories).SelectMany(h => TimelineRows(h, copy, nameOf).Select(row => (string?[])[h.View.ProductIdea, .. row])));

    public static byte[] TimelineCsv(OutreachHistory history, Copy copy, Func<string, string> nameOf) =>
        Csv(TimelineHeaders(copy), TimelineRows(history, copy, nameOf));

    public static string PipelineMarkdown(IEnumerable<OutreachStatusView> views, Copy copy, Func<string, string> nameOf) =>
        Markdown(copy.Text("Export.PipelineTitle"), PipelineHeaders(copy), PipelineRows(views, copy, nameOf));

    public static string TimelineMarkdown(OutreachHistory history, Copy copy, Func<string, string> nameOf, int level = 1) =>
        Markdown(history.View.ProductIdea, TimelineHeaders(copy), TimelineRows(history, copy, nameOf), level);

    /// <summary>The pipeline, then each outreach's timeline under its own heading.</summary>
    public static string Markdown(IReadOnlyList<OutreachHistory> histories, Copy copy, Func<string, string> nameOf)
    {
        var markdown = new StringBuilder(PipelineMarkdown(histories.Select(h => h.View), copy, nameOf));
        foreach (var history in Ordered(histories))
        {
            markdown.Append('\n').Append(TimelineMarkdown(history, copy, nameOf, level: 2));
        }

        return markdown.ToString();
    }

    /// <summary>One CSV field: neutralized against formula injection, then quoted when RFC 4180 needs it.</summary>
    public static string CsvField(string? value)
    {
        var text = Neutralize(value ?? string.Empty);
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static string Neutralize(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static string MarkdownCell(string? value)
    {
        var builder = new StringBuilder();
        foreach (var c in value ?? string.Empty)
        {
            switch (c)
            {
                case '\r':
                    break;
                case '\n':
                    builder.Append("<br>");
                    break;
                case '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static string[] PipelineHeaders(Copy copy) =>
        [.. new[] { "Idea", "Owner", "Department", "Stage", "LastContact", "ContactPerson", "NextAction", "Deadline", "Countdown", "AgreedOn", "DaysFromStart", "WithinDeadline", "Agreement", "DecidedBy" }.Select(h => copy.Text("Export.Header." + h))];

    private static string[] TimelineHeaders(Copy copy) =>
        [.. new[] { "Number", "Time", "Who", "Event", "Department", "Details" }.Select(h => copy.Text("Export.Header." + h))];

    private static IEnumerable<OutreachHistory> Ordered(IEnumerable<OutreachHistory> histories)
    {
        var list = histories.ToList();
        return OutreachStatus.Order(list.Select(h => h.View)).Select(v => list.First(h => h.View.OutreachId == v.OutreachId));
    }

    private static IEnumerable<string?[]> PipelineRows(IEnumerable<OutreachStatusView> views, Copy copy, Func<string, string> nameOf)
    {
        foreach (var view in OutreachStatus.Order(views))
        {
            var deadline = Stamp(view.Deadline, copy);
            var countdown = view.IsOpen ? copy.Render(view.Countdown.Text) : string.Empty;
            var owner = nameOf(view.OwnerKey);
            if (view.Targets.Count == 0)
            {
                yield return [view.ProductIdea, owner, null, null, null, null, null, deadline, countdown, null, null, null, null, null];
            }

            foreach (var target in view.Targets)
            {
                yield return
                [
                    view.ProductIdea, owner, target.DepartmentName.In(copy.Language), copy.Name(target.Stage),
                    target.LastContactAt is { } at ? Stamp(at, copy) : null, target.LastContactPerson,
                    target.NextAction is { } next ? copy.Render(next) : null, deadline, countdown,
                    target.Agreement is { } agreement ? Stamp(agreement.At, copy) : null,
                    target.Pace?.Days.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    target.Pace is { } pace ? copy.Text(pace.WithinDeadline ? "Export.Yes" : "Export.No") : null,
                    target.Agreement?.Terms,
                    target.Agreement?.DecidedBy,
                ];
            }
        }
    }

    private static IEnumerable<string?[]> TimelineRows(OutreachHistory history, Copy copy, Func<string, string> nameOf) =>
        history.Events.OrderBy(e => e.Sequence).Select(e => new string?[]
        {
            e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Stamp(e.At, copy),
            nameOf(e.Actor),
            copy.Name(e.Kind),
            history.View.Targets.FirstOrDefault(t => string.Equals(t.DepartmentId, e.DepartmentId, StringComparison.OrdinalIgnoreCase))?.DepartmentName.In(copy.Language),
            TimelineDetails.Render(e, copy),
        });

    private static byte[] Csv(string[] headers, IEnumerable<string?[]> rows)
    {
        var builder = new StringBuilder();
        builder.Append(string.Join(',', headers.Select(CsvField))).Append("\r\n");
        foreach (var row in rows)
        {
            builder.Append(string.Join(',', row.Select(CsvField))).Append("\r\n");
        }

        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(builder.ToString())];
    }

    private static string Markdown(string title, string[] headers, IEnumerable<string?[]> rows, int level = 1)
    {
        var builder = new StringBuilder();
        builder.Append(new string('#', level)).Append(' ').Append(MarkdownCell(title)).Append('\n').Append('\n');
        builder.Append("| ").Append(string.Join(" | ", headers.Select(MarkdownCell))).Append(" |\n");
        builder.Append('|').Append(string.Concat(headers.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows)
        {
            builder.Append("| ").Append(string.Join(" | ", row.Select(MarkdownCell))).Append(" |\n");
        }

        return builder.ToString();
    }

    /// <summary>Sortable and what spreadsheets parse, in the reader's zone (docs/copy.md: the one place a numeric date is shown).</summary>
    private static string Stamp(DateTimeOffset at, Copy copy) =>
        TimeZoneInfo.ConvertTime(at, copy.TimeZone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
