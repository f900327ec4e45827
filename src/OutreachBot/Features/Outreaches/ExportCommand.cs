using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using OutreachBot.Chat;
using OutreachBot.Chat.Commands;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Features.Shared;

namespace OutreachBot.Features.Outreaches;

/// <summary>The export files: the pipeline as CSV, every timeline as CSV, and both as one Markdown document.</summary>
public sealed record OutreachExportFiles(DownloadFile PipelineCsv, DownloadFile TimelinesCsv, DownloadFile Markdown)
{
    private static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static OutreachExportFiles Build(IReadOnlyList<OutreachHistory> outreaches, string locale, TimeZoneInfo zone, DateTimeOffset now)
    {
        var zh = BilingualText.IsChinese(locale);
        var views = outreaches.Select(o => o.View).ToList();
        var stamp = TimeZoneInfo.ConvertTime(now, zone).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);

        var csv = new StringBuilder();
        csv.Append(string.Join(',', (zh ? new[] { "产品想法", "序号", "时间", "操作人", "事件", "部门", "详情" } : ["Product idea", "#", "Time", "Who", "Event", "Department", "Details"]).Select(OutreachExport.CsvField))).Append("\r\n");
        var markdown = new StringBuilder(OutreachExport.PipelineMarkdown(views, locale, zone));
        foreach (var (view, events) in OutreachStatus.Order(views).Select(v => outreaches.First(o => o.View.OutreachId == v.OutreachId)))
        {
            foreach (var e in events.OrderBy(e => e.Sequence))
            {
                csv.Append(string.Join(',', new[]
                {
                    view.ProductIdea, e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    TimeZoneInfo.ConvertTime(e.At, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                    e.Actor, e.Kind.ToString(), e.DepartmentId, e.Details,
                }.Select(OutreachExport.CsvField))).Append("\r\n");
            }

            markdown.Append('\n').Append(OutreachExport.TimelineMarkdown(view.ProductIdea, events, locale, zone).Replace("# ", "## ", StringComparison.Ordinal));
        }

        return new OutreachExportFiles(
            new DownloadFile($"outreach-pipeline-{stamp}.csv", "text/csv", OutreachExport.PipelineCsv(views, locale, zone)),
            new DownloadFile($"outreach-timelines-{stamp}.csv", "text/csv", [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(csv.ToString())]),
            new DownloadFile($"outreach-{stamp}.md", "text/markdown", Encoding.UTF8.GetBytes(markdown.ToString())));
    }
}

/// <summary><c>export</c> / <c>导出</c>: CSV and Markdown of the pipeline and timelines, as expiring download links.</summary>
public sealed class ExportCommand(OutreachService outreaches, IDownloadLinks downloads, DailyQuotas quotas) : ICommandHandler
{
    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var histories = await outreaches.HistoryAsync(RequesterResolver.Resolve(session), cancellationToken);

        if (histories.Count == 0)
        {
            session.Reply(session.Text<OutreachTexts>("Export.Nothing"));
            return;
        }

        if (!await quotas.TryTakeAsync(QuotaKind.Export, session, cancellationToken))
        {
            session.Reply(session.Text<OutreachTexts>("Export.QuotaReached", quotas.Limit(QuotaKind.Export)));
            return;
        }

        var files = OutreachExportFiles.Build(histories, session.Culture.Name, session.TimeZone, session.Clock.GetUtcNow());
        session.Reply(OutreachCards.Export(
            new ExportLinks(
                histories.Count,
                await downloads.CreateAsync(files.PipelineCsv, session.User, cancellationToken),
                await downloads.CreateAsync(files.TimelinesCsv, session.User, cancellationToken),
                await downloads.CreateAsync(files.Markdown, session.User, cancellationToken)),
            session.Culture));
    }
}
