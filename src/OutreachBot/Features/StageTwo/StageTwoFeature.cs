using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.Storage;
using OutreachBot.Domain.Storage.Outreaches;
using OutreachBot.Domain.Storage.StageTwo;
using OutreachBot.Features.Outreaches;
using OutreachBot.StageTwo;

namespace OutreachBot.Features.StageTwo;

public static class StageTwoFeature
{
    /// <summary>The stage-2 kit: market, bids, brief and the small flows behind the brief's buttons.</summary>
    public static IServiceCollection AddStageTwoFeature(this IServiceCollection services)
    {
        // The outreach feature owns these registrations; TryAdd keeps stage 2 working on its own (and in tests)
        // without ever replacing the outreach feature's.
        services.TryAddOutreachUseCases();

        services.AddSingleton<StageTwoRepository>();
        services.AddSingleton<StageTwoWorkspace>();
        services.AddSingleton<BidsChartRenderer>();
        services.AddSingleton<BidsFileReader>();
        services.AddAttachmentDownloads();
        return services
            .AddCommand<MarketCommand>(StageTwoCommandSet.Market)
            .AddCommand<BidsCommand>(StageTwoCommandSet.Bids)
            .AddCommand<BriefCommand>(StageTwoCommandSet.Brief)
            .AddCardAction<SwitchOutreach, SwitchOutreachAction>()
            .AddCardAction<FocusOutreach, FocusOutreachAction>()
            .AddCardAction<ChoosePartner, PartnerChoiceAction>()
            .AddFlow<MarketSegmentFlow>()
            .AddFlow<OpportunityFlow>()
            .AddFlow<PanoramaFlow>()
            .AddFlow<WorkSplitFlow>()
            .AddFlow<AskFlow>();
    }
}
