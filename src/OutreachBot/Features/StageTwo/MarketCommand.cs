using System.Globalization;
using OutreachBot.Domain.StageTwo;

namespace OutreachBot.Features.StageTwo;

/// <summary>
/// <c>market [department]</c> / <c>市场 [部门]</c>: the estimate card (the market is shared by every partner; the
/// department says which partner's brief the card leads to). <c>market add</c> adds or edits a segment (same name =
/// edit), <c>market remove &lt;segment&gt;</c> removes one, <c>market currency &lt;ISO code&gt;</c> sets the estimate's currency.
/// </summary>
public sealed class MarketCommand(StageTwoWorkspace workspace) : ICommandHandler
{
    private static readonly string[] Verbs = ["add", "edit", "添加", "编辑", "修改", "remove", "delete", "删除", "currency", "币种"];

    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var (verb, rest) = Split(request.Arguments);
        var partner = verb.Length > 0 && !Verbs.Contains(verb) ? request.Arguments.Trim() : null;

        if (await workspace.OpenAsync(session, partner, new StageTwoRerun(StageTwoCommandSet.Market.Name, partner is null ? request.Arguments.Trim() : null), cancellationToken) is not { } scope)
        {
            return;
        }

        switch (partner is null ? verb : "")
        {
            case "":
                session.Reply(MarketCards.Estimate(scope, session));
                break;
            case "add" or "edit" or "添加" or "编辑" or "修改":
                await session.StartFlowAsync(MarketSegmentFlow.FlowName, cancellationToken, scope.FlowGiven());
                break;
            case "remove" or "delete" or "删除":
                await RemoveAsync(scope, rest, session, cancellationToken);
                break;
            case "currency" or "币种":
                await SetCurrencyAsync(scope, rest, session, cancellationToken);
                break;
            default:
                session.Reply(session.Text<StageTwoTexts>("Market.Usage"));
                break;
        }
    }

    private async Task RemoveAsync(StageTwoScope scope, string name, ChatSession session, CancellationToken cancellationToken)
    {
        var model = scope.Material.Market;
        if (name.Length == 0 || model is null || !model.Segments.Any(s => string.Equals(s.Name.Trim(), name, StringComparison.OrdinalIgnoreCase)))
        {
            session.Reply(session.Text<StageTwoTexts>("Market.NoSuchSegment", name, session.Copy.List(model?.Segments.Select(s => s.Name).ToList() ?? [])));
            return;
        }

        if (await workspace.UpdateAsync(session, scope, m => m.WithMarket(m.Market!.WithoutSegment(name)), cancellationToken) is { } saved)
        {
            session.Reply(MarketCards.Estimate(scope with { Material = saved }, session));
        }
    }

    private async Task SetCurrencyAsync(StageTwoScope scope, string code, ChatSession session, CancellationToken cancellationToken)
    {
        if (!Currency.TryParse(code, out var currency))
        {
            session.Reply(session.Text<StageTwoTexts>("Market.UnknownCurrency", code));
            return;
        }

        if (await workspace.UpdateAsync(session, scope, m => m.WithMarket((m.Market ?? MarketSizingModel.Empty(currency)) with { Currency = currency }), cancellationToken) is { } saved)
        {
            session.Reply(MarketCards.Estimate(scope with { Material = saved }, session));
        }
    }

    private static (string Verb, string Remainder) Split(string arguments)
    {
        var parts = arguments.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
        return (parts[0].ToLowerInvariant(), parts.Length > 1 ? parts[1] : "");
    }
}

public static class MarketCards
{
    public static AdaptiveCard Estimate(StageTwoScope scope, ChatSession session)
    {
        string T(string key, params object?[] args) => session.Text<StageTwoTexts>(key, args);
        var body = new List<CardElement>(StageTwoCards.Header(T("Market.Title"), scope, session));
        var model = scope.Material.Market;
        if (model is null || model.Segments.Count == 0)
        {
            body.Add(new TextBlock(T("Market.Empty")));
        }
        else
        {
            var estimate = MarketSizeCalculator.Estimate(model);
            body.Add(new TextBlock(T("Market.Currency", model.Currency.Code)) { IsSubtle = true });
            body.Add(new Table(
                [new(3), new(3), new(2), new(2), new(2)],
                [
                    StageTwoCards.HeaderRow(T("Market.Col.Segment"), T("Market.Col.Customers"), T("Market.Col.UnitPrice"), T("Market.Col.Penetration"), T("Market.Col.Size")),
                    .. estimate.Segments.Select(s => StageTwoCards.Row(
                        s.Segment.Name,
                        (s.Segment.CustomerCount?.ToString("#,0", CultureInfo.InvariantCulture) ?? "?") + (s.Segment.CountSource is { Length: > 0 } source ? $" ({source})" : ""),
                        s.Segment.UnitPrice is { } price ? session.Copy.Value(price) : "?",
                        s.Segment.Penetration is { } rate ? (rate * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "?",
                        s.ExpectedSize is { } size ? session.Copy.Value(size) : "—")),
                ]));
            body.Add(new TextBlock(T("Market.Formula")) { Weight = TextWeight.Bolder });
            body.AddRange(estimate.Segments.Select(s => (CardElement)new TextBlock(session.Say(s.Formula)) { Spacing = Spacing.None }));
            body.AddRange(estimate.Segments.SelectMany(s => s.Issues).Select(i => (CardElement)new TextBlock((i.Blocking ? "☐ " : "• ") + session.Say(i.Message))
            {
                Color = i.Blocking ? TextColor.Attention : null,
                IsSubtle = i.Blocking ? null : true,
                Spacing = Spacing.None,
            }));
            body.Add(new TextBlock(T("Market.Total", estimate.TotalExpectedSize, estimate.TotalCapacity)) { Weight = TextWeight.Bolder, Separator = true });
            body.Add(new TextBlock(session.Say(estimate.Formula)) { IsSubtle = true, Spacing = Spacing.None });
            body.Add(new TextBlock(T("Market.EditHint")) { IsSubtle = true });
        }

        return new AdaptiveCard(
            body,
            [
                StageTwoCards.Command(session, "Button.AddSegment", StageTwoCommandSet.Market, "add"),
                StageTwoCards.Command(session, "Button.Bids", StageTwoCommandSet.Bids),
                StageTwoCards.Command(session, "Button.Brief", StageTwoCommandSet.Brief),
                .. StageTwoCards.SwitchAction(scope, session, StageTwoCommandSet.Market),
            ]);
    }
}
