using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OutreachBot.Domain.Directory.Leads;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.Storage;
using OutreachBot.Domain.Storage.Leads;
using OutreachBot.Domain.Storage.Outreaches;

namespace OutreachBot.Features.Outreaches;

public static class OutreachesFeature
{
    /// <summary>
    /// The outreach itself: new, pitch, contact, the three outcomes and the end states (agreed, dropped, reopen), status,
    /// pipeline and export. The domain services
    /// are added only if no other feature added them first.
    /// </summary>
    public static IServiceCollection AddOutreachesFeature(this IServiceCollection services)
    {
        services.AddOptions<OutreachOptions>().BindConfiguration(OutreachOptions.Section)
            .Validate(o => o.DefaultDeadlineDays is >= 1 and <= 365, "Outreach:DefaultDeadlineDays must be between 1 and 365.")
            .ValidateOnStart();
        services.TryAddOutreachUseCases();
        services.TryAddSingleton<LeadLog>();
        services.AddSingleton<OutreachRenderer>();
        services.AddSingleton<TeamMembers>();
        services.AddSingleton<PitchAudience>();
        services.AddSingleton<PitchPresenter>();
        services.AddSingleton<IOutreachEventSubscriber, FinderLeadRecorder>();
        services.AddSingleton<IReferralListener, ReferralOutreachListener>();
        return services
            .AddCommand<NewOutreachCommand>(OutreachCommandSet.New)
            .AddCommand<PitchCommand>(OutreachCommandSet.Pitch)
            .AddCommand<OutcomeCommand>(OutreachCommandSet.Outcome)
            .AddCommand<ReopenCommand>(OutreachCommandSet.Reopen)
            .AddCommand<StatusCommand>(OutreachCommandSet.Status)
            .AddCommand<PipelineCommand>(OutreachCommandSet.Pipeline)
            .AddCommand<ExportCommand>(OutreachCommandSet.Export)
            .AddFlow<NewOutreachFlow>()
            .AddFlow<PrepFlow>()
            .AddFlow<MeetingFlow>()
            .AddFlow<AgreementFlow>()
            .AddFlow<PitchEditFlow>()
            .AddFlow<PitchSupportFlow>()
            .AddCardAction<TargetDepartment, TargetDepartmentAction>()
            .AddCardAction<RecordContact, RecordContactAction>()
            .AddCardAction<RecordOutcome, RecordOutcomeAction>()
            .AddCardAction<AddTargetWithOutcome, AddTargetWithOutcomeAction>()
            .AddCardAction<BookMeeting, BookMeetingAction>()
            .AddCardAction<EditPrep, EditPrepAction>()
            .AddCardAction<ShowPitch, ShowPitchAction>()
            .AddCardAction<EditPitch, EditPitchAction>()
            .AddCardAction<ChangePitchSupport, ChangePitchSupportAction>();
    }

    /// <summary>
    /// The outreach use cases and the publisher that hands their events to every <see cref="IOutreachEventSubscriber"/>.
    /// Every feature that needs them calls this; the first call registers them.
    /// </summary>
    public static IServiceCollection TryAddOutreachUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new OutreachRepository(sp.GetRequiredService<IEntityStore>()));
        services.TryAddSingleton(_ => new NextActionPlaybook());
        services.TryAddSingleton<IOutreachEventPublisher, OutreachEventPublisher>();
        services.TryAddSingleton(sp => new OutreachService(
            sp.GetRequiredService<OutreachRepository>(),
            sp.GetService<IAlternativeDepartments>() ?? NoAlternativeDepartments.Instance,
            sp.GetRequiredService<NextActionPlaybook>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IOptions<OutreachOptions>>()?.Value,
            events: sp.GetRequiredService<IOutreachEventPublisher>()));
        return services;
    }

    /// <summary>Until a feature suggests alternative departments, a refusal suggests none (and the cards offer the search).</summary>
    private sealed class NoAlternativeDepartments : IAlternativeDepartments
    {
        public static NoAlternativeDepartments Instance { get; } = new();

        public Task<IReadOnlyList<AlternativeDepartment>> FindAsync(AlternativeDepartmentQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AlternativeDepartment>>([]);
    }
}
