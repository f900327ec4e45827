using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using OutreachBot.Storage.Resilience;

namespace OutreachBot.Hosting;

/// <summary>
/// Gives each turn its storage budget (<see cref="StorageDeadline"/>): a card action (invoke) less than a message, so a
/// hung store still lets the apology reach the user inside Teams' limits (5 s and 15 s).
/// </summary>
public sealed class StorageBudgetMiddleware(StorageResilienceOptions options) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var budget = turnContext.Activity.Type == ActivityTypes.Invoke ? options.InvokeTurnBudget : options.MessageTurnBudget;
        using (StorageDeadline.Begin(budget))
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
    }
}
