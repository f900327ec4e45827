using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using OutreachBot.Domain.Storage;

namespace OutreachBot.Hosting;

/// <summary>CloudAdapter whose turn-error handler logs, apologises in the user's language and never shows a stack trace.</summary>
public sealed class OutreachCloudAdapter : CloudAdapter
{
    private const string MessageResponseType = "application/vnd.microsoft.activity.message";

    public OutreachCloudAdapter(BotFrameworkAuthentication authentication, ILogger<OutreachCloudAdapter> logger)
        : base(authentication, new TurnDetailLogger(logger))
    {
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Turn failed for activity {ActivityType} in {Conversation}", turnContext.Activity.Type, turnContext.Activity.Conversation?.Id);
            var culture = turnContext.TurnState.Get<CultureInfo>(OutreachActivityHandler.CultureTurnStateKey) ?? Language.FromLocale(turnContext.Activity.Locale).Culture;
            var key = exception is StorageUnavailableException ? "Error.StorageUnavailable" : "Error.Generic";
            var apology = Texts<HostTexts>.Get(culture, key);
            try
            {
                // A card action waits for its invoke response (5 s in Teams): the apology is that response, shown on the card.
                await turnContext.SendActivityAsync(turnContext.Activity.Type == ActivityTypes.Invoke
                    ? new Activity
                    {
                        Type = ActivityTypesEx.InvokeResponse,
                        Value = new InvokeResponse
                        {
                            Status = 200,
                            Body = new AdaptiveCardInvokeResponse { StatusCode = 200, Type = MessageResponseType, Value = apology },
                        },
                    }
                    : MessageFactory.Text(apology));
            }
            catch (Exception sendFailure) when (sendFailure is not OperationCanceledException)
            {
                logger.LogWarning(sendFailure, "Could not tell the user about the failed turn");
            }
        };
    }

    /// <summary>
    /// Runs the turn for an activity the edge has already authenticated (so it is validated once) and writes the HTTP
    /// answer as <see cref="CloudAdapter.ProcessAsync(HttpRequest, HttpResponse, IBot, CancellationToken)"/> would.
    /// </summary>
    public async Task ProcessAuthenticatedAsync(AuthenticateRequestResult authentication, Activity activity, IBot bot, HttpResponse response, CancellationToken cancellationToken)
    {
        var invokeResponse = await ProcessActivityAsync(authentication, activity, bot.OnTurnAsync, cancellationToken);
        await HttpHelper.WriteResponseAsync(response, invokeResponse);
    }
}
