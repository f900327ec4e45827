using System.Globalization;
using OutreachBot.Domain.Reminders;
using OutreachBot.Features.Outreaches;

namespace OutreachBot.Features.Reminders;

/// <summary>A time the user can pick when what they typed was ambiguous or already past.</summary>
public sealed record CandidateTime(DateTimeOffset At, string Title);

/// <summary>The reminder cards, one pure function each; times are shown in the user's zone.</summary>
public static class ReminderCards
{
    public const int MaxListed = 10;

    public static AdaptiveCard Question(string heading, IReadOnlyList<CandidateTime> candidates, string what, CultureInfo culture)
    {
        var body = new List<CardElement> { new TextBlock(heading) { Weight = TextWeight.Bolder } };
        if (what.Length > 0)
        {
            body.Add(new FactSet([new Fact(T(culture, "Field.What"), what)]));
        }

        body.Add(new TextBlock(T(culture, "Remind.OrTypeAgain")) { IsSubtle = true });
        var actions = candidates.Select(c => (CardAction)CardActions.Verb(c.Title, new RemindAt(c.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), what))).ToList();
        return new AdaptiveCard(body, actions);
    }

    public static AdaptiveCard Confirmation(Reminder reminder, bool timeAssumed, TimeZoneInfo zone, CultureInfo culture)
    {
        var body = new List<CardElement>
        {
            new TextBlock("✅ " + T(culture, "Set.Title")) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new FactSet(
            [
                new Fact(T(culture, "Field.What"), reminder.Text),
                new Fact(T(culture, "Field.When"), CultureFormat.DateTime(reminder.Due, zone, culture)),
            ]),
        };
        if (timeAssumed)
        {
            body.Add(new TextBlock(T(culture, "Set.TimeAssumed")) { IsSubtle = true });
        }

        return new AdaptiveCard(body, [CancelButton(reminder, culture), MyRemindersButton(culture)]);
    }

    /// <param name="pending">The user's upcoming reminders, soonest first; only the first <see cref="MaxListed"/> are shown.</param>
    public static AdaptiveCard List(IReadOnlyList<Reminder> pending, TimeZoneInfo zone, CultureInfo culture)
    {
        var body = new List<CardElement>
        {
            new TextBlock(T(culture, "List.Title", pending.Count)) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
        };
        foreach (var reminder in pending.Take(MaxListed))
        {
            body.Add(new Container(
            [
                new TextBlock(reminder.Text) { Weight = TextWeight.Bolder },
                new TextBlock(CultureFormat.DateTime(reminder.Due, zone, culture) + " · " + T(culture, "ReminderKind." + reminder.Kind)) { IsSubtle = true, Spacing = Spacing.None },
                new ActionSet([CancelButton(reminder, culture)]),
            ])
            { Separator = true });
        }

        if (pending.Count > MaxListed)
        {
            body.Add(new TextBlock(T(culture, "List.More", pending.Count - MaxListed)) { IsSubtle = true });
        }

        return new AdaptiveCard(body);
    }

    /// <summary>The proactive reminder: context, the playbook's next step, Done / Snooze / Open outreach.</summary>
    public static AdaptiveCard Delivered(Reminder reminder, bool isLate, DateTimeOffset now, TimeZoneInfo zone, CultureInfo culture)
    {
        var title = T(culture, "ReminderKind." + reminder.Kind);
        var body = new List<CardElement>
        {
            new TextBlock(isLate ? $"⏰ {title} · {T(culture, "Late.Label")}" : $"⏰ {title}")
            {
                Size = TextSize.Medium,
                Weight = TextWeight.Bolder,
                Color = isLate ? TextColor.Warning : null,
            },
            new TextBlock(reminder.Text),
            new FactSet([new Fact(T(culture, "Field.Due"), CultureFormat.DateTime(reminder.Due, zone, culture))]),
        };
        if (isLate)
        {
            body.Add(new TextBlock(T(culture, "Late.Note", CultureFormat.DateTime(reminder.Due, zone, culture))) { Color = TextColor.Warning });
        }

        body.Add(new Container(
        [
            new TextBlock(T(culture, "NextStep")) { Weight = TextWeight.Bolder },
            new TextBlock(T(culture, "Next." + reminder.Kind)) { Spacing = Spacing.None },
        ])
        { Style = ContainerStyle.Emphasis });

        var actions = new List<CardAction> { CardActions.Verb(T(culture, "Button.Done"), new ReminderDone(reminder.Id)) };
        actions.AddRange(SnoozeChoices.At(now, zone).Select(choice => (CardAction)CardActions.Verb(
            T(culture, "Snooze." + choice.Code), new SnoozeReminder(reminder.Id, choice.Code))));
        if (reminder.OutreachId is not null)
        {
            var open = new OutreachButton(reminder.OutreachId, Args: reminder.DepartmentId);
            actions.Add(CardActions.Verb(T(culture, "Button.OpenOutreach"), OutreachCommandSet.Status.Name, open.Data()));
        }

        return new AdaptiveCard(body, actions);
    }

    /// <summary>What a reminder card becomes after Done, Snooze or Cancel.</summary>
    public static AdaptiveCard Outcome(string text, Reminder? reminder, CultureInfo culture)
    {
        var actions = new List<CardAction>();
        if (reminder is { IsFinished: false })
        {
            actions.Add(CancelButton(reminder, culture));
        }

        actions.Add(MyRemindersButton(culture));
        return new AdaptiveCard([new TextBlock(text)], actions);
    }

    public static string ButtonTime(DateTimeOffset instant, TimeZoneInfo zone, CultureInfo culture) =>
        BotCopy.For(Language.Of(culture), zone).Value(instant);

    private static ExecuteAction CancelButton(Reminder reminder, CultureInfo culture) =>
        CardActions.Verb(T(culture, "Button.Cancel"), new CancelReminder(reminder.Id));

    private static ExecuteAction MyRemindersButton(CultureInfo culture) =>
        CardActions.Command(T(culture, "Button.MyReminders"), ReminderCommandSet.Reminders.Name);

    private static string T(CultureInfo culture, string key, params object?[] args) => Texts<ReminderTexts>.Get(culture, key, args);
}
