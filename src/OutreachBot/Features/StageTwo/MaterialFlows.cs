using OutreachBot.Chat.Flows;
using OutreachBot.Domain.StageTwo;
using FlowStep = OutreachBot.Chat.Flows.FlowStep;

namespace OutreachBot.Features.StageTwo;

/// <summary>Customer → status → what we know (angel-customer signals); the same customer again updates it.</summary>
public sealed class OpportunityFlow(StageTwoWorkspace workspace, BriefCommand brief) : ChatFlow
{
    public const string FlowName = "stage2.opportunity";

    private static readonly AnswerKey<string> Customer = new("customer");
    private static readonly AnswerKey<string> Status = new("status");
    private static readonly AnswerKey<string> Signals = new("signals");

    private static readonly AngelSignals[] SignalOrder =
        [AngelSignals.ConfirmedPain, AngelSignals.BudgetAvailable, AngelSignals.WillingToPilot, AngelSignals.ExecutiveSponsor, AngelSignals.ExistingRelationship];

    public override string Name => FlowName;

    public override IReadOnlyList<FlowStep> Steps { get; } =
    [
        FlowStep.Ask(Customer, new TextPrompt(s => s.Text<StageTwoTexts>("Opportunity.AskCustomer"), maxLength: 100)),
        FlowStep.Ask(Status, new ChoicePrompt(
            s => s.Text<StageTwoTexts>("Opportunity.AskStatus"),
            s => [.. Enum.GetValues<OpportunityStatus>().Select(v => new Choice(s.Copy.Name(v), v.ToString()))])),
        FlowStep.Ask(Signals, new TextPrompt(
            s => s.Text<StageTwoTexts>("Opportunity.AskSignals"),
            (text, s) => ParseSignals(text) is null ? s.Text<StageTwoTexts>("Opportunity.BadSignals") : null,
            maxLength: 40)),
    ];

    public override string Title(ChatSession session) => session.Text<StageTwoTexts>("Opportunity.FlowTitle");

    public override async Task CompleteAsync(FlowAnswers answers, ChatSession session, CancellationToken cancellationToken)
    {
        if (await workspace.OpenAsync(session, answers, cancellationToken) is not { } scope)
        {
            return;
        }

        var opportunity = new Opportunity(answers.Get(Customer), Enum.Parse<OpportunityStatus>(answers.Get(Status)), ParseSignals(answers.Get(Signals))!.Value, LastContact: DateOnly.FromDateTime(session.LocalNow.DateTime));
        if (await workspace.UpdateAsync(session, scope, m => m.WithOpportunity(opportunity), cancellationToken) is { } saved)
        {
            var assessment = AngelCustomerAssessor.Assess(opportunity);
            session.Reply(session.Text<StageTwoTexts>("Opportunity.Saved", opportunity.Customer, assessment.Likelihood, saved.OpportunityList.Count));
            await brief.ShowAsync(scope with { Material = saved }, session, cancellationToken);
        }
    }

    /// <summary>"1 3", "1,3,5", "0" / "none": the numbered signals.</summary>
    internal static AngelSignals? ParseSignals(string text)
    {
        if (StageTwoInput.IsNone(text) || StageTwoInput.Normalize(text) == "0")
        {
            return AngelSignals.None;
        }

        var signals = AngelSignals.None;
        foreach (var part in StageTwoInput.Normalize(text).Split([' ', ',', '，', '、'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1 || number > SignalOrder.Length)
            {
                return null;
            }

            signals |= SignalOrder[number - 1];
        }

        return signals;
    }
}

/// <summary>Own modules → integrated systems → how users are reached → core flow → diagram link; replaces the panorama.</summary>
public sealed class PanoramaFlow(StageTwoWorkspace workspace, BriefCommand brief) : ChatFlow
{
    public const string FlowName = "stage2.panorama";

    private static readonly AnswerKey<string> Modules = new("modules");
    private static readonly AnswerKey<string> Systems = new("systems");
    private static readonly AnswerKey<string> Channels = new("channels");
    private static readonly AnswerKey<string> Steps_ = new("steps");
    private static readonly AnswerKey<string> Diagram = new("diagram");

    public override string Name => FlowName;

    public override IReadOnlyList<FlowStep> Steps { get; } =
    [
        FlowStep.Ask(Modules, new TextPrompt(s => s.Text<StageTwoTexts>("Panorama.AskModules"), maxLength: 1000)),
        FlowStep.Ask(Systems, new TextPrompt(
            s => s.Text<StageTwoTexts>("Panorama.AskSystems"),
            (text, s) => StageTwoInput.IsNone(text) || StageTwoInput.Lines(text).All(i => StageTwoInput.Pair(i) is not null) ? null : s.Text<StageTwoTexts>("Panorama.BadPairs"),
            maxLength: 1000)),
        FlowStep.Ask(Channels, new TextPrompt(s => s.Text<StageTwoTexts>("Panorama.AskChannels"), maxLength: 1000)),
        FlowStep.Ask(Steps_, new TextPrompt(
            s => s.Text<StageTwoTexts>("Panorama.AskFlow"),
            (text, s) => StageTwoInput.Lines(text).All(i => StageTwoInput.Pair(i) is not null) ? null : s.Text<StageTwoTexts>("Panorama.BadPairs"),
            maxLength: 1500)),
        FlowStep.Ask(Diagram, new TextPrompt(
            s => s.Text<StageTwoTexts>("Panorama.AskDiagram"),
            (text, s) => StageTwoInput.IsNone(text) || ParseDiagram(text) is { IsValid: true } ? null : s.Say(ParseDiagram(text).Errors[0].Message),
            maxLength: 500)),
    ];

    public override string Title(ChatSession session) => session.Text<StageTwoTexts>("Panorama.FlowTitle");

    public override async Task CompleteAsync(FlowAnswers answers, ChatSession session, CancellationToken cancellationToken)
    {
        if (await workspace.OpenAsync(session, answers, cancellationToken) is not { } scope)
        {
            return;
        }

        var panorama = new ProductPanorama(
            Items(answers.Get(Modules)),
            StageTwoInput.IsNone(answers.Get(Systems)) ? [] : [.. StageTwoInput.Lines(answers.Get(Systems)).Select(i => StageTwoInput.Pair(i)!.Value).Select(p => new IntegratedSystem(p.Name, p.Detail))],
            Items(answers.Get(Channels)),
            [],
            StageTwoInput.IsNone(answers.Get(Diagram)) ? [] : [ParseDiagram(answers.Get(Diagram)).Value]);
        panorama = StageTwoInput.Lines(answers.Get(Steps_)).Select(i => StageTwoInput.Pair(i)!.Value).Aggregate(panorama, (p, step) => p.WithStep(step.Name, step.Detail));
        if (await workspace.UpdateAsync(session, scope, m => Validated<StageTwoMaterial>.Valid(m with { Panorama = panorama }), cancellationToken) is { } saved)
        {
            session.Reply(session.Text<StageTwoTexts>("Panorama.Saved", panorama.OwnModules.Count, panorama.IntegratedSystems.Count, panorama.CoreFlow.Count));
            await brief.ShowAsync(scope with { Material = saved }, session, cancellationToken);
        }
    }

    private static IReadOnlyList<string> Items(string text) => StageTwoInput.IsNone(text) ? [] : StageTwoInput.List(text);

    /// <summary>"架构图 https://…" or just the URL (titled "diagram").</summary>
    private static Validated<DiagramLink> ParseDiagram(string text)
    {
        var t = StageTwoInput.Normalize(text);
        var i = t.LastIndexOf(' ');
        return i < 0 ? DiagramLink.Create("Diagram", t) : DiagramLink.Create(t[..i].Trim(), t[(i + 1)..]);
    }
}

/// <summary>Tasks with owners → charging model → revenue split (must total 100%); replaces the work boundary agreed with the partner.</summary>
public sealed class WorkSplitFlow(StageTwoWorkspace workspace, BriefCommand brief) : ChatFlow
{
    public const string FlowName = "stage2.work";

    private static readonly AnswerKey<string> Tasks = new("tasks");
    private static readonly AnswerKey<string> Charging = new("charging");
    private static readonly AnswerKey<string> Split = new("split");

    public override string Name => FlowName;

    public override IReadOnlyList<FlowStep> Steps { get; } =
    [
        FlowStep.Ask(Tasks, new TextPrompt(
            s => s.Text<StageTwoTexts>("Work.AskTasks"),
            (text, s) => StageTwoInput.Lines(text).FirstOrDefault(i => StageTwoInput.Task(i) is null) is { } bad ? s.Text<StageTwoTexts>("Work.BadTask", bad) : null,
            maxLength: 2000)),
        FlowStep.Ask(Charging, new ChoicePrompt(
            s => s.Text<StageTwoTexts>("Work.AskCharging"),
            s => [.. Enum.GetValues<ChargingModel>().Select(v => new Choice(s.Copy.Name(v), v.ToString()))])),
        FlowStep.Ask(Split, new TextPrompt(
            s => s.Text<StageTwoTexts>("Work.AskSplit"),
            (text, s) => SplitProblem(text, s),
            maxLength: 300)),
    ];

    public override string Title(ChatSession session) => session.Text<StageTwoTexts>("Work.FlowTitle");

    public override async Task CompleteAsync(FlowAnswers answers, ChatSession session, CancellationToken cancellationToken)
    {
        if (await workspace.OpenAsync(session, answers, cancellationToken) is not { } scope)
        {
            return;
        }

        var items = StageTwoInput.Lines(answers.Get(Tasks)).Select(i => StageTwoInput.Task(i)!.Value).Select(t => new WorkItem(t.Task, t.Owner)).ToList();
        var split = RevenueSplit.Create(StageTwoInput.Shares(answers.Get(Split))!).Value;
        var work = new WorkBoundary(items, Enum.Parse<ChargingModel>(answers.Get(Charging)), null, split);
        if (await workspace.UpdateAsync(session, scope, m => m.WithWork(work, scope.PartnerId), cancellationToken) is { } saved)
        {
            session.Reply(session.Text<StageTwoTexts>("Work.Saved", items.Count, session.Copy.List(split.Shares.Select(sh => $"{sh.Party} {RevenueSplit.Pct(sh.Share)}").ToList())));
            await brief.ShowAsync(scope with { Material = saved }, session, cancellationToken);
        }
    }

    /// <summary>The reason a split cannot be used (unreadable, or not totalling 100%), in the user's language.</summary>
    private static string? SplitProblem(string text, ChatSession session)
    {
        if (StageTwoInput.Shares(text) is not { } shares)
        {
            return session.Text<StageTwoTexts>("Work.BadSplit");
        }

        var split = RevenueSplit.Create(shares);
        return split.IsValid ? null : session.Copy.Clauses(split.Errors.Select(e => e.Message));
    }
}

/// <summary>The ask of the brief: the decision we want from this partner.</summary>
public sealed class AskFlow(StageTwoWorkspace workspace, BriefCommand brief) : ChatFlow
{
    public const string FlowName = "stage2.ask";

    private static readonly AnswerKey<string> Ask = new("ask");

    public override string Name => FlowName;

    public override IReadOnlyList<FlowStep> Steps { get; } =
    [
        FlowStep.Ask(Ask, new TextPrompt(s => s.Text<StageTwoTexts>("Ask.Ask"), maxLength: 500)),
    ];

    public override string Title(ChatSession session) => session.Text<StageTwoTexts>("Ask.FlowTitle");

    public override async Task CompleteAsync(FlowAnswers answers, ChatSession session, CancellationToken cancellationToken)
    {
        if (await workspace.OpenAsync(session, answers, cancellationToken) is not { } scope)
        {
            return;
        }

        if (await workspace.UpdateAsync(session, scope, m => Validated<StageTwoMaterial>.Valid(m.WithAsk(answers.Get(Ask), scope.PartnerId)), cancellationToken) is { } saved)
        {
            await brief.ShowAsync(scope with { Material = saved }, session, cancellationToken);
        }
    }
}
