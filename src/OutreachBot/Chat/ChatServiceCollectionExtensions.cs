using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OutreachBot.Chat.Flows;

namespace OutreachBot.Chat;

/// <summary>
/// The extension point. A feature adds its handlers with one line each, e.g.
/// <code>services.AddCommand&lt;StatusCommand&gt;(OutreachCommandSet.Status).AddFlow&lt;NewOutreachFlow&gt;().AddCardAction&lt;RecordOutcome, RecordOutcomeAction&gt;();</code>
/// </summary>
public static class ChatServiceCollectionExtensions
{
    public static IServiceCollection AddOutreachChat(this IServiceCollection services)
    {
        services.AddSingleton<ITextCatalog>(ResourceTextCatalog.Instance);
        services.AddSingleton<CommandCatalog>();
        services.AddSingleton<CommandParser>();
        services.AddSingleton<FlowEngine>();
        services.AddSingleton<ChatRouter>();
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>();
        services.TryAddSingleton<IChannelTrust, AuthenticatedTeamsTrust>();
        services.TryAddSingleton<IChannelRoster, TeamsRoster>();
        services.AddSingleton<ChannelIdentityResolver>();
        services.AddCommand<HelpCommand>(CoreCommandSet.Help);
        services.AddCommand<CancelCommand>(CoreCommandSet.Cancel);
        return services;
    }

    /// <summary>
    /// Routes <paramref name="command"/> (typed, submitted or executed) to <typeparamref name="THandler"/>, resolved per
    /// turn. The parser, the router and help know a command only through this registration.
    /// </summary>
    public static IServiceCollection AddCommand<THandler>(this IServiceCollection services, CommandDefinition command)
        where THandler : class, ICommandHandler
    {
        services.AddTransient<THandler>();
        services.AddSingleton(new CommandRegistration(command, typeof(THandler)));
        return services;
    }

    /// <summary>
    /// Routes the buttons that carry a <typeparamref name="TAction"/> (built by <c>CardActions.Verb(title, action)</c>) to
    /// <typeparamref name="THandler"/>, resolved per turn.
    /// </summary>
    public static IServiceCollection AddCardAction<TAction, THandler>(this IServiceCollection services)
        where TAction : ICardAction
        where THandler : class, ICardActionHandler
    {
        services.AddTransient<THandler>();
        services.AddSingleton(new CardActionRegistration(TAction.Verb, typeof(THandler)));
        return services;
    }

    /// <summary>Lets <typeparamref name="THandler"/> claim typed text that is not a command before help answers it.</summary>
    public static IServiceCollection AddFreeTextHandler<THandler>(this IServiceCollection services)
        where THandler : class, IFreeTextHandler
    {
        services.AddSingleton<IFreeTextHandler, THandler>();
        return services;
    }

    public static IServiceCollection AddFlow<TFlow>(this IServiceCollection services)
        where TFlow : ChatFlow
    {
        services.AddSingleton<ChatFlow, TFlow>();
        return services;
    }
}
