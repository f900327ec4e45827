using System.Collections.Concurrent;

namespace OutreachBot.Domain.Tests.Reminders;

/// <summary>A test double of the transport: records every send and answers from a script (Delivered when the script is empty).</summary>
internal sealed class RecordingDelivery : IReminderDelivery
{
    private readonly ConcurrentQueue<Func<DeliveryResult>> script = new();

    public ConcurrentQueue<Send> Sends { get; } = new();

    public Func<Reminder, CancellationToken, Task>? BeforeAnswer { get; set; }

    public IReadOnlyList<Send> Delivered => Sends.Where(s => s.Result is DeliveryResult.Delivered).ToList();

    public RecordingDelivery ThenAnswer(DeliveryResult result)
    {
        script.Enqueue(() => result);
        return this;
    }

    public async Task<DeliveryResult> SendAsync(Reminder reminder, string idempotencyKey, bool isLate, CancellationToken cancellationToken)
    {
        if (BeforeAnswer is not null)
        {
            await BeforeAnswer(reminder, cancellationToken);
        }

        var result = script.TryDequeue(out var next) ? next() : DeliveryResult.Success;
        Sends.Enqueue(new Send(reminder.Id, idempotencyKey, isLate, result));
        return result;
    }

    public sealed record Send(string ReminderId, string IdempotencyKey, bool IsLate, DeliveryResult Result);
}
