namespace OutreachBot.Domain.Tests.Reminders;

internal sealed class ReminderBuilder
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
    private static int sequence;

    private string id = "r" + Interlocked.Increment(ref sequence).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    private string owner = "aad:alice";
    private string conversation = "conv-alice";
    private string text = "联系李雷";
    private DateTimeOffset due = Epoch.AddHours(1);
    private ReminderKind kind = ReminderKind.Manual;

    public static ReminderBuilder AReminder() => new();

    public ReminderBuilder WithId(string value) => Set(() => id = value);

    public ReminderBuilder OwnedBy(string value) => Set(() => owner = value);

    public ReminderBuilder InConversation(string value) => Set(() => conversation = value);

    public ReminderBuilder Saying(string value) => Set(() => text = value);

    public ReminderBuilder DueAt(DateTimeOffset value) => Set(() => due = value);

    public ReminderBuilder OfKind(ReminderKind value) => Set(() => kind = value);

    public Reminder Build() => new()
    {
        Id = id,
        OwnerKey = owner,
        ConversationKey = conversation,
        Text = text,
        Kind = kind,
        Due = due,
        FireAt = due,
        CreatedAt = Epoch,
    };

    private ReminderBuilder Set(Action assign)
    {
        assign();
        return this;
    }
}
