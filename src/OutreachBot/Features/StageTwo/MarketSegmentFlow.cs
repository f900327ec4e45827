using OutreachBot.Chat.Flows;
using OutreachBot.Domain.StageTwo;
using FlowStep = OutreachBot.Chat.Flows.FlowStep;

namespace OutreachBot.Features.StageTwo;

/// <summary>Name → customer count → its source → unit price (客单价) → penetration; a known name replaces that segment.</summary>
public sealed class MarketSegmentFlow(StageTwoWorkspace workspace) : ChatFlow
{
    public const string FlowName = "stage2.market";

    private static readonly AnswerKey<string> SegmentName = new("name");
    private static readonly AnswerKey<decimal> Count = new("count");
    private static readonly AnswerKey<string> Source = new("source");
    private static readonly AnswerKey<string> Price = new("price");
    private static readonly AnswerKey<string> Penetration = new("penetration");

    public override string Name => FlowName;

    public override IReadOnlyList<FlowStep> Steps { get; } =
    [
        FlowStep.Ask(SegmentName, new TextPrompt(s => s.Text<StageTwoTexts>("Market.AskName"), maxLength: 60)),
        FlowStep.Ask(Count, new NumberPrompt(s => s.Text<StageTwoTexts>("Market.AskCount"), 0, 10_000_000_000m)),
        FlowStep.Ask(Source, new TextPrompt(s => s.Text<StageTwoTexts>("Market.AskSource"), maxLength: 200)),
        FlowStep.Ask(Price, new TextPrompt(
            s => s.Text<StageTwoTexts>("Market.AskPrice"),
            (text, s) => StageTwoInput.Money(text, s) is { Amount: >= 0 } ? null : s.Text<StageTwoTexts>("Market.BadPrice"),
            maxLength: 60)),
        FlowStep.Ask(Penetration, new TextPrompt(
            s => s.Text<StageTwoTexts>("Market.AskPenetration"),
            (text, s) => StageTwoInput.Percent(text, s) is null ? s.Text<StageTwoTexts>("Market.BadPenetration") : null,
            maxLength: 30)),
    ];

    public override string Title(ChatSession session) => session.Text<StageTwoTexts>("Market.FlowTitle");

    public override async Task CompleteAsync(FlowAnswers answers, ChatSession session, CancellationToken cancellationToken)
    {
        if (await workspace.OpenAsync(session, answers, cancellationToken) is not { } scope)
        {
            return;
        }

        var (amount, named) = StageTwoInput.Money(answers.Get(Price), session)!.Value;
        var name = answers.Get(SegmentName);
        var source = answers.Get(Source);
        var saved = await workspace.UpdateAsync(session, scope, m =>
        {
            var others = m.Market?.Segments.Where(s => !string.Equals(s.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList() ?? [];
            // The company's home currency unless the PM names another one.
            var currency = named ?? m.Market?.Currency ?? Currency.CNY;
            var model = others.Count == 0
                ? (m.Market ?? MarketSizingModel.Empty(currency)) with { Currency = currency }
                : m.Market!;
            if (currency != model.Currency)
            {
                return Validated<StageTwoMaterial>.Invalid(new StageTwoError("market.currency", new Phrase("Market.CurrencyMismatch", currency.Code, model.Currency.Code)));
            }

            var segment = new MarketSegment(
                name.Trim(), (long)decimal.Round(answers.Get(Count)), StageTwoInput.IsNone(source) ? null : source, new Money(amount, currency), StageTwoInput.Percent(answers.Get(Penetration), session));
            return m.WithMarket(model.WithSegment(segment));
        }, cancellationToken);

        if (saved is not null)
        {
            session.Reply(MarketCards.Estimate(scope with { Material = saved }, session));
        }
    }
}
