using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OutreachBot.Chat.Flows;
using OutreachBot.Chat.Output;
using OutreachBot.Storage.ConversationReferences;
using OutreachBot.Storage.UserProfiles;
using OutreachBot.Storage.UserStates;

namespace OutreachBot.Chat;

/// <summary>
/// The bot: turns each activity into a <see cref="ChatInput"/> for the <see cref="ChatRouter"/>, answers card
/// invokes, welcomes new users and records conversation references. Routing only; no feature logic here.
/// </summary>
public sealed class OutreachActivityHandler(
    UserStateStore userStates,
    ConversationState legacyConversationState,
    UserProfileStore profiles,
    ChannelIdentityResolver identities,
    ConversationReferenceStore references,
    ChatRouter router,
    CommandCatalog commands,
    FlowEngine flows,
    TimeProvider clock,
    ILogger<OutreachActivityHandler> logger) : ActivityHandler
{
    public const string CultureTurnStateKey = "OutreachBot.Culture";
    private const string LegacyStateTakenKey = "OutreachBot.LegacyStateTaken";
    private const string UserStateKey = "OutreachBot.UserConversationState";
    private const string AdaptiveCardActionInvoke = "adaptiveCard/action";
    private const string ErrorContentType = "application/vnd.microsoft.error";

    // Before per-user state, a conversation had one ConversationData; a personal chat's is taken over once (see OpenSessionAsync).
    private readonly IStatePropertyAccessor<ConversationData> legacyConversationData = legacyConversationState.CreateProperty<ConversationData>(nameof(ConversationData));

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Add(CultureTurnStateKey, Language.FromLocale(turnContext.Activity.Locale).Culture);
        await references.SaveAsync(turnContext.Activity, cancellationToken);
        await base.OnTurnAsync(turnContext, cancellationToken);
        if (turnContext.TurnState.Get<UserConversationState>(UserStateKey) is { } state)
        {
            await userStates.SaveAsync(state, cancellationToken);
        }

        if (turnContext.TurnState.ContainsKey(LegacyStateTakenKey))
        {
            await legacyConversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var session = await OpenSessionAsync(turnContext, cancellationToken);
        var activity = turnContext.Activity;
        try
        {
            ChatInput input = activity.Value is not null && string.IsNullOrWhiteSpace(activity.Text)
                ? ReadSubmit(activity.Value)
                : new ChatInput.Typed(TypedText(activity));
            await router.RouteAsync(input, session, cancellationToken);
        }
        catch (MalformedCardActionException exception)
        {
            logger.LogWarning("Malformed card submission: {Reason}", exception.Message);
            session.Reply(session.Text<ChatTexts>("Action.Malformed"));
        }

        await ChannelResponder.SendAsync(session, session.Outbox, cancellationToken);
    }

    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name != AdaptiveCardActionInvoke)
        {
            var handled = await base.OnInvokeActivityAsync(turnContext, cancellationToken);
            if (handled.Status != (int)System.Net.HttpStatusCode.NotImplemented)
            {
                return handled;
            }

            // An invoke this bot does not offer (the manifest declares none besides card actions): a client error, not a 5xx.
            logger.LogWarning("Unsupported invoke {Name}", turnContext.Activity.Name);
            return new InvokeResponse { Status = 400, Body = new Error("BadRequest", "This bot does not support this invoke.") };
        }

        var session = await OpenSessionAsync(turnContext, cancellationToken);
        try
        {
            var input = ReadExecute(turnContext.Activity.Value);
            await router.RouteAsync(input, session, cancellationToken);
        }
        catch (MalformedCardActionException exception)
        {
            logger.LogWarning("Malformed Action.Execute: {Reason}", exception.Message);
            var message = session.Text<ChatTexts>("Action.Malformed");
            try
            {
                await turnContext.SendActivityAsync(MessageFactory.Text(message), cancellationToken);
            }
            catch (Exception sendFailure) when (sendFailure is HttpRequestException or Microsoft.Rest.HttpOperationException or ErrorResponseException)
            {
                // The 400 below still tells the client; the chat message is a courtesy that must not turn it into a 5xx.
                logger.LogWarning(sendFailure, "Could not post the malformed-action notice.");
            }

            return new InvokeResponse
            {
                Status = 400,
                Body = new AdaptiveCardInvokeResponse { StatusCode = 400, Type = ErrorContentType, Value = new Error("BadRequest", message) },
            };
        }

        var outbox = session.Outbox;
        var last = outbox.LastOrDefault(m => m.Card is not null);
        var updated = last?.Card ?? ChatCards.Notice(outbox.Where(m => m.Text is not null).Select(m => m.Text!).ToList());
        var rest = last is null ? [] : outbox.Where(m => !ReferenceEquals(m, last)).ToList();
        await ChannelResponder.SendAsync(session, rest, cancellationToken);
        return new InvokeResponse
        {
            Status = 200,
            Body = new AdaptiveCardInvokeResponse { StatusCode = 200, Type = AdaptiveCard.ContentType, Value = new JRaw(CardBudget.FitJson(updated, session.Text<ChatTexts>("Card.Cut"))) },
        };
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (!membersAdded.Any(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            return;
        }

        var session = await OpenSessionAsync(turnContext, cancellationToken);
        logger.LogInformation("Welcoming {User} in {Conversation}", session.User, turnContext.Activity.Conversation?.Id);
        session.Reply(ChatCards.Welcome(session.Culture, commands.Shortcuts(ShortcutOn.WelcomeAndHelp)));
        await ChannelResponder.SendAsync(session, session.Outbox, cancellationToken);
    }

    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        logger.LogInformation("Installed in {Conversation} (tenant {Tenant})", turnContext.Activity.Conversation?.Id, turnContext.Activity.Conversation?.TenantId);
        return Task.CompletedTask;
    }

    private async Task<ChatSession> OpenSessionAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var user = UserKey.From(turnContext.Activity);
        // One round trip: the profile and the user's state in this conversation sit side by side in the user's partition.
        var read = await userStates.ReadAsync(user, turnContext.Activity, cancellationToken);
        var state = read.Conversation;
        turnContext.TurnState[UserStateKey] = state;
        var profile = read.Profile;
        var clientZone = ClientTimeZone(turnContext.Activity);
        if (clientZone is not null && !profile.Profile.TimeZoneChosen && profile.Profile.TimeZoneId != clientZone && TimeZoneInfo.TryFindSystemTimeZoneById(clientZone, out _))
        {
            profile = await profiles.UpdateAsync(user, profile, p => p.TimeZoneChosen ? p : p with { TimeZoneId = clientZone }, cancellationToken);
        }

        var (resolved, identity) = await identities.ResolveAsync(turnContext, user, profile.Profile, cancellationToken);
        if (!state.Found)
        {
            state.Data = await TakeOverLegacyStateAsync(turnContext, cancellationToken);
        }

        // A profile the identity check rewrote has an ETag this turn has not seen: the session reads it before its first write.
        var session = new ChatSession(turnContext, user, resolved, resolved == profile.Profile ? profile : null, identity, state.Data, clock, profiles, flows);
        turnContext.TurnState[CultureTurnStateKey] = session.Culture;
        return session;
    }

    /// <summary>
    /// A user without per-user state yet: in a personal chat (one user) the conversation-wide state of the bot before
    /// per-user state is theirs, taken over once so a flow in progress across the upgrade goes on; in a shared
    /// conversation nobody can tell whose it was, and it is left alone.
    /// </summary>
    private async Task<ConversationData> TakeOverLegacyStateAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Conversation?.IsGroup == true || turnContext.Activity.Conversation?.ConversationType is "groupChat" or "channel")
        {
            return new ConversationData();
        }

        var legacy = await legacyConversationData.GetAsync(turnContext, () => null!, cancellationToken);
        if (legacy is null)
        {
            return new ConversationData();
        }

        await legacyConversationData.DeleteAsync(turnContext, cancellationToken);
        turnContext.TurnState[LegacyStateTakenKey] = true;
        return legacy;
    }

    private static string? ClientTimeZone(IActivity activity) =>
        activity.Entities?.FirstOrDefault(e => e.Type == "clientInfo")?.Properties?["timezone"]?.Value<string>();

    /// <summary>What the user typed; for a message with no text, the command its attachments stand for (a lone .csv → bids).</summary>
    private string TypedText(IMessageActivity activity)
    {
        var text = MentionFreeText(activity);
        return text.Length == 0 ? AttachmentCommands.ImpliedCommand(activity, commands) ?? text : text;
    }

    private static string MentionFreeText(IMessageActivity activity)
    {
        // Bot Builder's RemoveRecipientMention throws on a mention entity without "mentioned"; read the entities ourselves.
        var text = activity.Text ?? "";
        var recipientId = activity.Recipient?.Id;
        foreach (var mention in activity.Entities?.Where(e => e.Type == "mention") ?? [])
        {
            if (mention.Properties?["mentioned"]?["id"]?.Type == JTokenType.String
                && (string?)mention.Properties["mentioned"]!["id"] == recipientId
                && mention.Properties["text"] is JValue { Type: JTokenType.String } mentionText
                && !string.IsNullOrEmpty((string?)mentionText))
            {
                text = text.Replace((string)mentionText!, " ", StringComparison.Ordinal);
            }
        }

        return System.Text.RegularExpressions.Regex.Replace(text, "<at>.*?</at>", " ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)).Trim();
    }

    private static ChatInput.CardAction ReadSubmit(object value)
    {
        var data = ReadData(value as JObject ?? throw new MalformedCardActionException("The submitted value is not an object."));
        var verb = data.GetValueOrDefault(CardActions.VerbKey);
        return string.IsNullOrWhiteSpace(verb)
            ? throw new MalformedCardActionException("The submitted value has no verb.")
            : new ChatInput.CardAction(verb, data, InputSource.CardSubmit);
    }

    private static ChatInput.CardAction ReadExecute(object? value)
    {
        if (value is not JObject invoke || invoke["action"] is not JObject action)
        {
            throw new MalformedCardActionException("The invoke value has no action.");
        }

        if (action["verb"] is not JValue { Type: JTokenType.String } verbToken || string.IsNullOrWhiteSpace(verbToken.Value<string>()))
        {
            throw new MalformedCardActionException("The action has no verb.");
        }

        var data = action["data"] switch
        {
            null or { Type: JTokenType.Null } => new Dictionary<string, string>(),
            JObject inputs => ReadData(inputs),
            _ => throw new MalformedCardActionException("The action's data is not an object."),
        };
        return new ChatInput.CardAction(verbToken.Value<string>()!, data, InputSource.CardExecute);
    }

    private static Dictionary<string, string> ReadData(JObject data) =>
        data.Properties().ToDictionary(
            p => p.Name,
            p => p.Value is JValue scalar ? Convert.ToString(scalar.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "" : p.Value.ToString(Formatting.None),
            StringComparer.Ordinal);
}
