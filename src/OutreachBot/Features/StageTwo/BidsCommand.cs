using System.Globalization;
using OutreachBot.Chat;
using OutreachBot.Chat.Cards;
using OutreachBot.Chat.Commands;
using OutreachBot.Domain.StageTwo;
using OutreachBot.Features.Shared;
using OutreachBot.StageTwo;

namespace OutreachBot.Features.StageTwo;

/// <summary>
/// <c>bids</c> / <c>中标</c>: with bids.csv attached, imports it (all rows valid, or nothing); <c>bids &lt;path&gt;</c> reads a
/// local file in Development; <c>bids N</c> tallies the last N months (12 by default) with the corroboration ratio and
/// the chart.
/// </summary>
public sealed class BidsCommand(StageTwoWorkspace workspace, BidsFileReader files, BidsChartRenderer charts, IDownloadLinks links) : ICommandHandler
{
    public const int MaxMonths = 120;
    private const int MaxErrorsShown = 20;

    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        if (await workspace.OpenAsync(session, cancellationToken) is not { } scope)
        {
            return;
        }

        var arguments = request.Arguments.Trim();
        if (BidsFileReader.FileAttachment(session.Turn.Activity) is { } attachment && request.Source == InputSource.Text)
        {
            await ImportAsync(scope, await files.DownloadAsync(attachment, cancellationToken), session, cancellationToken);
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
        else if (request.Source == InputSource.Text)
        {
            await ImportAsync(scope, await files.ReadLocalAsync(arguments, cancellationToken), session, cancellationToken);
        }
        else
        {
            session.Reply(session.Text<StageTwoTexts>("Bids.Usage"));
        }
    }

    private async Task ImportAsync(StageTwoScope scope, BidsFile file, ChatSession session, CancellationToken cancellationToken)
    {
        if (file.Content is not { } content)
        {
            session.Reply(session.Text<StageTwoTexts>(file.ProblemKey!, file.ProblemArgs));
            return;
        }

        using var stream = new MemoryStream(content, writable: false);
        var result = new BidsCsvImporter(session.Clock, session.TimeZone).Import(stream);
        if (!result.Succeeded)
        {
            session.Reply(BidsCards.ImportErrors(file.FileName, result.Errors, MaxErrorsShown, session));
            return;
        }

        var saved = await workspace.Repository.ReplaceBidsAsync(scope.Requester, scope.Outreach.Id, result.Bids, file.FileName, cancellationToken);
        if (!saved.Succeeded)
        {
            session.Reply(session.Text<StageTwoTexts>("Save.Failed", session.Copy.Clauses(saved.Errors.Select(e => e.Message))));
            return;
        }

        session.Reply(session.Text<StageTwoTexts>("Bids.Imported", result.Bids.Count, file.FileName));
        await TallyAsync(scope with { Material = saved.Value! }, 12, session, cancellationToken);
    }

    private async Task TallyAsync(StageTwoScope scope, int months, ChatSession session, CancellationToken cancellationToken)
    {
        if (scope.Material.Bids is null)
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
}

public static class BidsCards
{
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
                .. StageTwoCards.SwitchAction(scope, session),
            ]);
    }
}
