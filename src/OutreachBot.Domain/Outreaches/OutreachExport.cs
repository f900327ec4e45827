using System.Text;

namespace OutreachBot.Domain.Outreaches;

/// <summary>
/// CSV (RFC 4180, UTF-8 with a BOM so Excel opens Chinese correctly) and Markdown of the pipeline and timelines.
/// Cells that a spreadsheet would run as a formula are neutralized with a leading apostrophe.
/// </summary>
public static class OutreachExport
{
    private static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static byte[] PipelineCsv(IEnumerable<OutreachStatusView> views, string? locale, TimeZoneInfo zone) =>
        Csv(PipelineHeaders(locale), PipelineRows(views, locale, zone));

    public static byte[] TimelineCsv(IEnumerable<TimelineEvent> events, string? locale, TimeZoneInfo zone) =>
        Csv(TimelineHeaders(locale), TimelineRows(events, zone));

    public static string PipelineMarkdown(IEnumerable<OutreachStatusView> views, string? locale, TimeZoneInfo zone) =>
        Markdown(BilingualText.IsChinese(locale) ? "拓展看板" : "Outreach pipeline", PipelineHeaders(locale), PipelineRows(views, locale, zone));

    public static string TimelineMarkdown(string title, IEnumerable<TimelineEvent> events, string? locale, TimeZoneInfo zone) =>
        Markdown(title, TimelineHeaders(locale), TimelineRows(events, zone));

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

    private static string[] PipelineHeaders(string? locale) => BilingualText.IsChinese(locale)
        ? ["产品想法", "负责人", "部门", "阶段", "最近联系", "联系人", "下一步", "截止时间", "倒计时", "达成时间", "距启动天数", "是否在截止前", "达成内容", "拍板人"]
        : ["Product idea", "Owner", "Department", "Stage", "Last contact", "Contact person", "Next action", "Deadline", "Countdown",
            "Agreed on", "Days from start", "Within deadline", "What was agreed", "Decided by"];

    private static string[] TimelineHeaders(string? locale) => BilingualText.IsChinese(locale)
        ? ["序号", "时间", "操作人", "事件", "部门", "详情"]
        : ["#", "Time", "Who", "Event", "Department", "Details"];

    private static IEnumerable<string?[]> PipelineRows(IEnumerable<OutreachStatusView> views, string? locale, TimeZoneInfo zone)
    {
        foreach (var view in OutreachStatus.Order(views))
        {
            var deadline = Stamp(view.Deadline, zone);
            var countdown = view.IsOpen ? view.Countdown.Text.For(locale) : string.Empty;
            if (view.Targets.Count == 0)
            {
                yield return [view.ProductIdea, view.OwnerKey, null, null, null, null, null, deadline, countdown, null, null, null, null, null];
            }

            foreach (var target in view.Targets)
            {
                yield return
                [
                    view.ProductIdea, view.OwnerKey, target.DepartmentName.For(locale), StageMachine.Name(target.Stage).For(locale),
                    target.LastContactAt is { } at ? Stamp(at, zone) : null, target.LastContactPerson, target.NextAction?.For(locale), deadline, countdown,
                    target.Agreement is { } agreement ? Stamp(agreement.At, zone) : null,
                    target.Pace?.Days.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    target.Pace is { } pace ? YesNo(pace.WithinDeadline, locale) : null,
                    target.Agreement?.Terms,
                    target.Agreement?.DecidedBy,
                ];
            }
        }
    }

    private static IEnumerable<string?[]> TimelineRows(IEnumerable<TimelineEvent> events, TimeZoneInfo zone) =>
        events.OrderBy(e => e.Sequence).Select(e => new string?[]
        {
            e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Stamp(e.At, zone), e.Actor, e.Kind.ToString(), e.DepartmentId, e.Details,
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

    private static string Markdown(string title, string[] headers, IEnumerable<string?[]> rows)
    {
        var builder = new StringBuilder();
        builder.Append("# ").Append(MarkdownCell(title)).Append('\n').Append('\n');
        builder.Append("| ").Append(string.Join(" | ", headers.Select(MarkdownCell))).Append(" |\n");
        builder.Append('|').Append(string.Concat(headers.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows)
        {
            builder.Append("| ").Append(string.Join(" | ", row.Select(MarkdownCell))).Append(" |\n");
        }

        return builder.ToString();
    }

    private static string YesNo(bool value, string? locale) => BilingualText.IsChinese(locale) ? value ? "是" : "否" : value ? "yes" : "no";

    private static string Stamp(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
