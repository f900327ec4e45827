namespace OutreachBot.Hosting;

/// <summary>
/// The Bot Framework adapter logs every turn ("ProcessActivityAsync", "SendActivitiesAsync for n activities") at
/// Information; at chat volume that is most of the log and a measurable part of a turn's cost. Those lines are turn
/// details, so they are logged at Debug; warnings and errors pass through unchanged.
/// </summary>
public sealed class TurnDetailLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(Demote(logLevel));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var level = Demote(logLevel);
        if (inner.IsEnabled(level))
        {
            inner.Log(level, eventId, state, exception, formatter);
        }
    }

    private static LogLevel Demote(LogLevel logLevel) => logLevel == LogLevel.Information ? LogLevel.Debug : logLevel;
}
