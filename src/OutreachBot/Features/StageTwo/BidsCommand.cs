using System.Globalization;
using System.Text.RegularExpressions;
using OutreachBot.Domain.StageTwo;
using OutreachBot.Domain.Storage.StageTwo;
using OutreachBot.StageTwo;

namespace OutreachBot.Features.StageTwo;

/// <summary>
/// <c>bids</c> / <c>中标</c>: with bids.csv or .xlsx attached, imports it (all rows valid, or nothing); rows pasted after
/// the command (tab- or comma-separated, with or without the header) import the same way; <c>bids &lt;path&gt;</c> reads
/// a local file in Development; <c>bids N</c> tallies the last N months (12 by default) with the corroboration ratio
/// and the chart. A file without rows never replaces an earlier import: the user confirms with a button first. The bids
/// are shared by every partner; <c>bids &lt;department&gt; [N]</c> says which partner's brief the card leads to.
/// </summary>
public sealed partial class BidsCommand(StageTwoWorkspace workspace, BidsFileReader files, BidsChartRenderer charts, IDownloadLinks links) : ICommandHandler
{
    public const int MaxMonths = 120;
    public const string ClearKey = "clear";
    public const string FileKey = "file";
    private const int MaxErrorsShown = 20;
    private static readonly string[] ClearWords = ["clear", "清空", "清除"];

    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var (partner, afterPartner) = PartnerOf(request.Arguments.Trim());
        if (await workspace.OpenAsync(session, partner, new StageTwoRerun(StageTwoCommandSet.Bids.Name, afterPartner), cancellationToken) is not { } scope)
        {
            return;
        }

        var arguments = afterPartner;
        if (request.Data.TryGetValue(ClearKey, out var importId) && request.Source != InputSource.Text)
        {
            await ClearAsync(scope, importId, request.Data.GetValueOrDefault(FileKey) ?? "", session, cancellationToken);
        }
        else if (BidsFileReader.FileAttachment(session.Turn.Activity) is { } attachment && request.Source == InputSource.Text)
        {
            var serviceUrl = Uri.TryCreate(session.Turn.Activity.ServiceUrl, UriKind.Absolute, out var channel) ? channel : null;
            await ImportFileAsync(scope, await files.DownloadAsync(attachment, serviceUrl, cancellationToken), session, cancellationToken);
        }
        else if (request.Source == InputSource.Text && PastedRows(session.Turn.Activity.Text ?? "", request.Command) is { } pasted)
        {
            var result = new BidsCsvImporter(session.Clock, session.TimeZone).ImportText(pasted, session.Culture);
            await SaveAsync(scope, result, session.Text<StageTwoTexts>("Bids.PastedName"), session, cancellationToken);
        }
        else if (arguments.Length == 0)
        {
            await TallyAsync(scope, 12, session, cancellationToken);
        }
        else if (int.TryParse(arguments, NumberStyles.None, CultureInfo.InvariantCulture, out var months))
        {
            if (months is < 1 or > MaxMonths)
            {
                session.Reply(session.Text<StageTwoTexts>("Bids.BadMonths", MaxMonths));
                return;
            }

            await TallyAsync(scope, months, session, cancellationToken);
        }
        else if (ClearWords.Contains(arguments, StringComparer.OrdinalIgnoreCase))
        {
            AskToClear(scope, null, session);
        }
        else if (request.Source == InputSource.Text)
        {
            await ImportFileAsync(scope, await files.ReadLocalAsync(arguments, cancellationToken), session, cancellationToken);
        }
        else
        {
            session.Reply(session.Text<StageTwoTexts>("Bids.Usage"));
        }
    }

    /// <summary>
    /// "语音 6" / "speech": a department name (short, no path or row separators) with optional months after it. Anything
    /// else (a number, a path, pasted rows, "clear") is the command's own argument and names no partner.
    /// </summary>
    private static (string? Partner, string Remainder) PartnerOf(string arguments)
    {
        if (arguments.Length == 0 || arguments.Length > 60 || arguments.IndexOfAny(['/', '\\', '.', ',', '，', '\t', '\n', ':']) >= 0
            || ClearWords.Contains(arguments, StringComparer.OrdinalIgnoreCase))
        {
            return (null, arguments);
        }

        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var months = int.TryParse(words[^1], NumberStyles.None, CultureInfo.InvariantCulture, out _);
        var name = string.Join(' ', months ? words[..^1] : words);
        return name.Length == 0 || name.All(char.IsAsciiDigit) ? (null, arguments) : (name, months ? words[^1] : "");
    }

    /// <summary>
    /// What follows the command word when it is a table rather than a path or a number: several lines, tabs, or one
    /// comma-separated row. Read from the activity's own text, since the parsed arguments have their line breaks folded.
    /// </summary>
    internal static string? PastedRows(string rawText, CommandDefinition command)
    {
        var text = Mention().Replace(rawText, " ").TrimStart();
        text = text.TrimStart('/', '／').TrimStart();
        foreach (var form in command.AllForms.OrderByDescending(f => f.Length))
        {
            if (text.StartsWith(form, StringComparison.OrdinalIgnoreCase))
            {
                text = text[form.Length..];
                break;
            }
        }

        text = text.Trim(' ', '\r', '\n', '\u00A0');
        var table = text.Contains('\n', StringComparison.Ordinal) || text.Contains('\t', StringComparison.Ordinal) || text.Count(c => c == ',') >= 4;
        return table ? text : null;
    }

    private async Task ImportFileAsync(StageTwoScope scope, BidsFile file, ChatSession session, CancellationToken cancellationToken)
    {
        if (file.Content is not { } content)
        {
            session.Reply(session.Text<StageTwoTexts>(file.ProblemKey!, file.ProblemArgs));
            return;
        }

        var importer = new BidsCsvImporter(session.Clock, session.TimeZone);
        BidImportResult result;
        if (BidsWorkbookReader.IsWorkbook(file.FileName, content))
        {
            if (BidsWorkbookReader.Read(content, StageTwoRepository.MaxBids + 2) is not { } rows)
            {
                session.Reply(session.Text<StageTwoTexts>("Bids.NotAWorkbook", file.FileName));
                return;
            }

            result = importer.ImportRows(rows, session.Culture);
        }
        else
        {
            result = importer.ImportFile(content, session.Culture);
        }

        await SaveAsync(scope, result, file.FileName, session, cancellationToken);
    }

    private async Task SaveAsync(StageTwoScope scope, BidImportResult result, string fileName, ChatSession session, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            session.Reply(BidsCards.ImportErrors(fileName, result.Errors, MaxErrorsShown, session));
            return;
        }

        if (result.IsEmpty)
        {
            if (scope.Material.Bids is { Count: > 0 })
            {
                AskToClear(scope, fileName, session);
            }
            else
            {
                session.Reply(session.Text<StageTwoTexts>("Bids.EmptyNothingBefore", fileName));
            }

            return;
        }

        var saved = await workspace.Repository.ReplaceBidsAsync(scope.Requester, scope.Outreach.Id, result.Bids, fileName, cancellationToken: cancellationToken);
        if (!saved.Succeeded)
        {
            session.Reply(session.Text<StageTwoTexts>("Save.Failed", session.Copy.Clauses(saved.Errors.Select(e => e.Message))));
            return;
        }

        session.Reply(session.Copy.Sentences(session.Text<StageTwoTexts>("Bids.Imported", result.Bids.Count, fileName), HowRead(result, session)));
        await TallyAsync(scope with { Material = saved.Value! }, 12, session, cancellationToken);
    }

    /// <summary>"Text encoding: GBK." / "Read from the pasted rows (tab-separated). No header row, so …".</summary>
    private static string HowRead(BidImportResult result, ChatSession session)
    {
        string T(string key, params object?[] args) => session.Text<StageTwoTexts>(key, args);
        var how = result.Source switch
        {
            BidsSourceKind.File => T("Bids.Read.Encoding", result.Encoding?.Describe(session.Language == Language.Chinese) ?? "UTF-8"),
            BidsSourceKind.PastedText => T("Bids.Read.Pasted", T(result.Delimiter == '\t' ? "Bids.Read.Tabs" : "Bids.Read.Commas")),
            _ => T("Bids.Read.Workbook"),
        };
        return result.HadHeader ? how : session.Copy.Sentences(how, T("Bids.Read.NoHeader", string.Join(",", BidsCsvImporter.Columns)));
    }

    /// <summary>Asks before the imported bids are replaced by nothing; <paramref name="emptyFile"/> is the file that had no rows.</summary>
    private static void AskToClear(StageTwoScope scope, string? emptyFile, ChatSession session)
    {
        if (scope.Material.Bids is not { Count: > 0 } current)
        {
            session.Reply(session.Text<StageTwoTexts>("Bids.NothingToClear"));
            return;
        }

        session.Reply(BidsCards.ConfirmClear(scope, current, emptyFile, session));
    }

    private async Task ClearAsync(StageTwoScope scope, string importId, string fileName, ChatSession session, CancellationToken cancellationToken)
    {
        if (scope.Material.Bids is not { Count: > 0 } current || current.ImportId != importId)
        {
            session.Reply(session.Text<StageTwoTexts>(scope.Material.Bids is { Count: > 0 } ? "Bids.ClearStale" : "Bids.NothingToClear"));
            return;
        }

        var saved = await workspace.Repository.ReplaceBidsAsync(
            scope.Requester, scope.Outreach.Id, [], fileName.Length > 0 ? fileName : current.FileName, replacing: importId, cancellationToken: cancellationToken);
        session.Reply(saved.Succeeded
            ? session.Text<StageTwoTexts>("Bids.Cleared", current.Count)
            : session.Text<StageTwoTexts>("Save.Failed", string.Join("; ", saved.Errors.Select(e => session.Say(e.Message)))));
    }

    private async Task TallyAsync(StageTwoScope scope, int months, ChatSession session, CancellationToken cancellationToken)
    {
        if (scope.Material.Bids is not { Count: > 0 })
        {
            session.Reply(BidsCards.HowToImport(scope, session));
            return;
        }

        var bids = await workspace.Repository.LoadBidsAsync(scope.Requester, scope.Outreach.Id, cancellationToken);
        var today = DateOnly.FromDateTime(session.LocalNow.DateTime);
        var tally = BidTallies.Tally(bids.Value ?? [], BidPeriod.LastMonths(months, today)).Value;
        var estimate = scope.Material.Market is { Segments.Count: > 0 } model ? MarketSizeCalculator.Estimate(model) : null;
        var corroboration = estimate is null ? null : MarketCorroboration.Compare(tally, estimate);
        Uri? chart = null;
        if (tally.Count > 0)
        {
            var currency = estimate is not null && tally.In(estimate.Currency) is not null ? estimate.Currency : tally.ByCurrency[0].Currency;
            var image = charts.Render(tally, currency, session.Copy);
            chart = await links.CreateAsync(new DownloadFile("bids-chart.png", "image/png", image.Png), session.User, cancellationToken);
        }

        session.Reply(BidsCards.Tally(scope, tally, months, corroboration, chart, session));
    }

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Mention();
}

public static class BidsCards
{
    public static AdaptiveCard ConfirmClear(StageTwoScope scope, BidsImport current, string? emptyFile, ChatSession session)
    {
        string T(string key, params object?[] args) => session.Text<StageTwoTexts>(key, args);
        var imported = session.FormatDateTime(current.ImportedAt);
        var question = emptyFile is null
            ? T("Bids.ClearConfirm", current.Count, current.FileName, imported)
            : T("Bids.EmptyConfirm", emptyFile, current.Count, current.FileName, imported);
        var data = new Dictionary<string, string> { [BidsCommand.ClearKey] = current.ImportId, [BidsCommand.FileKey] = emptyFile ?? current.FileName };
        return new AdaptiveCard(
            [.. StageTwoCards.Header(T("Bids.Title"), scope, session), new TextBlock(question)],
            [
                CardActions.Verb(T("Button.ClearBids"), StageTwoCommandSet.Bids.Name, data),
                StageTwoCards.Command(session, "Button.KeepBids", StageTwoCommandSet.Bids),
            ]);
    }

    private const int MaxCompetitors = 10;

    public static AdaptiveCard ImportErrors(string fileName, IReadOnlyList<BidImportError> errors, int maxShown, ChatSession session)
    {
        string T(string key, params object?[] args) => session.Text<StageTwoTexts>(key, args);
        var body = new List<CardElement>
        {
            new TextBlock(T("Bids.ErrorsTitle", fileName, errors.Count)) { Weight = TextWeight.Bolder, Color = TextColor.Attention },
            new Table(
                [new(1), new(2), new(5)],
                [
                    StageTwoCards.HeaderRow(T("Bids.Col.Line"), T("Bids.Col.Column"), T("Bids.Col.Problem")),
                    .. errors.Take(maxShown).Select(e => StageTwoCards.Row(e.Line.ToString(CultureInfo.InvariantCulture), e.Column, session.Say(e.Message))),
                ]),
        };
        if (errors.Count > maxShown)
        {
            body.Add(new TextBlock(T("Bids.MoreErrors", errors.Count - maxShown)) { IsSubtle = true });
        }

        body.Add(new TextBlock(T("Bids.FixAndResend")));
        return new AdaptiveCard(body, [StageTwoCards.Command(session, "Button.Brief", StageTwoCommandSet.Brief)]);
    }

    public static AdaptiveCard HowToImport(StageTwoScope scope, ChatSession session)
    {
        string T(string key, params object?[] args) => session.Text<StageTwoTexts>(key, args);
        return new AdaptiveCard(
            [
                .. StageTwoCards.Header(T("Bids.Title"), scope, session),
                new TextBlock(T("Bids.HowTo")),
                new TextBlock(string.Join(",", BidsCsvImporter.Columns)) { IsSubtle = true },
                new TextBlock(T("Bids.HowToExample")) { IsSubtle = true },
            ],
            [StageTwoCards.Command(session, "Button.Market", StageTwoCommandSet.Market), StageTwoCards.Command(session, "Button.Brief", StageTwoCommandSet.Brief)]);
    }

    public static AdaptiveCard Tally(StageTwoScope scope, BidTally tally, int months, Corroboration? corroboration, Uri? chart, ChatSession session)
    {
        string T(string key, params object?[] args) => session.Text<StageTwoTexts>(key, args);
        var body = new List<CardElement>(StageTwoCards.Header(T("Bids.Title"), scope, session))
        {
            new TextBlock(T("Bids.Period", months, tally.Period.Describe(), tally.Count)),
        };
        if (scope.Material.Bids is { } import)
        {
            body.Add(new TextBlock(T("Bids.Source", import.FileName, import.Count, session.Copy.Value(import.ImportedAt))) { IsSubtle = true, Spacing = Spacing.None });
        }

        if (tally.Count == 0)
        {
            body.Add(new TextBlock(T("Bids.NoneInPeriod")) { Color = TextColor.Warning });
        }

        foreach (var currency in tally.ByCurrency)
        {
            body.Add(new TextBlock(T("Bids.CurrencyTotal", currency.Currency.Code, currency.Total, currency.Count)) { Weight = TextWeight.Bolder, Separator = true });
            body.Add(new Table(
                [new(4), new(2), new(1)],
                [
                    StageTwoCards.HeaderRow(T("Bids.Col.Competitor"), T("Bids.Col.Total"), T("Bids.Col.Count")),
                    .. currency.ByCompetitor.Take(MaxCompetitors).Select(c => StageTwoCards.Row(c.Competitor, session.Copy.Value(c.Total), c.Count.ToString(CultureInfo.InvariantCulture))),
                ]));
            if (currency.ByCompetitor.Count > MaxCompetitors)
            {
                body.Add(new TextBlock(T("Bids.MoreCompetitors", currency.ByCompetitor.Count - MaxCompetitors)) { IsSubtle = true, Spacing = Spacing.None });
            }
        }

        if (chart is not null)
        {
            body.Add(new Image(chart.AbsoluteUri) { AltText = T("Bids.ChartAlt"), Separator = true });
        }

        body.Add(new TextBlock(T("Bids.Corroboration")) { Weight = TextWeight.Bolder, Separator = true });
        body.Add(corroboration is null
            ? new TextBlock(T("Bids.NoEstimate")) { Color = TextColor.Warning }
            : new TextBlock(session.Say(corroboration.Explanation))
            {
                Color = corroboration.Reading switch
                {
                    CorroborationReading.Plausible => TextColor.Good,
                    CorroborationReading.CannotCompare => TextColor.Warning,
                    _ => TextColor.Attention,
                },
            });

        return new AdaptiveCard(
            body,
            [
                StageTwoCards.Command(session, "Button.Last6", StageTwoCommandSet.Bids, "6"),
                StageTwoCards.Command(session, "Button.Last12", StageTwoCommandSet.Bids, "12"),
                StageTwoCards.Command(session, "Button.Market", StageTwoCommandSet.Market),
                StageTwoCards.Command(session, "Button.Brief", StageTwoCommandSet.Brief),
                .. StageTwoCards.SwitchAction(scope, session, StageTwoCommandSet.Bids),
            ]);
    }
}
