using System.Text;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Outreaches;

/// <summary>The export files: the pipeline as CSV, every timeline as CSV, and both as one Markdown document.</summary>
public sealed record OutreachExportFiles(DownloadFile PipelineCsv, DownloadFile TimelinesCsv, DownloadFile Markdown)
{
    /// <param name="copy">The reader's language and time zone.</param>
    /// <param name="nameOf">A user key → the name the reader knows them by.</param>
    public static OutreachExportFiles Build(IReadOnlyList<OutreachHistory> outreaches, Copy copy, Func<string, string> nameOf, DateTimeOffset now)
    {
        var views = outreaches.Select(o => o.View).ToList();
        var stamp = TimeZoneInfo.ConvertTime(now, copy.TimeZone).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return new OutreachExportFiles(
            new DownloadFile($"outreach-pipeline-{stamp}.csv", "text/csv", OutreachExport.PipelineCsv(views, copy, nameOf)),
            new DownloadFile($"outreach-timelines-{stamp}.csv", "text/csv", OutreachExport.TimelinesCsv(outreaches, copy, nameOf)),
            new DownloadFile($"outreach-{stamp}.md", "text/markdown", Encoding.UTF8.GetBytes(OutreachExport.Markdown(outreaches, copy, nameOf))));
    }
}

/// <summary><c>export</c> / <c>导出</c>: CSV and Markdown of the pipeline and timelines, as expiring download links.</summary>
public sealed class ExportCommand(OutreachService outreaches, IDownloadLinks downloads, DailyQuotas quotas, OutreachRenderer renderer) : ICommandHandler
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

        var people = histories.SelectMany(h => h.Events.Select(e => e.Actor).Prepend(h.View.OwnerKey));
        var nameOf = await renderer.NamesAsync(people, session, cancellationToken);
        var files = OutreachExportFiles.Build(histories, session.Copy, nameOf, session.Clock.GetUtcNow());
        session.Reply(OutreachCards.Export(
            new ExportLinks(
                histories.Count,
                await downloads.CreateAsync(files.PipelineCsv, session.User, cancellationToken),
                await downloads.CreateAsync(files.TimelinesCsv, session.User, cancellationToken),
                await downloads.CreateAsync(files.Markdown, session.User, cancellationToken)),
            session.Culture));
    }
}
