using System.Globalization;
using OutreachBot.Domain.Reminders;
using OutreachBot.Domain.Storage.Reminders;

namespace OutreachBot.Features.Reminders;

/// <summary><c>remind &lt;when&gt; &lt;what&gt;</c> / <c>提醒 &lt;时间&gt; &lt;事项&gt;</c>.</summary>
public sealed class RemindCommand(ReminderScheduling scheduling) : ICommandHandler
{
    public Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken) =>
        scheduling.HandleTextAsync(request.Arguments, session, cancellationToken);
}

/// <summary>The whole sentence: "remind me next Tuesday 3pm to call Li Lei", "下周二下午三点提醒我联系李雷".</summary>
public sealed class RemindSentence(ReminderScheduling scheduling) : IFreeTextHandler
{
    public async Task<bool> TryHandleAsync(string text, ChatSession session, CancellationToken cancellationToken)
    {
        if (!ReminderScheduling.LooksLikeReminderSentence(text))
        {
            return false;
        }

        await scheduling.HandleTextAsync(text, session, cancellationToken);
        return true;
    }
}

/// <summary><c>reminders</c> / <c>我的提醒</c>: the user's upcoming reminders, each with a cancel button.</summary>
public sealed class RemindersCommand(ReminderRepository repository) : ICommandHandler
{
    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var pending = await repository.ListForOwnerAsync(session.User.Value, includeFinished: false, cancellationToken);
        if (pending.Count == 0)
        {
            session.Reply(session.Text<ReminderTexts>("List.Empty"));
            return;
        }

        session.Reply(ReminderCards.List(pending, session.TimeZone, session.Culture));
    }
}

/// <summary>A candidate time picked from the question card.</summary>
public sealed class RemindAtAction(ReminderScheduling scheduling) : CardActionHandler<RemindAt>
{
    public override Task HandleAsync(RemindAt action, ChatSession session, CancellationToken cancellationToken)
    {
        if (!DateTimeOffset.TryParse(action.At, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            throw new MalformedCardActionException($"'{RemindAt.Verb}' needs a time, not '{action.At}'.");
        }

        return scheduling.ScheduleAsync(at, action.What, timeAssumed: false, session, cancellationToken);
    }
}

/// <summary>Cancel, from the confirmation card or the list. Only the owner's own reminders can be reached.</summary>
public sealed class CancelReminderAction(ReminderRepository repository) : CardActionHandler<CancelReminder>
{
    public override async Task HandleAsync(CancelReminder action, ChatSession session, CancellationToken cancellationToken)
    {
        var result = await repository.CancelAsync(session.User.Value, action.Id, cancellationToken);
        ReminderReplies.Answer(result, r => session.Text<ReminderTexts>("Cancelled", r.Text, r.Due), session);
    }
}

/// <summary>Done on a reminder card: nothing more to send for it; a pending (snoozed) occurrence is cancelled.</summary>
public sealed class ReminderDoneAction(ReminderRepository repository) : CardActionHandler<ReminderDone>
{
    public override async Task HandleAsync(ReminderDone action, ChatSession session, CancellationToken cancellationToken)
    {
        var result = await repository.CancelAsync(session.User.Value, action.Id, cancellationToken);
        if (result.Status == ReminderChangeStatus.AlreadyFinished && result.Reminder is { State: ReminderState.Sent } sent)
        {
            result = new ReminderChangeResult(ReminderChangeStatus.Changed, sent);
        }

        ReminderReplies.Answer(result, r => session.Text<ReminderTexts>("Done", r.Text), session);
    }
}

/// <summary>Snooze on a reminder card: 1 hour, tomorrow 09:00 or next Monday 09:00 in the user's zone, counted from the press.</summary>
public sealed class SnoozeReminderAction(ReminderRepository repository, ReminderDispatcher dispatcher) : CardActionHandler<SnoozeReminder>
{
    public override async Task HandleAsync(SnoozeReminder action, ChatSession session, CancellationToken cancellationToken)
    {
        var choice = SnoozeChoices.At(session.Clock.GetUtcNow(), session.TimeZone).FirstOrDefault(c => c.Code == action.Until)
            ?? throw new MalformedCardActionException($"'{SnoozeReminder.Verb}' does not know the snooze '{action.Until}'.");
        var result = await repository.SnoozeAsync(session.User.Value, action.Id, choice.Until, cancellationToken);
        if (result.Status == ReminderChangeStatus.Changed)
        {
            dispatcher.Wake(choice.Until);
        }

        ReminderReplies.Answer(result, r => session.Text<ReminderTexts>("Snoozed", r.Due, r.Text), session);
    }
}

internal static class ReminderReplies
{
    /// <summary>The updated card (an Action.Execute answers with it), or why nothing changed.</summary>
    public static void Answer(ReminderChangeResult result, Func<Reminder, string> changed, ChatSession session)
    {
        var text = result switch
        {
            { Status: ReminderChangeStatus.Changed, Reminder: { } reminder } => changed(reminder),
            { Status: ReminderChangeStatus.AlreadyFinished } => session.Text<ReminderTexts>("AlreadyFinished"),
            _ => session.Text<ReminderTexts>("NotFound"),
        };
        session.Reply(ReminderCards.Outcome(text, result.Status == ReminderChangeStatus.Changed ? result.Reminder : null, session.Culture));
    }
}
