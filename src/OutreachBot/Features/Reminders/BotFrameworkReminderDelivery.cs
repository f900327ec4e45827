using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Rest;
using Newtonsoft.Json.Linq;
using OutreachBot.Chat.Output;
using OutreachBot.Domain.Reminders;
using OutreachBot.Hosting;
using OutreachBot.Storage.ConversationReferences;
using OutreachBot.Storage.ReminderDeliveries;
using OutreachBot.Storage.UserProfiles;
using OutreachBot.Storage.UserStates;

namespace OutreachBot.Features.Reminders;

/// <summary>
/// Sends a reminder as a proactive message with the CloudAdapter's ContinueConversationAsync on the stored conversation
/// reference (the user's 1:1 chat when there is one), in the owner's language and time zone, and maps the connector's
/// answers to <see cref="DeliveryResult"/>: 429 → RetryAfter (Retry-After header), 403/404 → Blocked,
/// 5xx/408/412/network → TransientFailure.
/// Idempotency: every send carries its key in channelData, and the connector's acceptance is recorded in
/// <see cref="ReminderDeliveryLog"/> before this method returns; a retry of the same key that finds the record does not
/// send again. What remains (at-least-once, docs/reliability.md "Reminder duplicate window"): a crash after the connector
/// has posted the message and before that record is written sends it again when the claim's lease runs out. That window
/// is the connector round trip after it commits the post plus the record's write — not milliseconds when the connector is
/// slow — because the Bot Connector API has no idempotent POST to ask.
/// </summary>
public sealed class BotFrameworkReminderDelivery(
    OutreachCloudAdapter adapter,
    IOptions<BotIdentityOptions> identity,
    IOptions<ReminderOptions> options,
    ConversationReferenceStore references,
    UserProfileStore profiles,
    UserStateStore userStates,
    ReminderDeliveryLog log,
    TimeProvider time,
    ILogger<BotFrameworkReminderDelivery> logger) : IReminderDelivery
{
    public const string ChannelDataMarker = "outreachBotDelivery";

    public async Task<DeliveryResult> SendAsync(Reminder reminder, string idempotencyKey, bool isLate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        if (await log.FindAsync(idempotencyKey, cancellationToken) is { } earlier)
        {
            logger.LogWarning("Reminder {Key} was already accepted by the connector at {SentAt}; not sending it again", idempotencyKey, earlier.SentAt);
            return DeliveryResult.Success;
        }

        var owner = new UserKey(reminder.OwnerKey);
        var reference = await FindReferenceAsync(owner, reminder.ConversationKey, cancellationToken);
        if (reference is null)
        {
            return new DeliveryResult.Blocked("no conversation");
        }

        var profile = await profiles.GetAsync(owner, cancellationToken);
        var language = Language.FromLocale(profile.Language ?? reference.Locale);
        var culture = language.Culture;
        var zone = profile.TimeZoneId is { } zoneId && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var card = ReminderCards.Delivered(reminder, isLate, time.GetUtcNow(), zone, culture);

        DeliveryResult result = new DeliveryResult.TransientFailure("the adapter did not run the turn");
        await adapter.ContinueConversationAsync(identity.Value.MicrosoftAppId ?? string.Empty, reference, async (turn, token) =>
        {
            // Caught here: an exception escaping the callback would go to the adapter's OnTurnError, which apologises to the user.
            try
            {
                var response = await turn.SendActivityAsync(await ActivityForAsync(owner, turn, card, idempotencyKey, language, token), token);
                await RecordSentAsync(idempotencyKey, reference.Conversation.Id, response?.Id, token);
                result = DeliveryResult.Success;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
            {
                result = Classify(exception);
                logger.LogWarning(exception, "Reminder {Key} to {Conversation}: {Result}", idempotencyKey, reference.Conversation.Id, result);
            }
        }, cancellationToken);
        return result;
    }

    private async Task<ConversationReference?> FindReferenceAsync(UserKey owner, string conversationKey, CancellationToken cancellationToken)
    {
        var all = await references.FindAllAsync(owner, cancellationToken);
        var chosen = all.FirstOrDefault(r => r.ConversationType == "personal" && r.Reference.Conversation?.Id == conversationKey)
            ?? all.FirstOrDefault(r => r.ConversationType == "personal")
            ?? all.FirstOrDefault(r => r.Reference.Conversation?.Id == conversationKey)
            ?? all.FirstOrDefault();
        return chosen?.Reference;
    }

    private async Task<IActivity> ActivityForAsync(UserKey owner, ITurnContext turn, Chat.Cards.AdaptiveCard card, string idempotencyKey, Language language, CancellationToken cancellationToken)
    {
        Activity activity;
        if (ChannelResponder.SupportsCards(turn.Activity.ChannelId))
        {
            activity = (Activity)MessageFactory.Attachment(ChannelResponder.ToAttachment(card));
        }
        else
        {
            var choices = new List<NumberedChoice>();
            var markdown = ChannelResponder.RendersMarkdown(turn.Activity.ChannelId);
            activity = MessageFactory.Text(CardTextRenderer.Render(card, choices, markdown) + "\n" + Texts<ChatTexts>.Get(language, "Text.ReplyWithNumber"));
            await RememberChoicesAsync(owner, turn, choices, cancellationToken);
        }

        activity.ChannelData = new JObject
        {
            [ChannelDataMarker] = new JObject { ["idempotencyKey"] = idempotencyKey },
            ["notification"] = new JObject { ["alert"] = true },
        };
        return activity;
    }

    /// <summary>
    /// On a channel without cards the buttons are numbered; the owner's next "1" must find them in their state in this
    /// conversation (the continuation turn's user is the reference's user).
    /// </summary>
    private async Task RememberChoicesAsync(UserKey owner, ITurnContext turn, List<NumberedChoice> choices, CancellationToken cancellationToken)
    {
        var state = (await userStates.ReadAsync(owner, turn.Activity, cancellationToken)).Conversation;
        state.Data.Choices = choices;
        await userStates.SaveAsync(state, cancellationToken);
    }

    private async Task RecordSentAsync(string idempotencyKey, string conversationId, string? activityId, CancellationToken cancellationToken)
    {
        try
        {
            await log.RecordAsync(idempotencyKey, conversationId, activityId, cancellationToken);
        }
        catch (Domain.Storage.StorageUnavailableException exception)
        {
            // The message is out; failing now would make the dispatcher send it again.
            logger.LogWarning(exception, "Sent reminder {Key} but could not record it; a retry of this key could repeat it", idempotencyKey);
        }
    }

    private DeliveryResult Classify(Exception exception)
    {
        HttpResponseMessageWrapper? response = exception switch
        {
            ErrorResponseException e => e.Response,
            HttpOperationException e => e.Response,
            _ => null,
        };
        if (response is null)
        {
            return new DeliveryResult.TransientFailure(exception.GetType().Name + ": " + exception.Message);
        }

        var reason = $"{(int)response.StatusCode} {Truncate(response.Content)}".Trim();
        return (int)response.StatusCode switch
        {
            429 => new DeliveryResult.RetryAfter(RetryAfter(response.Headers) ?? options.Value.DefaultRetryAfter),
            403 or 404 => new DeliveryResult.Blocked(reason),
            _ => new DeliveryResult.TransientFailure(reason),
        };
    }

    private TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers)
    {
        var value = headers?.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at - time.GetUtcNow() is var delay && delay > TimeSpan.Zero ? delay : TimeSpan.Zero
            : null;
    }

    private static string Truncate(string? content) =>
        content is null ? string.Empty : content.Length <= 300 ? content : content[..300];
}
